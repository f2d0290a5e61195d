import { beforeEach, describe, expect, it } from 'vitest';
import { indexRoles } from '../../services/role-index';
import type { ErrorCode, ProcedureName } from '@shared/contracts';
import type { Batch } from '@shared/domain/batch';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import type { AuditEntry } from '../../services/audit';
import type { OutboxEntry } from '../../services/outbox';
import { person } from './fixtures';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

/**
 * The review round through the router, on the seeded store. The committee's recommendation is
 * being built elsewhere, so fixtures write `recommended` (with opinion and rank) directly.
 */
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  for (const u of EXTRA_USERS) {
    await h.store.insert<User>('users', u);
    await indexRoles(h.store, u._id, u.roles);
  }
});

const REVIEWER_ART = 'dev-reviewer';
const REVIEWER_CS = 'rev-cs';
const REVIEWER_ME = 'rev-me';
const REVIEWER_PE = 'rev-pe';
const HOST_ME = 'host-me';
const HOST_MED = 'host-med';
const HOST_ART = 'host-art';
const HOST_PE = 'host-pe';

const uid = (openid: string) => `u_${openid}`;

/** 10:00 on 2027-01-07 in Beijing: the day after the seeded batch's recommendation deadline. */
const REVIEW_DAY = new Date('2027-01-07T02:00:00Z');

const EXTRA_USERS = [
  person(REVIEWER_CS, '钱学文', 'c-cs', 'b-cs-t1', true),
  person(REVIEWER_ME, '孙启航', 'c-me', 'b-me-t1', true),
  person(REVIEWER_PE, '周健', 'c-pe', 'b-pe-t1', true),
  person(HOST_ME, '吴机电', 'c-me', 'b-me-s1', false),
  person(HOST_MED, '郑医学', 'c-med', 'b-med-s1', false),
  person(HOST_ART, '冯艺术', 'c-art', 'b-art-t1', false),
  person(HOST_PE, '陈体育', 'c-pe', 'b-pe-t1', false),
];

function tick(minutes = 1) {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

async function submitted(openid: string, title: string): Promise<string> {
  tick();
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  const s = await h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
  return s._id;
}

/** Stands in for the committee's 推荐 (built by another area): state, opinion and rank written directly. */
async function recommend(id: string, rank: number): Promise<void> {
  const p = await h.store.get<Project>('projects', id);
  if (!p) throw new Error(`no project ${id}`);
  await h.store.update<Project>('projects', id, p.version, { state: 'recommended', committeeOpinion: `支部讨论一致同意推荐（第${rank}）`, committeeRank: rank });
}

interface Round {
  cs1: string;
  cs2: string;
  me: string;
  med: string;
  art: string;
  /** Submitted, never recommended. */
  pe: string;
}

async function recommendedRound(): Promise<Round> {
  const r: Round = {
    cs1: await submitted(HOST, '红色引擎·计算机'),
    cs2: await submitted(MEMBER2, '研究生党建·计算机'),
    me: await submitted(HOST_ME, '机电先锋'),
    med: await submitted(HOST_MED, '医者仁心'),
    art: await submitted(HOST_ART, '艺心向党'),
    pe: await submitted(HOST_PE, '体育强国'),
  };
  await recommend(r.cs1, 1);
  await recommend(r.cs2, 2);
  await recommend(r.me, 1);
  await recommend(r.med, 1);
  await recommend(r.art, 1);
  // The review follows the recommendation deadline (2027-01-06), as the batch calendar orders it.
  h.now.value = REVIEW_DAY;
  return r;
}

async function openedRound(): Promise<Round> {
  const r = await recommendedRound();
  tick();
  await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
  return r;
}

async function project(id: string): Promise<Project> {
  const p = await h.store.get<Project>('projects', id);
  if (!p) throw new Error(`no project ${id}`);
  return p;
}

async function batch(): Promise<Batch & { version: number }> {
  const b = await h.store.get<Batch & { version: number }>('batches', OPEN_BATCH);
  if (!b) throw new Error('no batch');
  return b;
}

const TOUCHED = ['projects', 'reviewAssignments', 'reviews', 'objections', 'outbox', 'audit', 'batches'] as const;

/** Everything the review area may write: counts, every project's state and version, the batch. */
async function snapshot() {
  const counts: Record<string, number> = {};
  for (const c of TOUCHED) counts[c] = await h.store.count(c);
  const projects = (await h.store.find<Project>('projects', { limit: 100 })).map((p) => [p._id, p.state, p.version, p.grantFen ?? null]);
  return { counts, projects, batch: await batch() };
}

/** Calls expecting `code`, and checks the call changed nothing stored. */
async function refused(openid: string | null, procedure: ProcedureName, input: unknown, code: ErrorCode) {
  const before = await snapshot();
  const r = await h.raw(openid, procedure, input);
  if (r.ok) throw new Error(`${procedure} unexpectedly succeeded`);
  expect(r.error.code, r.error.message).toBe(code);
  expect(await snapshot()).toEqual(before);
  return r.error;
}

async function auditOf(entityId: string) {
  return h.store.find<AuditEntry>('audit', { where: { entityId }, orderBy: [{ field: 'at', direction: 'asc' }] });
}

async function outboxFor(entityId: string, kind: string): Promise<string[]> {
  const all = await h.store.find<OutboxEntry>('outbox', { limit: 100 });
  const more = await h.store.find<OutboxEntry>('outbox', { limit: 100, skip: 100 });
  return [...all, ...more].filter((m) => m.entityId === entityId && m.kind === kind).map((m) => m.recipientId).sort();
}

const FULL_MARKS = { fit: 10, innovation: 10, practice: 10, effect: 10, support: 10 };
const marks = (n: number) => ({ fit: n, innovation: n, practice: n, effect: n, support: n });

async function assign(projectId: string, reviewers: string[]) {
  return h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId, reviewerIds: reviewers.map(uid) });
}

