import { beforeEach, describe, expect, it } from 'vitest';
import { mergeSubmitted } from '@shared/contracts/project-merge';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import { addPeople, HOST_ME, uid } from '../sheets/fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addPeople(h);
});

/** The seeded open batch's 申报截止 is 2026-12-27; the 28th is after it in Beijing. */
const AFTER_DEADLINE = new Date('2026-12-28T02:00:00Z');

async function draftOf(openid: string, title: string) {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  return h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
}

describe('个别延期 (batch.grantExtension)', () => {
  it('lets one host submit after the batch deadline while another host is refused; it is audited and shown to them alone', async () => {
    const mine = await draftOf(HOST, '红色引擎');
    const other = await draftOf(MEMBER2, '双带头人');
    const ext = await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST), date: '2027-01-05', reason: '住院治疗，延期申报' });
    expect(ext).toMatchObject({ targetName: '张晓明', used: false, canWithdraw: true });

    h.now.value = AFTER_DEADLINE;
    // Shown to the host: their own deadline on the application and in 我的待办; not to the other host.
    const view = await h.ok(HOST, 'project.get', { id: mine._id });
    expect(view.deadline).toBe('2027-01-05');
    expect(view.canSubmit).toBe(true);
    expect(view.extensionNote).toContain('住院治疗，延期申报');
    expect((await h.ok(HOST, 'todo.mine', {})).items.map((i) => [i.kind, i.deadline])).toContainEqual(['submitDraft', '2027-01-05']);
    expect((await h.ok(MEMBER2, 'todo.mine', {})).items.filter((i) => i.kind === 'submitDraft')).toEqual([]);
    expect((await h.ok(MEMBER2, 'project.get', { id: other._id })).extensionNote).toBeNull();

    const refused = await h.err(MEMBER2, 'project.submit', { id: other._id, version: other.version });
    expect(refused.code).toBe('DEADLINE_PASSED');
    const submitted = await h.ok(HOST, 'project.submit', { id: mine._id, version: mine.version });
    expect(submitted.state).toBe('submitted');
    // The answer, from the batch and extensions the move read, merged into the page: what the page reads next.
    const merged = mergeSubmitted(view, submitted);
    expect(merged).toEqual(await h.ok(HOST, 'project.get', { id: mine._id }));
    expect(merged.deadline).toBe('2027-01-05');

    // Used now: it cannot be withdrawn. The batch's own deadline did not move.
    expect((await h.err(ADMIN, 'batch.withdrawExtension', { id: ext._id })).code).toBe('INVALID_TRANSITION');
    expect((await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH })).calendar.submissionDeadline).toBe('2026-12-27');
    const [listed] = await h.ok(ADMIN, 'batch.extensions', { batchId: OPEN_BATCH });
    expect(listed).toMatchObject({ used: true, canWithdraw: false });
    const audit = await h.store.find<{ _id: string; version: number; action: string; reason: string | null }>('audit', { where: { entityId: OPEN_BATCH }, limit: 100 });
    expect(audit.find((a) => a.action === 'grantExtension')?.reason).toBe('住院治疗，延期申报');
    const told = await h.store.find<{ _id: string; version: number; kind: string; recipientId: string }>('outbox', { where: { status: 'pending' }, limit: 100 });
    expect(told.filter((m) => m.kind === 'batch.extension').map((m) => m.recipientId)).toContain(uid(HOST));
    expect(told.filter((m) => m.kind === 'batch.extension').map((m) => m.recipientId)).not.toContain(uid(MEMBER2));
  });

  it('holds the extended date until 23:59:59 Beijing time, and not a second longer', async () => {
    const late = await draftOf(HOST, '红色引擎');
    const later = await draftOf(MEMBER2, '双带头人');
    await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST), date: '2027-01-05', reason: '住院治疗，延期申报' });
    await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(MEMBER2), date: '2027-01-05', reason: '外出调研' });
    h.now.value = new Date('2027-01-05T15:59:59Z');
    expect((await h.ok(HOST, 'project.submit', { id: late._id, version: late.version })).state).toBe('submitted');
    h.now.value = new Date('2027-01-05T16:00:00Z');
    expect((await h.err(MEMBER2, 'project.submit', { id: later._id, version: later.version })).code).toBe('DEADLINE_PASSED');
  });

  it('a host with an extension who submits before the batch’s own deadline leaves it unused; the answer merged is what the page reads next', async () => {
    const mine = await draftOf(HOST, '红色引擎');
    const ext = await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST), date: '2027-01-05', reason: '住院治疗，延期申报' });
    const page = await h.ok(HOST, 'project.get', { id: mine._id });
    expect(page.deadline).toBe('2027-01-05');
    const submitted = await h.ok(HOST, 'project.submit', { id: mine._id, version: mine.version });
    expect(mergeSubmitted(page, submitted)).toEqual(await h.ok(HOST, 'project.get', { id: mine._id }));
    // The batch's own deadline let it through: the extension was not needed, so it is not used up.
    const [listed] = await h.ok(ADMIN, 'batch.extensions', { batchId: OPEN_BATCH });
    expect(listed).toMatchObject({ _id: ext._id, used: false });
    // Withdrawn and submitted again after the batch's own deadline, the extension lets it through.
    const back = await h.ok(HOST, 'project.withdraw', { id: mine._id, version: submitted.version });
    expect(back.deadline).toBe('2027-01-05');
    h.now.value = AFTER_DEADLINE;
    const again = await h.ok(HOST, 'project.submit', { id: mine._id, version: back.version });
    expect(mergeSubmitted(back, again)).toEqual(await h.ok(HOST, 'project.get', { id: mine._id }));
    expect((await h.ok(ADMIN, 'batch.extensions', { batchId: OPEN_BATCH }))[0]).toMatchObject({ used: true });
  });

  it('extends a whole committee for its hosts only, and can be withdrawn before it is used', async () => {
    const cs = await draftOf(HOST, '红色引擎');
    const me = await draftOf(HOST_ME, '机电先锋');
    const ext = await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'committee', targetId: 'c-me', date: '2027-01-03', reason: '学院换届' });
    h.now.value = AFTER_DEADLINE;
    expect((await h.ok(HOST_ME, 'project.get', { id: me._id })).canSubmit).toBe(true);
    expect((await h.err(HOST, 'project.submit', { id: cs._id, version: cs.version })).code).toBe('DEADLINE_PASSED');
    const withdrawn = await h.ok(ADMIN, 'batch.withdrawExtension', { id: ext._id });
    expect(withdrawn).toMatchObject({ withdrawn: true, canWithdraw: false });
    expect((await h.err(HOST_ME, 'project.submit', { id: me._id, version: me.version })).code).toBe('DEADLINE_PASSED');
  });

  it('refuses a date not after the batch deadline, a host already submitted, and anyone but the batch’s managers', async () => {
    const p = await draftOf(HOST, '红色引擎');
    const early = await h.err(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST), date: '2026-12-20', reason: '病假' });
    expect(early.code).toBe('VALIDATION');
    expect(early.message).toContain('须晚于批次的申报截止日期');
    await h.ok(HOST, 'project.submit', { id: p._id, version: p.version });
    const done = await h.err(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST), date: '2027-01-05', reason: '病假' });
    expect(done.code).toBe('INVALID_TRANSITION');
    expect(done.message).toContain('已提交');
    expect((await h.err(SECRETARY_CS, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(MEMBER2), date: '2027-01-05', reason: '病假' })).code).toBe('FORBIDDEN');
  });
});

