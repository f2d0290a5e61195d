import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import type { User } from '@shared/domain/person';
import type { ApplicationFields } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { createLocalFiles, type LocalFiles } from '../../adapters/local/files';
import { createApp } from '../../app';
import { openDocx } from '../../exports/documents/read-docx';
import { writeStripedPng } from '../../../../test/support/png';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const REVIEWER = 'dev-reviewer';
const uid = (openid: string) => `u_${openid}`;

function tick(minutes = 1) {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

async function draft(fields: Partial<ApplicationFields> = {}): Promise<Project> {
  tick();
  const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
  tick();
  await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, ...fields } });
  return (await h.store.get<Project>('projects', p._id))!;
}

async function withMember(p: Project): Promise<void> {
  const inv = await h.ok(HOST, 'team.invite', { projectId: p._id });
  tick();
  await h.ok(MEMBER2, 'team.join', { token: inv.token });
}

async function submit(p: Project): Promise<Project> {
  tick();
  const fresh = (await h.store.get<Project>('projects', p._id))!;
  await h.ok(HOST, 'project.submit', { id: fresh._id, version: fresh.version });
  return (await h.store.get<Project>('projects', p._id))!;
}

async function recommend(p: Project, comment: string, rank: number): Promise<Project> {
  tick();
  await h.ok(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'recommend', comment, rank });
  return (await h.store.get<Project>('projects', p._id))!;
}

async function opened(file: OutputOf<'export.application'>) {
  expect(file.fileName).toMatch(/\.docx$/);
  const bytes = h.files.bytes(file.url);
  expect(bytes.length).toBe(file.size);
  return openDocx(bytes);
}