async function score(reviewer: string, projectId: string, scores: Record<string, number>, comment = '') {
  tick();
  return h.ok(reviewer, 'review.score', { projectId, scores, comment });
}

describe('opening the round (开始立项评审)', () => {
  it('moves every recommended application under review, audited and notified; a rerun opens nothing', async () => {
    const r = await recommendedRound();
    tick();
    const out = await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
    expect(out.opened.map((o) => o.projectId).sort()).toEqual([r.cs1, r.cs2, r.me, r.med, r.art].sort());
    expect(out.underReview).toBe(5);
    expect((await project(r.cs1)).state).toBe('under_review');
    expect((await project(r.pe)).state).toBe('submitted');

    const lines = await auditOf(r.cs1);
    expect(lines.at(-1)).toMatchObject({ action: 'openReview', from: 'recommended', to: 'under_review', actorId: uid(ADMIN) });
    expect(await outboxFor(r.cs1, 'project.openReview')).toEqual([uid(HOST), uid(SECRETARY_CS)].sort());
    expect(await outboxFor(r.me, 'project.openReview')).toEqual([uid(HOST_ME), uid('dev-secretary-me')].sort());

    const before = await snapshot();
    const again = await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
    expect(again).toMatchObject({ opened: [], underReview: 5 });
    expect(await snapshot()).toEqual(before);

    // A late recommendation is picked up by the next run, and only it.
    await recommend(r.pe, 1);
    const late = await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
    expect(late.opened).toEqual([{ projectId: r.pe, title: '体育强国' }]);
  });

  it('sets the review window on the batch, audited; refuses a window already over', async () => {
    await recommendedRound();
    const out = await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-07', reviewEnd: '2027-01-20' });
    expect(out.calendar).toMatchObject({ reviewStart: '2027-01-07', reviewEnd: '2027-01-20', publicityStart: null });
    expect((await batch()).calendar.submissionDeadline).toBe('2026-12-27');
    expect((await auditOf(OPEN_BATCH)).map((a) => [a.action, a.from, a.to])).toEqual([['setReviewWindow', null, '2027-01-07~2027-01-20']]);
    await refused(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2026-12-28', reviewEnd: '2027-01-05' }, 'VALIDATION');
    await refused(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-20', reviewEnd: '2027-01-11' }, 'VALIDATION');
    await refused(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewEnd: '2027-01-11' }, 'VALIDATION');
    // The calendar keeps the notice's order: review after the recommendation deadline.
    const e = await refused(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-05', reviewEnd: '2027-01-20' }, 'VALIDATION');
    expect(e.message).toContain('推荐截止');
  });

  it('is the 组织部’s alone', async () => {
    await recommendedRound();
    await refused(SECRETARY_CS, 'review.open', { batchId: OPEN_BATCH }, 'FORBIDDEN');
    await refused(REVIEWER_ART, 'review.open', { batchId: OPEN_BATCH }, 'FORBIDDEN');
    await refused(null, 'review.open', { batchId: OPEN_BATCH }, 'UNAUTHENTICATED');
    await refused(ADMIN, 'review.open', { batchId: 'batch-none' }, 'NOT_FOUND');
    await refused(ADMIN, 'review.open', { batchId: OPEN_BATCH, extra: 1 }, 'VALIDATION');
  });
});

describe('assigning reviewers by hand', () => {
  it('refuses a reviewer of the applicant’s own committee, naming them, and changes nothing', async () => {
    const r = await openedRound();
    const e = await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.cs1, reviewerIds: [uid(REVIEWER_ART), uid(REVIEWER_CS)] }, 'FORBIDDEN');
    expect(e.message).toContain('钱学文');
    expect(e.message).toContain('回避');
    expect(e.details?.reviewerId).toBe(uid(REVIEWER_CS));
    const art = await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.art, reviewerIds: [uid(REVIEWER_ART)] }, 'FORBIDDEN');
    expect(art.message).toContain('赵明');
  });

  it('refuses someone who is not a reviewer, an unknown id, and an application not under review', async () => {
    const r = await openedRound();
    expect((await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.cs1, reviewerIds: [uid('dev-secretary-me')] }, 'VALIDATION')).message).toContain('陈立华');
    await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.cs1, reviewerIds: ['u_nobody'] }, 'VALIDATION');
    await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.pe, reviewerIds: [uid(REVIEWER_ART)] }, 'INVALID_TRANSITION');
    await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.cs1, reviewerIds: [uid(REVIEWER_ART), uid(REVIEWER_ART)] }, 'VALIDATION');
    await refused(ADMIN, 'review.assign', { batchId: 'batch-2022-2', projectId: r.cs1, reviewerIds: [uid(REVIEWER_ART)] }, 'VALIDATION');
  });

  it('sets exactly the chosen reviewers, with `${projectId}:${reviewerId}` ids, audited on the batch', async () => {
    const r = await openedRound();
    const first = await assign(r.cs1, [REVIEWER_ART, REVIEWER_ME]);
    expect(first.assignments.map((a) => [a.reviewerName, a.reviewerCommitteeName, a.scored])).toEqual([
      ['孙启航', '机电与控制工程学院党委', false],
      ['赵明', '艺术学部党委', false],
    ]);
    expect(await h.store.get('reviewAssignments', `${r.cs1}:${uid(REVIEWER_ART)}`)).toMatchObject({ batchId: OPEN_BATCH, how: 'manual' });
    const second = await assign(r.cs1, [REVIEWER_ME, REVIEWER_PE]);
    expect(second.assignments.map((a) => a.reviewerName)).toEqual(['孙启航', '周健']);
    expect(await h.store.count('reviewAssignments', { projectId: r.cs1 })).toBe(2);
    const lines = (await auditOf(OPEN_BATCH)).filter((a) => a.action === 'assignReviewers');
    expect(lines).toHaveLength(2);
    // Nothing about who reviews lands on the applicant's own record.
    expect((await auditOf(r.cs1)).some((a) => a.action === 'assignReviewers')).toBe(false);
  });

  it('refuses to take off a reviewer who has already scored', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART, REVIEWER_ME]);
    await score(REVIEWER_ART, r.cs1, marks(8));
    const e = await refused(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: r.cs1, reviewerIds: [uid(REVIEWER_ME)] }, 'VALIDATION');
    expect(e.message).toContain('赵明');
    expect(e.message).toContain('已提交评分');
  });
});

