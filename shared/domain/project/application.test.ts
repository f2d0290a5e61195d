import { describe, expect, it } from 'vitest';
import { applicationFieldsSchema, budgetTotal, completeFields, emptyApplication, missingForSubmission, overLimit, savableFields, type ApplicationFields } from './application';

const complete: ApplicationFields = {
  title: '“红色引擎”党建+科研融合工程',
  contactPhone: '0755-26530000',
  category: 'integration',
  background: '实施背景',
  goals: '建设目标',
  measures: '主要举措',
  innovation: '创新点',
  milestones: [{ date: '2027-03-01', task: '启动' }],
  expectedOutcomes: '预期成果',
  budget: [{ item: '资料印制费', amountFen: 120_050 }],
  brandId: null,
  attachments: [],
};

describe('the 申报书 fields', () => {
  it('lets an empty draft be saved', () => {
    expect(applicationFieldsSchema.safeParse(emptyApplication()).success).toBe(true);
  });

  it('lists what is missing before a submission, by the names on the form', () => {
    const missing = missingForSubmission(emptyApplication()).map((m) => m.label);
    expect(missing).toEqual(['项目名称', '联系电话', '项目类别', '实施背景与拟解决的问题', '建设目标', '建设思路与主要举措', '创新点', '进度安排', '预期成果', '经费预算']);
    expect(missingForSubmission(complete)).toEqual([]);
  });

  it('treats blank text as missing and unnamed budget lines as incomplete', () => {
    const m = missingForSubmission({ ...complete, goals: '   ', budget: [{ item: '', amountFen: 100 }] });
    expect(m.map((x) => x.label)).toEqual(['建设目标', '经费预算']);
  });

  it('counts the title limit in characters, not bytes', () => {
    expect(applicationFieldsSchema.safeParse({ ...complete, title: '党'.repeat(40) }).success).toBe(true);
    const r = applicationFieldsSchema.safeParse({ ...complete, title: '党'.repeat(41) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('项目名称不能超过40字');
  });

  it('refuses fractional fen and negative amounts', () => {
    expect(applicationFieldsSchema.safeParse({ ...complete, budget: [{ item: 'x', amountFen: 10.5 }] }).success).toBe(false);
    expect(applicationFieldsSchema.safeParse({ ...complete, budget: [{ item: 'x', amountFen: -1 }] }).success).toBe(false);
  });

  it('strips control characters that would break documents', () => {
    const r = applicationFieldsSchema.parse({ ...complete, goals: 'a\u0000b\u0007c\nd' });
    expect(r.goals).toBe('abc\nd');
  });

  it('refuses line breaks in the title', () => {
    expect(applicationFieldsSchema.safeParse({ ...complete, title: 'a\nb' }).success).toBe(false);
  });

  it('loads drafts saved before the later sections existed, with those sections empty', () => {
    const old = { title: 't', contactPhone: '', category: null, goals: '', measures: '', expectedOutcomes: '', budget: [] };
    const parsed = applicationFieldsSchema.parse(old);
    expect(parsed).toMatchObject({ background: '', innovation: '', milestones: [], brandId: null, attachments: [] });
    expect(completeFields(old)).toEqual(parsed);
  });

  it('needs every milestone dated and described', () => {
    expect(missingForSubmission({ ...complete, milestones: [{ date: '', task: '启动' }] }).map((m) => m.reason)).toEqual(['有进度安排缺少日期或任务']);
    expect(applicationFieldsSchema.safeParse({ ...complete, milestones: [{ date: '2027-02-30', task: 'x' }] }).success).toBe(false);
  });

  it('accepts only stored files as attachments, at most 20 MB each', () => {
    const ok = { fileId: 'local:abc.pdf', name: '支撑材料.pdf', size: 1024 };
    expect(applicationFieldsSchema.safeParse({ ...complete, attachments: [ok] }).success).toBe(true);
    expect(applicationFieldsSchema.safeParse({ ...complete, attachments: [{ ...ok, fileId: 'https://evil.example/x.pdf' }] }).success).toBe(false);
    expect(applicationFieldsSchema.safeParse({ ...complete, attachments: [{ ...ok, size: 21 * 1024 * 1024 }] }).success).toBe(false);
  });

  it('totals the budget in fen', () => {
    expect(budgetTotal([{ item: 'a', amountFen: 10 }, { item: 'b', amountFen: 29 }])).toBe(39);
  });
});

describe('what a person typed is kept, and named when it is too long or not a phone number', () => {
  it('names the phone number whose shape is wrong, keeps a hyphenated landline', () => {
    const fields = { ...completeFields({}), contactPhone: '0755-86930000' };
    expect(applicationFieldsSchema.parse(fields).contactPhone).toBe('0755-86930000');
    expect(missingForSubmission(fields).filter((m) => m.field === 'contactPhone')).toEqual([]);
    const bad = missingForSubmission({ ...fields, contactPhone: '0755-869' }).filter((m) => m.field === 'contactPhone');
    expect(bad.map((m) => m.reason)).toEqual([expect.stringContaining('联系电话格式不正确')]);
  });
  it('marks a pasted title over its limit, and a draft saves the rest with the last saved title', () => {
    const long = '党'.repeat(60);
    const fields = { ...completeFields({}), title: long, goals: '目标' };
    expect(overLimit(fields)).toEqual([{ field: 'title', label: '项目名称', reason: '超出20字（最多40字，现60字），请删减' }]);
    expect(missingForSubmission(fields).map((m) => m.field)).toContain('title');
    const saved = { ...completeFields({}), title: '旧的名称' };
    expect(savableFields(fields, saved)).toEqual({ ...fields, title: '旧的名称' });
    expect(applicationFieldsSchema.safeParse(savableFields(fields, saved)).success).toBe(true);
  });
});