describe('export.application (申报书, 附件2)', () => {
  it('gives the host the 申报书 of a draft with team, sections, milestones, budget and a blank committee box', async () => {
    const p = await draft();
    await withMember(p);
    const file = await h.ok(HOST, 'export.application', { projectId: p._id });
    expect(file.fileName).toBe('党建精品项目申报书-“红色引擎”党建与科研融合工程.docx');
    expect(file.rows).toBe(12);
    const doc = await opened(file);
    expect(doc.paragraphs).toContain('党建精品项目申报书');
    expect(doc.paragraphs).toContain('第三批校级党建精品项目（2026）');
    expect(doc.tables[0]).toEqual([
      ['项目名称', COMPLETE_FIELDS.title],
      ['申报单位', '计算机与软件学院党委'],
      ['项目负责人', '张晓明'],
      ['联系电话', '13800138000'],
      // A draft carries the day it was exported (Beijing time).
      ['填报日期', '2026年11月27日'],
    ]);
    expect(doc.tables[1]).toContainEqual(['项目类别', '党建与业务融合', '建设周期', '一年']);
    expect(doc.tables[1]).toContainEqual(['项目负责人', '张晓明', '政治面貌', '中共正式党员']);
    expect(doc.tables[1]).toContainEqual(['当前状态', '草稿']);
    expect(doc.tables[2]!.slice(1)).toEqual([
      ['1', '张晓明', '计算机与软件学院党委', '中共正式党员', '项目主持人'],
      ['2', '李思雨', '计算机与软件学院党委', '中共预备党员', '项目成员（学生）'],
    ]);
    for (const text of [COMPLETE_FIELDS.background, COMPLETE_FIELDS.goals, COMPLETE_FIELDS.measures, COMPLETE_FIELDS.innovation, COMPLETE_FIELDS.expectedOutcomes]) {
      expect(doc.paragraphs).toContain(text);
    }
    expect(doc.tables[3]!.slice(1)).toEqual([
      ['1', '2027-03-01', '完成组织共建方案'],
      ['2', '2027-09-30', '形成阶段成果'],
    ]);
    expect(doc.tables[4]!.slice(1)).toEqual([
      ['1', '学习资料印制费', '1,200.50'],
      ['2', '实践活动交通费', '3,000.00'],
      ['合计', '4,200.50'],
    ]);
    const box = doc.tables.find((t) => t[0]![0] === '基层党委（总支）意见')!;
    expect(box[0]![1]).not.toContain('推荐意见');
    expect(box[0]![1]).toContain('书记（签字）：（盖章）年      月      日');
    expect(doc.tables.find((t) => t[0]![0] === '党委组织部意见')).toBeDefined();
  });

  it('fills the committee box with the 推荐意见 and rank once recommended, and names the brand and 支撑材料', async () => {
    tick();
    const brand = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    tick();
    await h.ok(SECRETARY_CS, 'brand.save', { id: brand._id, version: brand.version, report: { ...brand.report, name: '红色引擎·智汇先锋' } });
    const p = await draft({ brandId: brand._id, attachments: [{ fileId: 'local:plan.pdf', name: '实施方案.pdf', size: 1024 }] });
    const r = await recommend(await submit(p), '经党委会研究讨论，同意推荐。', 2);
    const doc = await opened(await h.ok(SECRETARY_CS, 'export.application', { projectId: r._id }));
    const box = doc.tables.find((t) => t[0]![0] === '基层党委（总支）意见')!;
    expect(box[0]![1]).toContain('推荐意见：经党委会研究讨论，同意推荐。');
    expect(box[0]![1]).toContain('推荐排序：第 2 位');
    expect(doc.tables[1]).toContainEqual(['所属党建品牌', '红色引擎·智汇先锋']);
    expect(doc.tables[1]).toContainEqual(['当前状态', '已推荐']);
    expect(doc.paragraphs).toContain('1. 实施方案.pdf');
    // The date the host submitted it, in Beijing time.
    expect(doc.tables[0]).toContainEqual(['填报日期', '2026年11月27日']);
  });

  it('is for the host, the team, the committee, the 组织部 and assigned reviewers; others are refused', async () => {
    const p = await draft();
    await withMember(p);
    // A draft: the host and the team member, not yet the committee.
    await h.ok(MEMBER2, 'export.application', { projectId: p._id });
    expect((await h.err(SECRETARY_CS, 'export.application', { projectId: p._id })).code).toBe('FORBIDDEN');
    const s = await submit(p);
    const before = await h.store.count('audit');
    for (const who of [HOST, MEMBER2, SECRETARY_CS, ADMIN]) await h.ok(who, 'export.application', { projectId: s._id });
    expect(await h.store.count('audit')).toBe(before);

    const other = await h.err(SECRETARY_ME, 'export.application', { projectId: s._id });
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toContain('无法查看');
    expect((await h.err(REVIEWER, 'export.application', { projectId: s._id })).code).toBe('FORBIDDEN');
    expect((await h.err(NEWCOMER, 'export.application', { projectId: s._id })).code).toBe('UNAUTHENTICATED');
    expect((await h.raw(null, 'export.application', { projectId: s._id })).ok).toBe(false);
    expect((await h.err(HOST, 'export.application', { projectId: 'nope' })).code).toBe('NOT_FOUND');
    expect((await h.err(HOST, 'export.application', { projectId: '' })).code).toBe('VALIDATION');
    expect((await h.err(HOST, 'export.application', { projectId: s._id, extra: 1 })).code).toBe('VALIDATION');

    // Once the 组织部 assigns the reviewer, they may print it too.
    await recommend(s, '同意推荐', 1);
    h.now.value = new Date('2027-01-07T02:00:00Z');
    await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
    await h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: s._id, reviewerIds: [uid(REVIEWER)] });
    const doc = await opened(await h.ok(REVIEWER, 'export.application', { projectId: s._id }));
    expect(doc.tables[1]).toContainEqual(['当前状态', '立项评审中']);
  });

  it('still yields a valid file when stored text is hostile (control characters, 10 000 characters)', async () => {
    const p = await draft();
    // Written straight to the store, past the input checks, as old or imported data might be.
    await h.store.update<Project>('projects', p._id, p.version, {
      fields: { ...p.fields, title: 'A\u0001B\u0000C<&>', measures: '举'.repeat(10_000), background: '\u000B\uFFFE\uD800正文' },
      hostName: '张\u0007晓明',
    });
    const file = await h.ok(HOST, 'export.application', { projectId: p._id });
    expect(file.fileName).toBe('党建精品项目申报书-ABC_&_.docx');
    const doc = await opened(file);
    expect(doc.tables[0]![0]).toEqual(['项目名称', 'ABC<&>']);
    expect(doc.paragraphs).toContain('举'.repeat(10_000));
    expect(doc.paragraphs).toContain('正文');
    expect(doc.tables[2]![1]![1]).toBe('张晓明');
  });
});