describe('assigning reviewers automatically (公平 spread)', () => {
  it('gives each application distinct reviewers of other committees, loads within one of each other, and reruns to the same', async () => {
    const r = await openedRound();
    const out = await h.ok(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 2 });
    expect(out.added).toBe(10);
    expect(out.removed).toBe(0);
    const loads = out.loads.map((l) => l.load);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const committeeOf: Record<string, string> = { [uid(REVIEWER_ART)]: 'c-art', [uid(REVIEWER_CS)]: 'c-cs', [uid(REVIEWER_ME)]: 'c-me', [uid(REVIEWER_PE)]: 'c-pe' };
    for (const a of out.assignments) {
      const p = await project(a.projectId);
      expect(a.reviewerIds).toHaveLength(2);
      expect(new Set(a.reviewerIds).size).toBe(2);
      for (const reviewerId of a.reviewerIds) expect(committeeOf[reviewerId]).not.toBe(p.committeeId);
    }
    expect(await h.store.count('reviewAssignments', { batchId: OPEN_BATCH })).toBe(10);
    expect(await h.store.count('reviewAssignments', { projectId: r.pe })).toBe(0);

    const before = await snapshot();
    const again = await h.ok(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 2 });
    expect(again).toMatchObject({ added: 0, removed: 0 });
    expect(again.assignments).toEqual(out.assignments);
    expect(await snapshot()).toEqual(before);
    expect((await auditOf(OPEN_BATCH)).filter((a) => a.action === 'autoAssignReviewers')).toHaveLength(1);
  });

  it('replaces hand assignments, and says when too few reviewers remain after the exclusions', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART]);
    const out = await h.ok(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 3 });
    expect(out.assignments.find((a) => a.projectId === r.cs1)?.reviewerIds.sort()).toEqual([uid(REVIEWER_ART), uid(REVIEWER_ME), uid(REVIEWER_PE)].sort());
    // Applications of c-cs have only three reviewers from other committees.
    const e = await refused(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 4 }, 'NOT_ENOUGH_REVIEWERS');
    expect(e.message).toContain('红色引擎·计算机');
    expect((e.details?.projectIds as string[]).sort()).toEqual([r.art, r.cs1, r.cs2, r.me].sort());
  });

  it('refuses once scoring has begun, and when nothing is under review', async () => {
    await refused(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 2 }, 'INVALID_TRANSITION');
    const r = await openedRound();
    await assign(r.med, [REVIEWER_ART]);
    await score(REVIEWER_ART, r.med, marks(7));
    await refused(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 2 }, 'INVALID_TRANSITION');
    await refused(ADMIN, 'review.autoAssign', { batchId: OPEN_BATCH, perApplication: 0 }, 'VALIDATION');
  });
});

