import { beforeEach, describe, expect, it } from 'vitest';
import { approved, stored } from '../../../../test/safety/journey';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const base = {
  name: '第三批党建精品项目',
  year: 2027,
  calendar: { submissionDeadline: '2027-06-29', recommendationDeadline: '2027-07-10', publicityStart: '2027-07-20', publicityEnd: '2027-07-26', midtermDate: '2027-12-31', finalDate: '2028-06-30' },
  grantPerProject: 2_000_000,
  quota: 20,
  noticeTitle: '关于开展第三批党建精品项目建设工作的通知',
  paperInstructions: '纸质版材料报送汇元楼511室，电子版发送至 zzbdj@szu.edu.cn',
};

describe('batches', () => {
  it('are opened by the 组织部 with their calendar, money, quota and paper-copy instructions', async () => {
    const b = await h.ok(ADMIN, 'batch.create', { ...base, level: 'school' });
    expect(b).toMatchObject({ name: base.name, open: true, deadlineText: '2027年6月29日 23:59（北京时间）', paperInstructions: base.paperInstructions });
    expect((await h.ok(HOST, 'batch.list', {})).map((x) => x._id)).toContain(b._id);
  });

  it('refuse a grant too small to pay in two tranches, naming the smallest grant allowed', async () => {
    for (const grantPerProject of [0, 1]) {
      const e = await h.err(ADMIN, 'batch.create', { ...base, level: 'school', grantPerProject });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('至少为 0.02 元');
    }
    const b = await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH });
    const e = await h.err(ADMIN, 'batch.update', { ...base, id: OPEN_BATCH, version: b.version, calendar: b.calendar, grantPerProject: 1 });
    expect(e.message).toContain('至少为 0.02 元');
  });

  it('the smallest grant allowed leads an approved project into 培育 with its first tranche', async () => {
    const b = await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH });
    await h.ok(ADMIN, 'batch.update', { ...base, id: OPEN_BATCH, version: b.version, year: b.year, name: b.name, calendar: b.calendar, grantPerProject: 2 });
    const p = await approved(h);
    expect(p.grantFen).toBe(2);
    await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: 1, note: '' });
    expect((await stored(h, p._id)).state).toBe('cultivating');
  });

  it('refuse a calendar out of order, naming both dates', async () => {
    const e = await h.err(ADMIN, 'batch.create', { ...base, level: 'school', calendar: { ...base.calendar, publicityEnd: '2027-07-01' } });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('公示结束');
  });

  it('school batches are the 组织部’s; a committee may open its own (自行培育立项), seen only by its members', async () => {
    expect((await h.err(SECRETARY_CS, 'batch.create', { ...base, level: 'school' })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_CS, 'batch.create', { ...base, level: 'committee', committeeId: 'c-me' })).code).toBe('FORBIDDEN');
    const own = await h.ok(SECRETARY_CS, 'batch.create', { ...base, level: 'committee', committeeId: 'c-cs', name: '计算机学院党建特色项目' });
    expect((await h.ok(HOST, 'batch.list', {})).map((x) => x._id)).toContain(own._id);
    expect((await h.ok(SECRETARY_ME, 'batch.list', {})).map((x) => x._id)).not.toContain(own._id);
    expect((await h.err(SECRETARY_ME, 'batch.get', { id: own._id })).code).toBe('FORBIDDEN');
    // a member of another committee cannot apply to it
    expect((await h.err(SECRETARY_ME, 'project.create', { batchId: own._id })).code).toBe('FORBIDDEN');
  });

  it('extends a deadline with a reason: audited, hosts who have not submitted are told, and submission works again', async () => {
    const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    h.now.value = new Date('2026-12-28T02:00:00Z'); // a day after the demo deadline (2026-12-27)
    expect((await h.err(HOST, 'project.submit', { id: p._id, version: saved.version })).code).toBe('DEADLINE_PASSED');
    const b = await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH });
    expect((await h.err(ADMIN, 'batch.extendDeadline', { id: OPEN_BATCH, version: b.version, field: 'submissionDeadline', date: '2026-12-31', reason: '' })).code).toBe('VALIDATION');
    expect((await h.err(ADMIN, 'batch.extendDeadline', { id: OPEN_BATCH, version: b.version, field: 'submissionDeadline', date: '2026-12-20', reason: '提前' })).code).toBe('VALIDATION');
    const ext = await h.ok(ADMIN, 'batch.extendDeadline', { id: OPEN_BATCH, version: b.version, field: 'submissionDeadline', date: '2026-12-31', reason: '因期末考试周延期' });
    expect(ext.deadlineText).toBe('2026年12月31日 23:59（北京时间）');
    expect((await h.ok(HOST, 'project.submit', { id: p._id, version: saved.version })).state).toBe('submitted');
    const outbox = await h.store.find<{ _id: string; version: number; kind: string; recipientId: string }>('outbox', { where: { status: 'pending' } });
    expect(outbox.some((m) => m.kind === 'batch.extend' && m.recipientId === 'u_dev-member-1')).toBe(true);
    const audit = await h.store.find<{ _id: string; version: number; action: string; reason: string; to: string }>('audit', { where: { entityId: OPEN_BATCH } });
    expect(audit).toEqual([expect.objectContaining({ action: 'extend', reason: '因期末考试周延期', to: '申报截止 2026-12-31' })]);
    expect((await h.err(SECRETARY_CS, 'batch.extendDeadline', { id: OPEN_BATCH, version: (await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH })).version, field: 'submissionDeadline', date: '2027-01-02', reason: 'x' })).code).toBe('FORBIDDEN');
  });

  it('does not let an edit push a date later without the audited extension', async () => {
    const b = await h.ok(ADMIN, 'batch.create', { ...base, level: 'school' });
    const got = await h.ok(ADMIN, 'batch.get', { id: b._id });
    const e = await h.err(ADMIN, 'batch.update', { id: b._id, version: got.version, ...base, calendar: { ...base.calendar, submissionDeadline: '2027-07-01' } });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('延期');
    const ok = await h.ok(ADMIN, 'batch.update', { id: b._id, version: got.version, ...base, quota: 15, noticeTitle: '' });
    expect(ok.quota).toBe(15);
    expect(ok.noticeTitle).toBeUndefined();
    expect((await h.err(ADMIN, 'batch.update', { id: b._id, version: got.version, ...base })).code).toBe('CONFLICT');
  });
});