describe('next year’s batch (batch.nextYear, batch.create fromId)', () => {
  it('carries the settings and rubric with the calendar a year later, and nothing of the old round', async () => {
    await h.ok(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric: [{ key: 'fit', label: '契合度', weight: 100, max: 10 }] });
    await draftOf(HOST, '红色引擎');
    const draft = await h.ok(ADMIN, 'batch.nextYear', { fromId: OPEN_BATCH });
    expect(draft).toMatchObject({ name: '第三批校级党建精品项目（2027）', year: 2027, level: 'school', grantPerProject: 2_000_000, quota: 20 });
    expect(draft.calendar.submissionDeadline).toBe('2027-12-27');
    expect(draft.rubric).toEqual([{ label: '契合度', weight: 100, max: 10 }]);
    const { fromId, fromName: _n, rubric: _r, ...fields } = draft;
    const created = await h.ok(ADMIN, 'batch.create', { ...fields, fromId });
    const round = await h.ok(ADMIN, 'review.roundStatus', { batchId: created._id });
    expect(round.rubric.map((c) => c.label)).toEqual(['契合度']);
    expect(round.counts).toEqual({ recommended: 0, underReview: 0, inPublicity: 0, approved: 0, rejected: 0 });
    expect((await h.ok(ADMIN, 'review.roundList', { batchId: created._id })).total).toBe(0);
    expect(await h.store.count('projects', { batchId: created._id })).toBe(0);
  });

  it('refuses a copy of another committee’s own batch', async () => {
    const own = await h.ok(SECRETARY_ME, 'batch.create', { name: '机电自行培育（2026）', year: 2026, level: 'committee', committeeId: 'c-me', calendar: { submissionDeadline: '2026-12-30' }, grantPerProject: 100_000, quota: 2, noticeTitle: '', paperInstructions: '' });
    expect((await h.err(SECRETARY_CS, 'batch.nextYear', { fromId: own._id })).code).toBe('FORBIDDEN');
    expect((await h.ok(SECRETARY_ME, 'batch.nextYear', { fromId: own._id })).name).toBe('机电自行培育（2027）');
    const copy = await h.err(SECRETARY_CS, 'batch.create', { name: '复制', year: 2027, level: 'committee', committeeId: 'c-cs', calendar: { submissionDeadline: '2027-12-30' }, grantPerProject: 100_000, quota: 1, noticeTitle: '', paperInstructions: '', fromId: own._id });
    expect(copy.code).toBe('FORBIDDEN');
  });
});