describe('scoring (评审专家)', () => {
  it('shows a reviewer only their own assignments, with what they need to judge', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART]);
    await assign(r.me, [REVIEWER_PE]);
    const mine = await h.ok(REVIEWER_ART, 'review.myAssignments', {});
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      projectId: r.cs1,
      title: '红色引擎·计算机',
      committeeName: '计算机与软件学院党委',
      state: 'under_review',
      canScore: true,
      blockedReason: null,
      myReview: null,
      committeeOpinion: '支部讨论一致同意推荐（第1）',
    });
    expect(mine[0].fields.goals).toBe(COMPLETE_FIELDS.goals);
    expect(mine[0].rubric.map((c) => c.key)).toEqual(['fit', 'innovation', 'practice', 'effect', 'support']);
    expect((await h.ok(REVIEWER_PE, 'review.myAssignments', {})).map((a) => a.projectId)).toEqual([r.me]);
    expect(await h.ok(REVIEWER_CS, 'review.myAssignments', {})).toEqual([]);
    await refused(HOST, 'review.myAssignments', {}, 'FORBIDDEN');
  });

  it('stores a weighted total, lets the reviewer revise it (versioned), and refuses a stale device', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART]);
    const pair = `${r.cs1}:${uid(REVIEWER_ART)}`;
    // The assignment carries the project's committee, and is marked scored with the first sheet (the dashboards count by it).
    expect(await h.store.get('reviewAssignments', pair)).toMatchObject({ committeeId: 'c-cs', scored: 0, version: 1 });
    const first = await score(REVIEWER_ART, r.cs1, { fit: 10, innovation: 9, practice: 8, effect: 7, support: 6 }, '选题扎实');
    expect(await h.store.get('reviewAssignments', pair)).toMatchObject({ scored: 1, version: 2 });
    expect(first).toMatchObject({ projectId: r.cs1, total: 82.5, version: 1, comment: '选题扎实' });
    tick();
    const second = await h.ok(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '', version: 1 });
    expect(second).toMatchObject({ total: 100, version: 2, createdAt: first.createdAt });
    expect(second.updatedAt).not.toBe(first.updatedAt);
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: marks(5), comment: '', version: 1 }, 'CONFLICT');
    expect(await h.store.get('reviews', pair)).toMatchObject({ total: 100, batchId: OPEN_BATCH });
    // A revision leaves the assignment as it was.
    expect(await h.store.get('reviewAssignments', pair)).toMatchObject({ scored: 1, version: 2 });
    const mine = await h.ok(REVIEWER_ART, 'review.myAssignments', {});
    expect(mine[0].myReview).toMatchObject({ total: 100, version: 2 });
  });

  it('refuses an application not assigned to the reviewer, and scores out of range or missing', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART]);
    await refused(REVIEWER_ME, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '' }, 'FORBIDDEN');
    await refused(REVIEWER_ART, 'review.score', { projectId: r.me, scores: FULL_MARKS, comment: '' }, 'FORBIDDEN');
    expect((await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: { ...FULL_MARKS, fit: 11 }, comment: '' }, 'VALIDATION')).message).toContain('0 到 10');
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: { ...FULL_MARKS, support: -1 }, comment: '' }, 'VALIDATION');
    const { support: _support, ...partial } = FULL_MARKS;
    expect((await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: partial, comment: '' }, 'VALIDATION')).message).toContain('团队组成与保障');
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: { ...FULL_MARKS, extra: 1 }, comment: '' }, 'VALIDATION');
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: { ...FULL_MARKS, fit: '10' }, comment: '' }, 'VALIDATION');
    await refused(HOST, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '' }, 'FORBIDDEN');
  });

  it('scores only within the review window (Beijing dates)', async () => {
    const r = await recommendedRound();
    await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-08', reviewEnd: '2027-01-15' });
    await assign(r.cs1, [REVIEWER_ART]);
    expect((await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '' }, 'TOO_EARLY')).message).toContain('2027年1月8日');
    const early = await h.ok(REVIEWER_ART, 'review.myAssignments', {});
    expect(early[0]).toMatchObject({ canScore: false });
    expect(early[0].blockedReason).toContain('开始');

    h.now.value = new Date('2027-01-07T16:00:00Z'); // 00:00 on 01-08 in Beijing
    await score(REVIEWER_ART, r.cs1, marks(9));
    h.now.value = new Date('2027-01-15T15:59:00Z'); // 23:59 on 01-15 in Beijing: still open
    await h.ok(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: marks(8), comment: '' });
    h.now.value = new Date('2027-01-15T16:00:01Z');
    const e = await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: marks(7), comment: '' }, 'DEADLINE_PASSED');
    expect(e.message).toContain('2027年1月15日 23:59（北京时间）');
  });

  it('closes scoring once the application leaves review', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART]);
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], publicityStart: '2027-01-07', publicityEnd: '2027-01-13' });
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '' }, 'INVALID_TRANSITION');
    const mine = await h.ok(REVIEWER_ART, 'review.myAssignments', {});
    expect(mine[0]).toMatchObject({ state: 'in_publicity', canScore: false });
  });
});

