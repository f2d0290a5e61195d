import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { tranchesFor } from '@shared/domain/project/funding';
import { indexRoles } from '../../services/role-index';
import { approvedProject, GRANT } from '../funding/fixtures';
import { person } from '../review/fixtures';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
const HOSTS = [
  person('bulk-cs', '甲', 'c-cs', 'b-cs-t1', false),
  person('bulk-me', '乙', 'c-me', 'b-me-s1', false),
  person('bulk-med', '丙', 'c-med', 'b-med-s1', false),
  person('bulk-art', '丁', 'c-art', 'b-art-t1', false),
  person('bulk-pe', '戊', 'c-pe', 'b-pe-t1', false),
];
const REVIEWER_PE = person('bulk-rev-pe', '周健', 'c-pe', 'b-pe-t1', true);
const REVIEWER_ME = person('bulk-rev-me', '孙启航', 'c-me', 'b-me-t1', true);

beforeEach(async () => {
  h = await createHarness();
  for (const u of [...HOSTS, REVIEWER_PE, REVIEWER_ME]) {
    await h.store.insert<User>('users', u);
    await indexRoles(h.store, u._id, u.roles);
  }
});

/** Five applications under review, one from each committee (opened by the 组织部 after the recommendation deadline). */
async function underReview(): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, u] of HOSTS.entries()) {
    const p = await h.ok(u.openid, 'project.create', { batchId: OPEN_BATCH });
    const saved = await h.ok(u.openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: `项目${i + 1}` } });
    const s = await h.ok(u.openid, 'project.submit', { id: saved._id, version: saved.version });
    const fresh = await h.store.get<Project>('projects', s._id);
    await h.store.update<Project>('projects', s._id, fresh!.version, { state: 'recommended', committeeOpinion: '同意推荐', committeeRank: 1 });
    ids.push(s._id);
  }
  h.now.value = new Date('2027-01-07T02:00:00Z');
  await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
  return ids;
}
const assignments = () => h.store.count('reviewAssignments');

describe('bulk: assign reviewers to many', () => {
  it('adds the reviewers to every chosen application in one step', async () => {
    const ids = await underReview();
    const four = ids.filter((_, i) => i !== 4); // the 体育 application would be 周健's own committee
    expect(await h.ok(ADMIN, 'review.assignMany', { batchId: OPEN_BATCH, projectIds: four, reviewerIds: [REVIEWER_PE._id] })).toEqual({ projects: 4, added: 4 });
    // Again: nothing to add, nothing duplicated.
    expect(await h.ok(ADMIN, 'review.assignMany', { batchId: OPEN_BATCH, projectIds: four, reviewerIds: [REVIEWER_PE._id] })).toEqual({ projects: 4, added: 0 });
    expect(await assignments()).toBe(4);
  });

  it('is all or nothing: one application of the reviewer’s own committee refuses the whole list, naming it', async () => {
    const ids = await underReview();
    const err = await h.err(ADMIN, 'review.assignMany', { batchId: OPEN_BATCH, projectIds: ids, reviewerIds: [REVIEWER_ME._id, REVIEWER_PE._id] });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('全部未生效');
    const refused = (err.details?.refused ?? []) as Array<{ id: string; message: string }>;
    expect(refused.map((r) => r.id).sort()).toEqual([ids[1], ids[4]].sort());
    expect(refused[0].message).toContain('回避');
    expect(await assignments()).toBe(0);
  });

  it('refuses more than 200 items, and callers other than the 组织部, before anything is written', async () => {
    const ids = await underReview();
    const many = Array.from({ length: 201 }, (_, i) => `p${i}`);
    expect((await h.err(ADMIN, 'review.assignMany', { batchId: OPEN_BATCH, projectIds: many, reviewerIds: [REVIEWER_PE._id] })).code).toBe('VALIDATION');
    expect((await h.err(SECRETARY_CS, 'review.assignMany', { batchId: OPEN_BATCH, projectIds: ids.slice(0, 1), reviewerIds: [REVIEWER_PE._id] })).code).toBe('FORBIDDEN');
    expect(await assignments()).toBe(0);
  });
});

describe('bulk: stage many for the 公示', () => {
  it('stages exactly the chosen applications, shown on the round, within the places left; nobody is told', async () => {
    const ids = await underReview();
    const outboxBefore = await h.store.count('outbox');
    const staged = await h.ok(ADMIN, 'review.stagePublicity', { batchId: OPEN_BATCH, projectIds: ids.slice(0, 3) });
    expect(staged.projectIds).toEqual(ids.slice(0, 3));
    expect((await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH })).staged).toEqual(ids.slice(0, 3));
    expect(await h.store.count('outbox')).toBe(outboxBefore);
    for (const id of ids) expect((await h.store.get<Project>('projects', id))?.state).toBe('under_review');
    // Over the quota: refused, the earlier staging stands.
    const quota = (await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH })).quota;
    if (quota < ids.length) {
      expect((await h.err(ADMIN, 'review.stagePublicity', { batchId: OPEN_BATCH, projectIds: ids })).code).toBe('VALIDATION');
      expect((await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH })).staged).toEqual(ids.slice(0, 3));
    }
    // One not under review: nothing changes.
    const other = await h.store.get<Project>('projects', ids[0]);
    await h.store.update<Project>('projects', ids[0], other!.version, { state: 'recommended' });
    const err = await h.err(ADMIN, 'review.stagePublicity', { batchId: OPEN_BATCH, projectIds: ids.slice(0, 2) });
    expect(err.code).toBe('INVALID_TRANSITION');
    expect((await h.ok(ADMIN, 'review.roundStatus', { batchId: OPEN_BATCH })).staged).toEqual(ids.slice(1, 3));
  });
});