describe('a committee-wide extension moves the committee’s calendar for the batch (issue 32, item 13)', () => {
  // The batch: 申报截止 2026-12-27, 推荐截止 2027-01-06. On 01-07 both have passed.
  const JAN_7 = new Date('2027-01-07T02:00:00Z');
  const JAN_8 = new Date('2027-01-08T02:00:00Z');

  it('the recommendation deadline moves by as many days; the secretary recommends, has a 待办 and sees the committee’s dates', async () => {
    const mine = await draftOf(HOST, '红色引擎');
    h.now.value = JAN_7;
    const ext = await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'committee', targetId: 'c-cs', date: '2027-01-10', reason: '学院集中评审推迟' });
    // 12-27 → 01-10 is 14 days: 推荐截止 01-06 → 01-20.
    expect(ext.recommendationText).toBe('2027年1月20日 23:59（北京时间）');
    h.now.value = JAN_8;
    const submitted = await h.ok(HOST, 'project.submit', { id: mine._id, version: mine.version });
    expect((await h.ok(SECRETARY_CS, 'todo.mine', {})).items.map((i) => [i.kind, i.deadline])).toContainEqual(['decideApplications', '2027-01-20']);
    const batch = (await h.ok(SECRETARY_CS, 'batch.list', {})).find((b) => b._id === OPEN_BATCH);
    expect(JSON.stringify(batch)).toContain('2027-01-20');
    const decided = await h.ok(SECRETARY_CS, 'committee.decide', { id: mine._id, version: submitted.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    expect(decided.state).toBe('recommended');
  });

  it('or to the date the 组织部 sets; a host-level extension moves only that host’s submission', async () => {
    const mine = await draftOf(HOST, '红色引擎');
    const other = await draftOf(HOST_ME, '机电先锋');
    h.now.value = JAN_7;
    const set = await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'committee', targetId: 'c-cs', date: '2027-01-10', recommendationDate: '2027-01-12', reason: '学院集中评审推迟' });
    expect(set.recommendationText).toBe('2027年1月12日 23:59（北京时间）');
    expect((await h.err(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'committee', targetId: 'c-me', date: '2027-01-10', recommendationDate: '2027-01-09', reason: '推迟' })).message).toBe('推荐截止（2027-01-09）不能早于延期后的申报截止（2027-01-10）');
    await h.ok(ADMIN, 'batch.grantExtension', { batchId: OPEN_BATCH, target: 'host', targetId: uid(HOST_ME), date: '2027-01-10', reason: '住院治疗' });
    h.now.value = JAN_8;
    const a = await h.ok(HOST, 'project.submit', { id: mine._id, version: mine.version });
    const b = await h.ok(HOST_ME, 'project.submit', { id: other._id, version: other.version });
    await h.ok(SECRETARY_CS, 'committee.decide', { id: mine._id, version: a.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    const refused = await h.err(SECRETARY_ME, 'committee.decide', { id: other._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    expect(refused.code).toBe('DEADLINE_PASSED');
    expect(refused.message).toContain('推荐已于 2027年1月6日 23:59');
  });
});