describe('the round’s status (组织部)', () => {
  it('aggregates each application’s scores and names the reviewers still missing', async () => {
    const r = await openedRound();
    await assign(r.cs1, [REVIEWER_ART, REVIEWER_ME, REVIEWER_PE]);
    await assign(r.med, [REVIEWER_ART, REVIEWER_CS]);
    await score(REVIEWER_ART, r.cs1, marks(9));
    await score(REVIEWER_ME, r.cs1, marks(7));
    await score(REVIEWER_CS, r.med, marks(6));

    const s = await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH });
    expect(s.counts).toEqual({ recommended: 0, underReview: 5, inPublicity: 0, approved: 0, rejected: 0 });
    expect(s.quota).toBe(20);
    expect(s.rubricIsSuggested).toBe(true);
    expect(s.rubric).toHaveLength(5);
    expect(s.progress).toEqual({ assigned: 5, scored: 3, unassigned: 3, incomplete: 2 });
    const cs1 = await h.ok(ADMIN, 'review.roundApplication', { batchId: OPEN_BATCH, projectId: r.cs1 });
    expect(cs1).toMatchObject({
      committeeName: '计算机与软件学院党委',
      hostName: '张晓明',
      committeeRank: 1,
      committeeOpinion: '支部讨论一致同意推荐（第1）',
      aggregate: { count: 2, average: 80, min: 70, max: 90, spread: 20 },
      missingReviewers: [{ reviewerId: uid(REVIEWER_PE), reviewerName: '周健' }],
    });
    expect(cs1.assignments.find((a) => a.reviewerId === uid(REVIEWER_ART))).toMatchObject({ scored: true, total: 90, scores: marks(9) });
    const med = await h.ok(ADMIN, 'review.roundApplication', { batchId: OPEN_BATCH, projectId: r.med });
    expect(med.aggregate).toMatchObject({ count: 1, average: 60, spread: 0 });
    expect(med.missingReviewers.map((m) => m.reviewerName)).toEqual(['赵明']);
    // Best average first, unscored last.
    const list = await h.ok(ADMIN, 'review.roundList', { batchId: OPEN_BATCH });
    expect(list.items.slice(0, 2).map((a) => a.projectId)).toEqual([r.cs1, r.med]);
    expect(list.items[4].average).toBeNull();
    expect(list.items[0]).toMatchObject({ assigned: 3, scored: 2, average: 80, spread: 20, committeeName: '计算机与软件学院党委' });
    expect(s.suggestion).toEqual({ selectedIds: [r.cs1, r.med], tiedIds: [] });
    expect(s.shortlist.map((a) => a.projectId)).toEqual([r.cs1, r.med]);
    const reviewers = await h.ok(ADMIN, 'review.roundReviewers', { batchId: OPEN_BATCH });
    expect(reviewers.find((x) => x._id === uid(REVIEWER_ART))).toMatchObject({ name: '赵明', committeeName: '艺术学部党委', assigned: 2, scored: 1 });
    expect(reviewers).toHaveLength(4);
    expect(s.can).toMatchObject({ open: false, assign: true, publicize: true, finalize: false, approve: false, setRubric: false });
    await refused(SECRETARY_CS, 'review.roundStatus', { batchId: OPEN_BATCH }, 'FORBIDDEN');
    await refused(REVIEWER_ART, 'review.roundStatus', { batchId: OPEN_BATCH }, 'FORBIDDEN');
  });

  it('publishes a batch’s own rubric, fixed once the first score is in', async () => {
    const r = await openedRound();
    const rubric = [
      { key: 'idea', label: '创新性', weight: 60, max: 100 },
      { key: 'team', label: '团队', weight: 40, max: 5 },
    ];
    await refused(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric: [{ ...rubric[0], weight: 50 }, rubric[1]] }, 'VALIDATION');
    await refused(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric: [rubric[0], { ...rubric[1], key: 'idea' }] }, 'VALIDATION');
    expect((await h.ok(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric })).rubric).toEqual(rubric);
    expect((await auditOf(OPEN_BATCH)).at(-1)).toMatchObject({ action: 'setRubric', to: '创新性(60%/100分)；团队(40%/5分)' });
    await assign(r.cs1, [REVIEWER_ART]);
    expect((await score(REVIEWER_ART, r.cs1, { idea: 50, team: 5 })).total).toBe(70);
    await refused(REVIEWER_ART, 'review.score', { projectId: r.cs1, scores: FULL_MARKS, comment: '' }, 'VALIDATION');
    await refused(ADMIN, 'review.setRubric', { batchId: OPEN_BATCH, rubric: [{ key: 'all', label: '总体', weight: 100, max: 10 }] }, 'INVALID_TRANSITION');
    const s = await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH });
    expect(s).toMatchObject({ rubricIsSuggested: false, rubric });
  });
});

describe('publicising the result (公示)', () => {
  const PERIOD = { publicityStart: '2027-01-07', publicityEnd: '2027-01-13' };

  it('publicises the chosen and refuses the rest of the batch in one release, notifying hosts and secretaries', async () => {
    const r = await openedRound();
    tick();
    const out = await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.me], ...PERIOD });
    expect(out.publicized.map((p) => p.projectId).sort()).toEqual([r.cs1, r.me].sort());
    expect(out.rejected.map((p) => p.projectId).sort()).toEqual([r.cs2, r.med, r.art].sort());
    expect((await project(r.cs1)).state).toBe('in_publicity');
    expect((await project(r.cs2)).state).toBe('rejected');
    expect((await project(r.pe)).state).toBe('submitted');
    expect((await batch()).calendar).toMatchObject(PERIOD);

    expect((await auditOf(OPEN_BATCH)).map((a) => [a.action, a.from, a.to])).toEqual([['setPublicity', null, '2027-01-07~2027-01-13']]);
    expect((await auditOf(r.cs2)).at(-1)).toMatchObject({ action: 'reject', from: 'under_review', to: 'rejected', reason: '未入选立项' });
    expect((await auditOf(r.cs1)).at(-1)).toMatchObject({ action: 'publicize', from: 'under_review', to: 'in_publicity' });
    expect(await outboxFor(r.cs1, 'project.publicize')).toEqual([uid(HOST), uid(SECRETARY_CS)].sort());
    expect(await outboxFor(r.cs2, 'project.reject')).toEqual([uid(MEMBER2), uid(SECRETARY_CS)].sort());
    // One release: every application of the round moved at the same instant.
    for (const id of [r.cs1, r.cs2, r.me, r.med, r.art]) expect((await project(id)).updatedAt).toBe(h.now.value.toISOString());
  });

  it('allows fewer than the quota (宁缺毋滥), even none, with a given reason', async () => {
    const r = await openedRound();
    const out = await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [], ...PERIOD, rejectReason: '本批次评审未达立项标准' });
    expect(out.publicized).toEqual([]);
    expect(out.rejected).toHaveLength(5);
    expect((await auditOf(r.art)).at(-1)?.reason).toBe('本批次评审未达立项标准');
  });

  it('refuses more than the quota, a chosen application not under review, and a period not yet begun — changing nothing', async () => {
    const r = await openedRound();
    const b = await batch();
    await h.store.update<Batch & { version: number }>('batches', OPEN_BATCH, b.version, { quota: 2 });
    const e = await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.me, r.med], ...PERIOD }, 'VALIDATION');
    expect(e.message).toContain('宁缺毋滥');
    expect((await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.pe], ...PERIOD }, 'INVALID_TRANSITION')).message).toContain('体育强国');
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, 'p-none'], ...PERIOD }, 'VALIDATION');
    // The 公示 starts tomorrow: the shared rule refuses, and the calendar write is rolled back too.
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], publicityStart: '2027-01-08', publicityEnd: '2027-01-14' }, 'TOO_EARLY');
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], publicityStart: '2026-12-31', publicityEnd: '2027-01-06' }, 'VALIDATION');
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], publicityStart: '2027-01-13', publicityEnd: '2027-01-07' }, 'VALIDATION');
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.cs1], ...PERIOD }, 'VALIDATION');
    await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-07', reviewEnd: '2027-01-09' });
    expect((await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], ...PERIOD }, 'VALIDATION')).message).toContain('评审结束');
    await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH, reviewStart: '2027-01-07', reviewEnd: '2027-01-07' });
    await refused(SECRETARY_CS, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], ...PERIOD }, 'FORBIDDEN');
    // Two places: exactly the quota is fine.
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.me], ...PERIOD });
  });

  it('counts places already taken by an earlier 公示 of the batch', async () => {
    const r = await openedRound();
    const b = await batch();
    await h.store.update<Batch & { version: number }>('batches', OPEN_BATCH, b.version, { quota: 2 });
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], ...PERIOD });
    await recommend(r.pe, 1);
    await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
    await refused(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.pe, r.cs1], ...PERIOD }, 'INVALID_TRANSITION');
    const s = await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH });
    expect(s).toMatchObject({ taken: 1, counts: { underReview: 1, inPublicity: 1, rejected: 4 } });
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.pe], ...PERIOD });
    expect((await project(r.pe)).state).toBe('in_publicity');
  });
});

