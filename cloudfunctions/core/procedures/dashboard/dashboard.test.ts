import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { indexRoles } from '../../services/role-index';
import { ADMIN, CLOSED_BATCH, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

/**
 * The dashboards through the router on the seeded store: applications driven through the real
 * procedures (submit, the committees' decisions, 立项评审, 公示, 立项, 拨付, 支出), then the counts,
 * the money in fen and the not-submitted list checked as each role sees them.
 */
let h: Harness;

const HOST_ME = 'host-me';
const HOST_ME2 = 'host-me2';
const HOST_PE = 'host-pe';
const REVIEWER_ART = 'dev-reviewer';
const REVIEWER_PE = 'rev-pe';
const uid = (openid: string) => `u_${openid}`;

function person(openid: string, name: string, committeeId: string, branchId: string, reviewer = false): Omit<User, 'version'> {
  return {
    _id: uid(openid),
    openid,
    profile: { name, staffNo: `T-${openid}`, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed',
    roles: reviewer ? [{ role: 'member' }, { role: 'reviewer' }] : [{ role: 'member' }],
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

beforeEach(async () => {
  h = await createHarness();
  for (const u of [person(HOST_ME, '吴机电', 'c-me', 'b-me-s1'), person(HOST_ME2, '钱控制', 'c-me', 'b-me-t1'), person(HOST_PE, '陈体育', 'c-pe', 'b-pe-t1'), person(REVIEWER_PE, '周健', 'c-pe', 'b-pe-t1', true)]) {
    await h.store.insert<User>('users', u);
    await indexRoles(h.store, u._id, u.roles);
  }
});

function tick(minutes = 1) {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

async function drafted(openid: string, title: string) {
  tick();
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  return h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
}

async function submitted(openid: string, title: string) {
  const d = await drafted(openid, title);
  tick();
  return h.ok(openid, 'project.submit', { id: d._id, version: d.version });
}

interface World {
  cs1: string;
  me1: string;
  me2: string;
  pe: string;
}

/** Before the deadline (2026-12-27): one draft, one returned, two recommended, one waiting for its committee. */
async function applications(): Promise<World> {
  const cs1 = await submitted(HOST, '红色引擎·计算机');
  await drafted(MEMBER2, '研究生党建草稿');
  const me1 = await submitted(HOST_ME, '机电先锋');
  const me2 = await submitted(HOST_ME2, '控制工程党建');
  const pe = await submitted(HOST_PE, '体育强国');
  tick();
  await h.ok(SECRETARY_CS, 'committee.decide', { id: cs1._id, version: cs1.version, decision: 'recommend', comment: '经党委会研究，同意推荐', rank: 1 });
  await h.ok(SECRETARY_ME, 'committee.decide', { id: me1._id, version: me1.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
  await h.ok(SECRETARY_ME, 'committee.decide', { id: me2._id, version: me2.version, decision: 'return', comment: '请补充预期成果的量化指标' });
  return { cs1: cs1._id, me1: me1._id, me2: me2._id, pe: pe._id };
}

/** After the round: both recommended projects approved, cs1 paid its first tranche and spent part of it. */
async function funded(): Promise<World> {
  const w = await applications();
  h.now.value = new Date('2027-01-07T02:00:00Z');
  await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
  await h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: w.cs1, reviewerIds: [uid(REVIEWER_ART), uid(REVIEWER_PE)] });
  await h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: w.me1, reviewerIds: [uid(REVIEWER_ART)] });
  tick();
  await h.ok(REVIEWER_ART, 'review.score', { projectId: w.cs1, scores: { fit: 9, innovation: 8, practice: 9, effect: 8, support: 9 }, comment: '' });
  tick();
  await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [w.cs1, w.me1], publicityStart: '2027-01-07', publicityEnd: '2027-01-13' });
  h.now.value = new Date('2027-01-14T02:00:00Z');
  await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [w.cs1, w.me1], reject: [] });
  await h.ok(ADMIN, 'funding.disburse', { projectId: w.cs1, tranche: 1, amountFen: 1_000_000, note: '财务凭证 2027-003' });
  await h.ok(HOST, 'funding.addExpense', { projectId: w.cs1, date: '2027-01-14', item: '学习资料印制', amountFen: 12_345, receipts: ['cloud://env/receipts/r1.jpg'] });
  await h.ok(HOST, 'funding.addExpense', { projectId: w.cs1, date: '2027-01-14', item: '交通费', amountFen: 1, receipts: ['cloud://env/receipts/r2.jpg'] });
  return w;
}