describe('bulk: record a tranche for many funded projects', () => {
  it('reports row by row: the one already paid is refused, the others are paid', async () => {
    const a = await approvedProject(h);
    const b = await approvedProject(h, GRANT, 'dev-member-2');
    const first = tranchesFor(GRANT)[1];
    await h.ok(ADMIN, 'funding.disburse', { projectId: a._id, tranche: 1, amountFen: first, note: '' });
    const report = await h.ok(ADMIN, 'funding.disburseMany', { tranche: 1, items: [{ projectId: a._id, amountFen: first }, { projectId: b._id, amountFen: first }] });
    expect(report.done.map((r) => r.id)).toEqual([b._id]);
    expect(report.refused).toEqual([expect.objectContaining({ id: a._id, code: 'ALREADY_EXISTS' })]);
    expect(await h.store.count('disbursements', { projectId: b._id })).toBe(1);
  });

  it('an unknown project refuses the whole list before anything is paid', async () => {
    const a = await approvedProject(h);
    const err = await h.err(ADMIN, 'funding.disburseMany', { tranche: 1, items: [{ projectId: a._id, amountFen: tranchesFor(GRANT)[1] }, { projectId: 'nope', amountFen: 1 }] });
    expect(err.code).toBe('NOT_FOUND');
    expect(await h.store.count('disbursements')).toBe(0);
  });
});

describe('bulk: confirm many pending profiles', () => {
  const pending = (openid: string, committeeId: string, branchId: string): Omit<User, 'version'> => ({ ...person(openid, '待确认', committeeId, branchId, false), profileStatus: 'pending' });

  it('confirms the committee’s own people row by row; one of another committee refuses the list first', async () => {
    const cs1 = await h.store.insert<User>('users', pending('p-cs-1', 'c-cs', 'b-cs-t1'));
    const cs2 = await h.store.insert<User>('users', pending('p-cs-2', 'c-cs', 'b-cs-t1'));
    const me = await h.store.insert<User>('users', pending('p-me-1', 'c-me', 'b-me-s1'));
    const items = [cs1, cs2].map((u) => ({ userId: u._id, version: u.version }));
    expect((await h.err(SECRETARY_CS, 'people.confirmMany', { items: [...items, { userId: me._id, version: me.version }] })).code).toBe('NOT_FOUND');
    expect((await h.store.get<User>('users', cs1._id))?.profileStatus).toBe('pending');
    // A stale version is refused on its row only.
    const report = await h.ok(SECRETARY_CS, 'people.confirmMany', { items: [items[0], { ...items[1], version: 99 }] });
    expect(report.done.map((r) => r.id)).toEqual([cs1._id]);
    expect(report.refused).toEqual([expect.objectContaining({ id: cs2._id, code: 'CONFLICT' })]);
    expect((await h.store.get<User>('users', cs1._id))?.profileStatus).toBe('confirmed');
  });
});

describe('bulk: the secretary orders the recommendation ranks and saves at once', () => {
  async function recommended(openid: string, title: string, rank: number): Promise<string> {
    const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
    const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
    const s = await h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
    await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: '同意推荐', rank });
    return s._id;
  }
  const rankOf = async (id: string) => (await h.store.get<Project>('projects', id))?.committeeRank;

  it('swaps two ranks in one save; a list that is not exactly the committee’s recommendations changes nothing', async () => {
    const a = await recommended(HOST, '甲项目', 1);
    const b = await recommended(MEMBER2, '乙项目', 2);
    expect(await h.ok(SECRETARY_CS, 'committee.reorderRanks', { batchId: OPEN_BATCH, committeeId: 'c-cs', projectIds: [b, a] })).toEqual({ ranks: [{ projectId: b, rank: 1 }, { projectId: a, rank: 2 }] });
    expect([await rankOf(a), await rankOf(b)]).toEqual([2, 1]);
    expect((await h.err(SECRETARY_CS, 'committee.reorderRanks', { batchId: OPEN_BATCH, committeeId: 'c-cs', projectIds: [a] })).code).toBe('CONFLICT');
    expect((await h.err(SECRETARY_ME, 'committee.reorderRanks', { batchId: OPEN_BATCH, committeeId: 'c-cs', projectIds: [a, b] })).code).toBe('FORBIDDEN');
    expect([await rankOf(a), await rankOf(b)]).toEqual([2, 1]);
    // The slots moved with the ranks: a new recommendation cannot take rank 1 or 2.
    const c = await h.ok('dev-secretary-cs', 'project.create', { batchId: OPEN_BATCH });
    const saved = await h.ok('dev-secretary-cs', 'project.saveDraft', { id: c._id, version: c.version, fields: { ...COMPLETE_FIELDS, title: '丙项目' } });
    const sub = await h.ok('dev-secretary-cs', 'project.submit', { id: saved._id, version: saved.version });
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: sub._id, version: sub.version, decision: 'recommend', comment: '同意', rank: 1 })).code).toBe('VALIDATION');
  });
});