describe('the public list and objections (异议)', () => {
  async function publicised() {
    const r = await openedRound();
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.med], publicityStart: '2027-01-07', publicityEnd: '2027-01-13' });
    await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'publicity' });
    return r;
  }

  it('shows anyone, signed out too, the publicised titles, committees, hosts and the period', async () => {
    const r = await publicised();
    const list = await h.ok(NEWCOMER, 'review.publicityList', { batchId: OPEN_BATCH });
    const anon = await h.raw(null, 'review.publicityList', { batchId: OPEN_BATCH });
    expect(anon).toEqual({ ok: true, data: list });
    expect(list).toMatchObject({
      batchName: '第三批校级党建精品项目（2026）',
      publicityStart: '2027-01-07',
      publicityEnd: '2027-01-13',
      periodText: '公示期：2027年1月7日 至 2027年1月13日 23:59（北京时间）',
      open: true,
    });
    expect(list.items).toEqual([
      { projectId: r.cs1, title: '红色引擎·计算机', category: '党建与业务融合', committeeName: '计算机与软件学院党委', hostName: '张晓明' },
      { projectId: r.med, title: '医者仁心', category: '党建与业务融合', committeeName: '医学部党委', hostName: '郑医学' },
    ]);
  });

  it('takes an objection during the period: stored, audited, the 组织部 notified and able to read it', async () => {
    const r = await publicised();
    tick();
    const out = await h.ok(MEMBER2, 'review.object', { projectId: r.med, text: '  该项目与去年立项项目内容重复。  ' });
    expect(out.message).toContain('核实');
    expect(await h.store.get('objections', out._id)).toMatchObject({ batchId: OPEN_BATCH, projectId: r.med, authorId: uid(MEMBER2), text: '该项目与去年立项项目内容重复。' });
    expect((await auditOf(OPEN_BATCH)).at(-1)).toMatchObject({ action: 'object', actorId: uid(MEMBER2) });
    // The host reads the project's history; who objected stays with the 组织部.
    const seen = await h.ok(HOST_MED, 'project.get', { id: r.med });
    expect(JSON.stringify(seen)).not.toContain('李思雨');
    expect(await outboxFor(r.med, 'review.objection')).toEqual([uid(ADMIN)]);
    const list = await h.ok(ADMIN, 'review.objections', { batchId: OPEN_BATCH });
    expect(list).toEqual([
      {
        _id: out._id,
        projectId: r.med,
        projectTitle: '医者仁心',
        projectState: 'in_publicity',
        committeeName: '医学部党委',
        authorName: '李思雨',
        authorCommitteeName: '计算机与软件学院党委',
        text: '该项目与去年立项项目内容重复。',
        createdAt: out.createdAt,
        finding: null,
      },
    ]);
    await refused(SECRETARY_CS, 'review.objections', { batchId: OPEN_BATCH }, 'FORBIDDEN');
  });

  it('refuses objections outside the period, on projects not in 公示, from the unbound, and floods', async () => {
    const r = await publicised();
    // Not in 公示 (or made up): NOT_FOUND, without its title or state.
    const hidden = await refused(MEMBER2, 'review.object', { projectId: r.cs2, text: '有异议' }, 'NOT_FOUND');
    expect(hidden.message).not.toMatch(/「|当前为/);
    await refused(MEMBER2, 'review.object', { projectId: 'no-such-project', text: '有异议' }, 'NOT_FOUND');
    await refused(MEMBER2, 'review.object', { projectId: r.med, text: '   ' }, 'VALIDATION');
    await refused(NEWCOMER, 'review.object', { projectId: r.med, text: '有异议' }, 'UNAUTHENTICATED');
    await refused(null, 'review.object', { projectId: r.med, text: '有异议' }, 'UNAUTHENTICATED');
    for (let i = 0; i < 3; i++) await h.ok(HOST_PE, 'review.object', { projectId: r.med, text: `补充材料${i}` });
    await refused(HOST_PE, 'review.object', { projectId: r.med, text: '再补充' }, 'RATE_LIMITED');
    h.now.value = new Date('2027-01-13T16:00:01Z');
    expect((await refused(MEMBER2, 'review.object', { projectId: r.med, text: '有异议' }, 'DEADLINE_PASSED')).message).toContain('2027年1月13日 23:59');
    expect((await h.ok(HOST, 'review.publicityList', { batchId: OPEN_BATCH })).open).toBe(false);
  });
});