const rowOf = <R extends { committeeId: string }>(rows: R[], id: string): R => {
  const row = rows.find((r) => r.committeeId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};

describe('dashboard.university (组织部)', () => {
  it('opens on the open batch with every committee, even those with nothing yet', async () => {
    const d = await h.ok(ADMIN, 'dashboard.university', {});
    expect(d.batch).toMatchObject({ _id: OPEN_BATCH, open: true });
    expect(d.batches.map((b) => b._id)).toEqual([OPEN_BATCH, CLOSED_BATCH]);
    expect(d.committees.map((c) => c.committeeId)).toEqual(['c-cs', 'c-me', 'c-med', 'c-art', 'c-pe']);
    expect(d.totals.applications).toEqual({ created: 0, notSubmitted: 0, submitted: 0, recommended: 0 });
    expect(d.totals.brands.none).toBe(5);
    expect(d.upcoming.map((u) => [u.label, u.daysLeft])).toEqual([
      ['申报截止', 30],
      ['推荐截止', 40],
      ['中期验收', 210],
      ['结项验收', 395],
    ]);
  });

  it('counts applications by committee and lists who has not submitted, with days left in Beijing time', async () => {
    await applications();
    const d = await h.ok(ADMIN, 'dashboard.university', {});
    expect(rowOf(d.committees, 'c-cs').applications).toEqual({ created: 2, notSubmitted: 1, submitted: 1, recommended: 1 });
    expect(rowOf(d.committees, 'c-me').applications).toEqual({ created: 2, notSubmitted: 1, submitted: 1, recommended: 1 });
    expect(rowOf(d.committees, 'c-pe').applications).toEqual({ created: 1, notSubmitted: 0, submitted: 1, recommended: 0 });
    expect(rowOf(d.committees, 'c-med').applications.created).toBe(0);
    expect(d.totals.states).toMatchObject({ draft: 1, returned: 1, submitted: 1, recommended: 2 });
    expect(d.submissionOpen).toBe(true);
    expect(d.notSubmitted.map((e) => [e.hostName, e.committeeName, e.state, e.title, e.daysLeft])).toEqual([
      ['李思雨', '计算机与软件学院党委', 'draft', null, 30],
      ['钱控制', '机电与控制工程学院党委', 'returned', '控制工程党建', 30],
    ]);
    // 23:59:59 on the deadline day in Beijing is still in time; a second later nobody is listed.
    h.now.value = new Date('2026-12-27T15:59:59Z');
    expect((await h.ok(ADMIN, 'dashboard.university', {})).notSubmitted.map((e) => e.daysLeft)).toEqual([0, 0]);
    h.now.value = new Date('2026-12-27T16:00:00Z');
    const closed = await h.ok(ADMIN, 'dashboard.university', { batchId: OPEN_BATCH });
    expect(closed.submissionOpen).toBe(false);
    expect(closed.notSubmitted).toEqual([]);
    expect(closed.upcoming[0].label).toBe('推荐截止');
  });

  it('follows the round and the money: reviews done and missing, granted, paid and spent in fen', async () => {
    await funded();
    const d = await h.ok(ADMIN, 'dashboard.university', { batchId: OPEN_BATCH });
    const cs = rowOf(d.committees, 'c-cs');
    const me = rowOf(d.committees, 'c-me');
    expect(cs.states).toMatchObject({ cultivating: 1, draft: 1 });
    expect(me.states).toMatchObject({ approved: 1, returned: 1 });
    expect(rowOf(d.committees, 'c-pe').states.submitted).toBe(1);
    expect(cs.phases).toMatchObject({ funded: 1, preparing: 1 });
    expect(cs.reviews).toEqual({ assigned: 2, done: 1, missing: 1 });
    expect(me.reviews).toEqual({ assigned: 1, done: 0, missing: 1 });
    expect(cs.money).toEqual({ grantedFen: 2_000_000, paidFen: 1_000_000, spentFen: 12_346 });
    expect(me.money).toEqual({ grantedFen: 2_000_000, paidFen: 0, spentFen: 0 });
    expect(d.totals.money).toEqual({ grantedFen: 4_000_000, paidFen: 1_000_000, spentFen: 12_346 });
    expect(d.totals.reviews).toEqual({ assigned: 3, done: 1, missing: 2 });
    expect(d.totals.applications).toEqual({ created: 5, notSubmitted: 2, submitted: 3, recommended: 2 });
    expect(d.notSubmitted).toEqual([]);
  });

  it('shows each committee’s brand of the batch’s year', async () => {
    await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    await h.ok(SECRETARY_ME, 'brand.create', { year: 2027 });
    const d = await h.ok(ADMIN, 'dashboard.university', {});
    expect(d.brandYear).toBe(2026);
    expect(d.committees.map((c) => c.brand.status)).toEqual(['draft', 'none', 'none', 'none', 'none']);
    expect(d.totals.brands).toMatchObject({ none: 4, draft: 1 });
  });

  it('shows a chosen closed batch with zeros, and refuses an unknown batch', async () => {
    await applications();
    const d = await h.ok(ADMIN, 'dashboard.university', { batchId: CLOSED_BATCH });
    expect(d.batch).toMatchObject({ _id: CLOSED_BATCH, open: false });
    expect(d.totals.applications.created).toBe(0);
    expect(d.brandYear).toBe(2022);
    expect(d.upcoming).toEqual([]);
    expect((await h.err(ADMIN, 'dashboard.university', { batchId: 'no-such-batch' })).code).toBe('NOT_FOUND');
    expect((await h.err(ADMIN, 'dashboard.university', { batchId: 7 })).code).toBe('VALIDATION');
  });

  it('reads the batch as aggregates, with a number of store requests that does not grow per project', async () => {
    const base = await h.store.get<Project>('projects', (await submitted(HOST_PE, '体育强国'))._id);
    if (!base) throw new Error('no project');
    for (let i = 0; i < 250; i++) {
      const { version: _v, ...doc } = base;
      await h.store.insert<Project>('projects', { ...doc, _id: `bulk-${String(i).padStart(3, '0')}`, hostId: `u_bulk${i}`, committeeId: 'c-art' });
    }
    const finds: Array<{ collection: string; limit: number | undefined }> = [];
    const aggregates: string[] = [];
    const gets: string[] = [];
    const { find, get, aggregate } = h.store;
    h.store.find = (collection, options) => {
      finds.push({ collection, limit: options?.limit });
      return find(collection, options);
    };
    h.store.get = (collection, id) => {
      gets.push(collection);
      return get(collection, id);
    };
    h.store.aggregate = (collection, spec) => {
      aggregates.push(collection);
      return aggregate(collection, spec);
    };
    const d = await h.ok(ADMIN, 'dashboard.university', {});
    expect(rowOf(d.committees, 'c-art').applications.submitted).toBe(250);
    expect(d.totals.applications.submitted).toBe(251);
    expect(finds.every((f) => f.limit !== undefined && f.limit <= 100)).toBe(true);
    // 251 projects are one aggregate; nobody is under review or funded yet, so nothing else is asked of that batch.
    expect(finds.filter((f) => f.collection === 'projects')).toHaveLength(0);
    expect(aggregates).toEqual(['projects']);
    // The caller's profile only: committees, batches and brands come from a page each.
    expect(gets).toEqual(['users']);
    expect(gets.length + finds.length + aggregates.length).toBeLessThanOrEqual(8);
  });

  it('is the 组织部’s alone', async () => {
    for (const who of [SECRETARY_CS, HOST]) expect((await h.err(who, 'dashboard.university', {})).code).toBe('FORBIDDEN');
  });
});

describe('dashboard.committee (本党委看板)', () => {
  it('gives a secretary their own committee only, with its own not-submitted hosts', async () => {
    await applications();
    const d = await h.ok(SECRETARY_ME, 'dashboard.committee', {});
    expect(d.committee).toMatchObject({ committeeId: 'c-me', committeeName: '机电与控制工程学院党委', applications: { created: 2, notSubmitted: 1, submitted: 1, recommended: 1 } });
    expect(d.notSubmitted.map((e) => e.hostName)).toEqual(['钱控制']);
    expect(d.batch?._id).toBe(OPEN_BATCH);
  });

  it('adds up the same numbers as the university dashboard’s row', async () => {
    await funded();
    const mine = await h.ok(SECRETARY_CS, 'dashboard.committee', { batchId: OPEN_BATCH });
    const all = await h.ok(ADMIN, 'dashboard.university', { batchId: OPEN_BATCH });
    expect(mine.committee).toEqual(rowOf(all.committees, 'c-cs'));
    expect(mine.committee.money).toEqual({ grantedFen: 2_000_000, paidFen: 1_000_000, spentFen: 12_346 });
    // Another committee's reviews and money never leak into this one.
    expect(mine.committee.reviews).toEqual({ assigned: 2, done: 1, missing: 1 });
  });

  it('lets the 组织部 open any committee, and names a missing one', async () => {
    await applications();
    const d = await h.ok(ADMIN, 'dashboard.committee', { committeeId: 'c-pe' });
    expect(d.committee).toMatchObject({ committeeId: 'c-pe', applications: { submitted: 1 } });
    expect((await h.err(ADMIN, 'dashboard.committee', { committeeId: 'c-nowhere' })).code).toBe('NOT_FOUND');
    expect((await h.err(ADMIN, 'dashboard.committee', {})).code).toBe('VALIDATION');
  });

  it('refuses a secretary another committee, and a plain member any', async () => {
    const e = await h.err(SECRETARY_CS, 'dashboard.committee', { committeeId: 'c-me' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/本基层党委/);
    expect((await h.err(HOST, 'dashboard.committee', { committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'dashboard.committee', {})).code).toBe('FORBIDDEN');
  });
});