const REPORT: BrandReport = {
  name: '红色引擎·智汇先锋',
  logo: null,
  connotation: '以党建引领科研创新，把支部建在团队上。',
  approach: '坚持以点带面，三年形成品牌。',
  stage: 'standardise',
  carriers: [{ title: '先锋讲堂', description: '每月一次的党员讲堂。', projectId: null, photos: [] }],
  influence: [{ kind: 'coverage', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', imageId: null }],
  problems: '品牌影响力仍需扩大。',
  publicNames: ['品牌工作室'],
};

describe('export.brandReport (附件1, 五有)', () => {
  let dir: string;
  let files: LocalFiles;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'documents-'));
    files = createLocalFiles(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The local host's app on the harness's store: pictures and exports on disk, as in `npm start`. */
  async function callLocal(openid: string, brandId: string) {
    const app = createApp({ store: h.store, clock: () => h.now.value, files, logger: { error: () => {} } });
    const r = await app.call({ openid }, { procedure: 'export.brandReport', input: { brandId }, requestId: 'r-doc' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const file = r.data as OutputOf<'export.brandReport'>;
    const name = /^\/files\/([^?]+)/.exec(file.url)![1]!;
    return { file, doc: await openDocx(readFileSync(files.pathFor(name)!)) };
  }

  async function brandWith(report: BrandReport): Promise<string> {
    tick();
    const b = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    tick();
    await h.ok(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report });
    return b._id;
  }

  it('writes the five 有 with the stage, embeds the logo and photos, and names a picture it cannot load', async () => {
    const logo = files.saveImage(readFileSync(writeStripedPng(path.join(dir, 'logo-src.png'), 200, 100))).fileId;
    const photo = files.saveImage(readFileSync(writeStripedPng(path.join(dir, 'photo-src.png'), 640, 480))).fileId;
    const cover = files.saveImage(readFileSync(writeStripedPng(path.join(dir, 'cover-src.png'), 300, 300))).fileId;
    const p = await submit(await draft());
    const brandId = await brandWith({
      ...REPORT,
      logo: { fileId: logo, explanation: '红色齿轮象征党建引领发展。' },
      carriers: [{ title: '先锋讲堂', description: '每月一次的党员讲堂。', projectId: p._id, photos: [photo, 'local:gone.png'] }],
      influence: [{ ...REPORT.influence[0]!, imageId: cover }],
    });

    const { file, doc } = await callLocal(SECRETARY_CS, brandId);
    expect(file.fileName).toBe('党建品牌创建工作情况报告-计算机与软件学院党委-红色引擎·智汇先锋.docx');
    expect(doc.paragraphs).toContain('基层党委（总支）党建品牌创建工作情况报告');
    for (const heading of ['一、有鲜明的品牌名称', '二、有深刻的品牌内涵', '三、有明确的创建思路', '四、有丰富的活动载体', '五、有广泛的社会影响', '六、存在问题与下一步打算']) {
      expect(doc.paragraphs).toContain(heading);
    }
    expect(doc.paragraphs).toContain('品牌名称：红色引擎·智汇先锋');
    expect(doc.paragraphs).toContain('标识释义：红色齿轮象征党建引领发展。');
    expect(doc.paragraphs).toContain(REPORT.connotation);
    expect(doc.paragraphs).toContain('当前所处阶段：规范（实践—总结—【规范】—提高—定型—推广）');
    expect(doc.paragraphs).toContain('（一）先锋讲堂');
    expect(doc.paragraphs).toContain(`关联党建精品项目：${COMPLETE_FIELDS.title}`);
    expect(doc.tables[0]!.slice(1)).toEqual([['1', '媒体报道', '学习强国报道', '2026-10-01', 'https://www.xuexi.cn/a.html']]);
    expect(doc.paragraphs).toContain(REPORT.problems);

    const media = doc.names.filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    expect(doc.xml.match(/<pic:pic[ >]/g)).toHaveLength(3);
    expect(doc.paragraphs).toContain('〔图片：活动载体1「先锋讲堂」照片2（未能读取，请另附）〕');
    expect(doc.paragraphs).toContain('附：未能嵌入的图片');
    expect(doc.paragraphs).toContain('1. 活动载体1「先锋讲堂」照片2');
    expect(file.rows).toBe(6);
  });

  it('is for the brand’s committee and the 组织部; another committee’s secretary and a member are refused', async () => {
    const brandId = await brandWith(REPORT);
    const admin = await callLocal(ADMIN, brandId);
    expect(admin.doc.paragraphs).toContain('品牌名称：红色引擎·智汇先锋');
    // Through the harness: no pictures, nothing to embed, still a file.
    const file = await h.ok(SECRETARY_CS, 'export.brandReport', { brandId });
    const doc = await openDocx(h.files.bytes(file.url));
    expect(doc.names.filter((n) => n.startsWith('word/media/'))).toHaveLength(0);

    const other = await h.err(SECRETARY_ME, 'export.brandReport', { brandId });
    expect(other.code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'export.brandReport', { brandId })).code).toBe('FORBIDDEN');
    expect((await h.err(REVIEWER, 'export.brandReport', { brandId })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_CS, 'export.brandReport', { brandId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('still yields a valid file from hostile stored text', async () => {
    const brandId = await brandWith(REPORT);
    const b = (await h.store.get<Brand>('brands', brandId))!;
    await h.store.update<Brand>('brands', brandId, b.version, {
      report: { ...b.report, name: '红\u0000色<引擎>', connotation: '内'.repeat(10_000), problems: '\u001F\uFFFF问题&' },
    });
    const file = await h.ok(SECRETARY_CS, 'export.brandReport', { brandId });
    const doc = await openDocx(h.files.bytes(file.url));
    expect(doc.paragraphs).toContain('品牌名称：红色<引擎>');
    expect(doc.paragraphs).toContain('内'.repeat(10_000));
    expect(doc.paragraphs).toContain('问题&');
    expect(file.fileName).toBe('党建品牌创建工作情况报告-计算机与软件学院党委-红色_引擎_.docx');
  });
});

describe('who the host is', () => {
  it('reads the host’s political status from their profile', async () => {
    const host = (await h.store.get<User>('users', uid(HOST)))!;
    await h.store.update<User>('users', host._id, host.version, { profile: { ...host.profile, politicalStatus: 'probationary_member' } });
    const p = await draft();
    const doc = await openDocx(h.files.bytes((await h.ok(HOST, 'export.application', { projectId: p._id })).url));
    expect(doc.tables[2]![1]).toEqual(['1', '张晓明', '计算机与软件学院党委', '中共预备党员', '项目主持人']);
  });
});