describe('deciding after the 公示 (立项)', () => {
  async function publicised() {
    const r = await openedRound();
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1, r.me, r.med], publicityStart: '2027-01-07', publicityEnd: '2027-01-13' });
    // Released: the 公示 is public, objections are taken.
    await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'publicity' });
    return r;
  }
  const AFTER = new Date('2027-01-13T16:00:01Z'); // 00:00:01 on 01-14 in Beijing

  it('refuses approval until the period is over, and the whole release with it', async () => {
    const r = await publicised();
    h.now.value = new Date('2027-01-13T15:59:00Z');
    const e = await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [{ projectId: r.med, reason: '异议属实' }] }, 'TOO_EARLY');
    expect(e.message).toContain('2027年1月13日 23:59（北京时间）');
  });

  it('lets an upheld objection stop a project during the period', async () => {
    const r = await publicised();
    const out = await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [], reject: [{ projectId: r.med, reason: '异议属实：内容与已立项项目重复' }] });
    expect(out.rejected).toEqual([{ projectId: r.med, title: '医者仁心' }]);
    expect((await project(r.med)).state).toBe('rejected');
  });

  it('approves with the batch’s grant and refuses with reasons, in one release, audited and notified', async () => {
    const r = await publicised();
    h.now.value = AFTER;
    const out = await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1, r.me], reject: [{ projectId: r.med, reason: '异议属实' }] });
    expect(out.approved).toEqual([
      { projectId: r.cs1, title: '红色引擎·计算机', grantFen: 2_000_000 },
      { projectId: r.me, title: '机电先锋', grantFen: 2_000_000 },
    ]);
    expect(await project(r.cs1)).toMatchObject({ state: 'approved', grantFen: 2_000_000 });
    expect((await project(r.med)).state).toBe('rejected');
    expect((await project(r.med)).grantFen).toBeUndefined();
    expect((await auditOf(r.cs1)).at(-1)).toMatchObject({ action: 'approve', from: 'in_publicity', to: 'approved', reason: '经评审和公示，予以立项，培育经费 20,000.00 元' });
    expect((await auditOf(r.med)).at(-1)).toMatchObject({ action: 'reject', from: 'in_publicity', to: 'rejected', reason: '异议属实' });
    expect(await outboxFor(r.cs1, 'project.approve')).toEqual([uid(HOST), uid(SECRETARY_CS)].sort());
    expect(await outboxFor(r.me, 'project.approve')).toEqual([uid(HOST_ME), uid('dev-secretary-me')].sort());
    expect(await outboxFor(r.med, 'project.reject')).toEqual([uid(HOST_MED)]);
    // The 立项 message opens the batch's public 立项 page (its 立项通知 once issued).
    const messages = [...(await h.store.find<OutboxEntry>('outbox', { limit: 100 })), ...(await h.store.find<OutboxEntry>('outbox', { limit: 100, skip: 100 }))];
    expect([...new Set(messages.filter((m) => m.kind === 'project.approve').map((m) => m.link))]).toEqual([`/packages/showcase/approval/index?batchId=${OPEN_BATCH}`]);
    const s = await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH });
    expect(s.counts).toMatchObject({ inPublicity: 0, approved: 2, rejected: 3 });
    expect((await h.ok(ADMIN, 'review.roundApplication', { batchId: OPEN_BATCH, projectId: r.cs1 })).grantFen).toBe(2_000_000);
  });

  it('refuses a decision on a project not in 公示, a missing reason, overlaps and more than the quota — changing nothing', async () => {
    const r = await publicised();
    h.now.value = AFTER;
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1, r.cs2], reject: [] }, 'INVALID_TRANSITION');
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [{ projectId: r.med, reason: ' ' }] }, 'VALIDATION');
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [{ projectId: r.cs1, reason: '重复' }] }, 'VALIDATION');
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [], reject: [] }, 'VALIDATION');
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.pe], reject: [] }, 'INVALID_TRANSITION');
    await refused(SECRETARY_CS, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [] }, 'FORBIDDEN');
    const b = await batch();
    await h.store.update<Batch & { version: number }>('batches', OPEN_BATCH, b.version, { quota: 1 });
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1, r.me], reject: [] }, 'VALIDATION');
    await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [] });
    await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.me], reject: [] }, 'VALIDATION');
  });
  it('异议处理: 立项 waits for a finding; 不成立 lets it through, 成立 refuses it; the objector is told; audited', async () => {
    const r = await publicised();
    tick();
    const first = await h.ok(MEMBER2, 'review.object', { projectId: r.cs1, text: '团队成员有已毕业离校的。' });
    const second = await h.ok(MEMBER2, 'review.object', { projectId: r.med, text: '与去年立项项目内容重复。' });
    h.now.value = AFTER;
    const e = await refused(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1, r.me], reject: [] }, 'INVALID_TRANSITION');
    expect(e.message).toBe('「红色引擎·计算机」有 1 条公示异议尚未核实处理，请先在公示异议中作出核实结论（成立或不成立）再立项');
    // A finding names every problem; only the 组织部 records one.
    const bad = await refused(ADMIN, 'review.findObjection', { objectionId: first._id, verdict: 'upheld', remedy: null, reason: ' ' }, 'VALIDATION');
    expect(bad.message).toBe('异议成立时请选择不予立项或予以更正；请写明核实情况和理由');
    await refused(SECRETARY_CS, 'review.findObjection', { objectionId: first._id, verdict: 'dismissed', remedy: null, reason: '不属实' }, 'FORBIDDEN');

    const found = await h.ok(ADMIN, 'review.findObjection', { objectionId: first._id, verdict: 'dismissed', remedy: null, reason: '经核实，团队成员均在校。' });
    expect(found.finding).toMatchObject({ verdict: 'dismissed', remedy: null, text: '异议不成立', reason: '经核实，团队成员均在校。' });
    await refused(ADMIN, 'review.findObjection', { objectionId: first._id, verdict: 'upheld', remedy: 'reject', reason: '改判' }, 'CONFLICT');
    expect(await outboxFor(r.cs1, 'review.objectionFinding')).toEqual([uid(MEMBER2)]);
    const told = (await h.store.find<OutboxEntry>('outbox', { where: { recipientId: uid(MEMBER2) }, limit: 100 })).find((m) => m.kind === 'review.objectionFinding');
    expect(told?.body).toBe('核实结果：异议不成立。理由：经核实，团队成员均在校。');
    expect((await auditOf(OPEN_BATCH)).at(-1)).toMatchObject({ action: 'objectionFinding', actorId: uid(ADMIN), to: 'dismissed' });

    // 成立 and 不予立项: the project is refused at once.
    await h.ok(ADMIN, 'review.findObjection', { objectionId: second._id, verdict: 'upheld', remedy: 'reject', reason: '经核实，与已立项项目内容重复。' });
    expect((await project(r.med)).state).toBe('rejected');
    expect((await auditOf(r.med)).at(-1)).toMatchObject({ action: 'reject', reason: '公示异议经核实成立，不予立项：经核实，与已立项项目内容重复。' });
    expect(await outboxFor(r.med, 'review.objectionFinding')).toEqual([uid(MEMBER2)]);
    const out = await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1, r.me], reject: [] });
    expect(out.approved.map((a) => a.projectId)).toEqual([r.cs1, r.me]);
    expect((await h.ok(ADMIN, 'review.objections', { batchId: OPEN_BATCH, projectId: r.med })).map((o) => o.finding?.text)).toEqual(['异议成立，不予立项']);
  });
});

describe('staged outcomes are seen by nobody but the 组织部 until released (pending until released)', () => {
  const PUBLICITY = { publicityStart: '2027-01-07', publicityEnd: '2027-01-13' };
  const stateOf = async (openid: string, id: string) => (await h.ok(openid, 'project.get', { id })).state;
  const publicIds = async () => (await h.raw(null, 'review.publicityList', { batchId: OPEN_BATCH })).ok ? ((await h.ok(NEWCOMER, 'review.publicityList', { batchId: OPEN_BATCH })).items.map((i) => i.projectId)) : [];
  const unread = async (openid: string) => (await h.ok(openid, 'messages.list', {})).unread.length;

  it('公示 then 立项: host, committee, the public list and timelines show the state before, until the release; the release shows it and tells each once', async () => {
    const r = await openedRound();
    const hostUnread = await unread(HOST);
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.cs1], ...PUBLICITY });
    // Staged: the 组织部 sees it; the host, the committee and the public do not.
    expect(await stateOf(ADMIN, r.cs1)).toBe('in_publicity');
    expect(await stateOf(HOST, r.cs1)).toBe('under_review');
    expect(await stateOf(MEMBER2, r.cs2)).toBe('under_review'); // left out: rejected, not yet told
    expect((await h.ok(HOST, 'project.listMine', {})).find((p) => p._id === r.cs1)?.state).toBe('under_review');
    expect((await h.ok(HOST, 'project.get', { id: r.cs1 })).timeline.map((t) => t.action)).not.toContain('publicize');
    const inbox = await h.ok(SECRETARY_CS, 'committee.inbox', { view: 'all' });
    expect(inbox.items.filter((i) => i._id === r.cs1 || i._id === r.cs2).map((i) => i.state)).toEqual(['under_review', 'under_review']);
    expect(await publicIds()).toEqual([]);
    await refused(MEMBER2, 'review.object', { projectId: r.cs1, text: '有异议' }, 'NOT_FOUND');
    expect(await unread(HOST)).toBe(hostUnread);

    // The release shows the outcome and the messages in one step; a second release tells nobody again.
    await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'publicity' });
    expect(await stateOf(HOST, r.cs1)).toBe('in_publicity');
    expect(await stateOf(MEMBER2, r.cs2)).toBe('rejected');
    expect((await h.ok(HOST, 'project.get', { id: r.cs1 })).timeline.map((t) => t.action)).toContain('publicize');
    expect(await publicIds()).toEqual([r.cs1]);
    const told = await unread(HOST);
    expect(told).toBe(hostUnread + 1);
    await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'publicity' });
    expect(await unread(HOST)).toBe(told);

    // 立项 staged: still in 公示 for everyone else, on the public list too; the 立项通知 waits for the release.
    h.now.value = new Date('2027-01-13T16:00:01Z');
    await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [r.cs1], reject: [] });
    expect(await stateOf(HOST, r.cs1)).toBe('in_publicity');
    expect((await h.ok(HOST, 'project.get', { id: r.cs1 })).timeline.map((t) => t.action)).not.toContain('approve');
    expect(await publicIds()).toEqual([r.cs1]);
    await refused(ADMIN, 'notice.issue', { batchId: OPEN_BATCH, docNumber: '党组通〔2027〕1号', issuerName: '中共某某大学委员会组织部', date: '2027-01-15' }, 'INVALID_TRANSITION');
    await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'approval' });
    expect(await stateOf(HOST, r.cs1)).toBe('approved');
    expect(await publicIds()).toEqual([]);
  });
});
