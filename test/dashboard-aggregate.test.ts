/**
 * The dashboards' figures from aggregates grouped by committee
 * (cloudfunctions/core/procedures/dashboard/read.ts) against the same figures from every
 * document read in pages of 100, each placed by its project, on both adapters: SQLite, and
 * WeChat through wx-server-sdk to the CloudBase fake. Past a thousand applications (an
 * aggregate's page), on SQLite.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Batch } from '@shared/domain/batch';
import { DashboardTally, type CommitteeRef } from '@shared/domain/dashboard';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { tallyBatch } from '../cloudfunctions/core/procedures/dashboard/read';
import type { Disbursement, Expense } from '../cloudfunctions/core/procedures/funding/records';
import type { Review, ReviewAssignment } from '../cloudfunctions/core/procedures/review/docs';
import type { CollectionName } from '../cloudfunctions/core/ports/collections';
import { MAX_GROUPS, MAX_PAGE, type AggregateSpec, type Store, type StoredDoc, type Where } from '../cloudfunctions/core/ports/store';
import { STORE_ADAPTERS } from './support/store-adapters';
import { stopWechatFake } from './support/wechat-store';

afterAll(stopWechatFake);

const COMMITTEES: CommitteeRef[] = [
  { _id: 'c1', name: '计算机学院党委' },
  { _id: 'c2', name: '机电学院党委' },
  { _id: 'c3', name: '体育学院党总支' },
];
const BATCH: Pick<Batch, 'calendar'> = { calendar: { submissionDeadline: '2026-12-27' } };
/** Before the deadline, so the not-submitted list is shown too. */
const NOW = new Date('2026-11-27T02:00:00Z');

type Doc = { _id: string } & Record<string, unknown>;

class World {
  readonly docs: Array<[CollectionName, Doc]> = [];
  private n = 0;

  project(batchId: string, committeeId: string, state: ProjectState, extra: Partial<Project> = {}): string {
    const _id = `p${String(++this.n).padStart(5, '0')}`;
    this.docs.push([
      'projects',
      {
        _id,
        batchId,
        committeeId,
        hostId: `u${this.n}`,
        hostName: `主持人${this.n}`,
        state,
        fields: { title: `项目${this.n}` },
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: `2026-11-${String(1 + (this.n % 20)).padStart(2, '0')}T00:00:00.000Z`,
        submittedAt: null,
        ...extra,
      },
    ]);
    return _id;
  }

  private committeeOf(projectId: string): string {
    const p = this.docs.find(([c, d]) => c === 'projects' && d._id === projectId);
    return String(p?.[1].committeeId);
  }

  /** As the procedures write them: each assignment with its project's committee, marked scored once its sheet is in. */
  reviewers(batchId: string, projectId: string, assigned: number, scored: number): void {
    const committeeId = this.committeeOf(projectId);
    for (let i = 0; i < assigned; i++) this.docs.push(['reviewAssignments', { _id: `${projectId}:r${i}`, batchId, projectId, committeeId, reviewerId: `r${i}`, scored: i < scored ? 1 : 0 }]);
    for (let i = 0; i < scored; i++) this.docs.push(['reviews', { _id: `${projectId}:r${i}`, batchId, projectId, reviewerId: `r${i}`, total: 80 + i }]);
  }

  /** As the procedures write them: the tranches and expenses, and their running totals on the project. */
  money(batchId: string, projectId: string, paid: number[], spent: number[]): void {
    const project = this.docs.find(([c, d]) => c === 'projects' && d._id === projectId)?.[1];
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    Object.assign(project ?? {}, { paidFen: sum(paid), tranchesPaid: paid.length, spentFen: sum(spent) });
    paid.forEach((amountFen, t) => this.docs.push(['disbursements', { _id: `${projectId}:t${t + 1}`, projectId, batchId, tranche: t + 1, amountFen, at: '2026-11-02' }]));
    spent.forEach((amountFen, e) => this.docs.push(['expenses', { _id: `${projectId}:e${e}`, projectId, batchId, amountFen, date: '2026-11-03' }]));
  }

  async into(store: Store): Promise<void> {
    for (const [collection, doc] of this.docs) await store.insert(collection, doc as never);
  }
}

/** Every state, money in fen, a dissolved committee, a second batch that must not count. */
function smallWorld(): World {
  const w = new World();
  w.project('b1', 'c1', 'draft', { fields: { title: '草稿不显示题目' } as Project['fields'] });
  w.project('b1', 'c1', 'returned', { fields: { title: '  退回的题目  ' } as Project['fields'] });
  w.project('b1', 'c2', 'returned', { fields: { title: '' } as Project['fields'] });
  w.project('b1', 'c1', 'submitted');
  w.project('b1', 'c2', 'not_recommended');
  w.project('b1', 'c2', 'recommended');
  const underReview = w.project('b1', 'c1', 'under_review');
  w.reviewers('b1', underReview, 3, 2);
  const odd = w.project('b1', 'c2', 'under_review');
  w.reviewers('b1', odd, 2, 2);
  const rejected = w.project('b1', 'c2', 'rejected');
  w.reviewers('b1', rejected, 1, 1);
  const cultivating = w.project('b1', 'c1', 'cultivating', { grantFen: 2_000_000 });
  w.reviewers('b1', cultivating, 2, 2);
  w.money('b1', cultivating, [1_000_000], [12_345, 1]);
  const concluded = w.project('b1', 'c2', 'concluded', { grantFen: 1_500_000 });
  w.money('b1', concluded, [750_000, 750_000], [300_000]);
  w.project('b1', 'c2', 'approved', { grantFen: 1_000_001 });
  const gone = w.project('b1', 'c-gone', 'terminated', { grantFen: 500_000 });
  w.money('b1', gone, [250_000], [7]);
  const elsewhere = w.project('b2', 'c1', 'cultivating', { grantFen: 9_999_999 });
  w.reviewers('b2', elsewhere, 5, 5);
  w.money('b2', elsewhere, [5_000_000], [1_000]);
  w.project('b2', 'c1', 'draft');
  return w;
}

/**
 * The reference: every document of the batch, a page of 100 at a time, each counted under its
 * project's committee as read from the project (not the committee written on it), a score sheet
 * only when its reviewer is assigned.
 */
async function everyDocument(store: Store, batchId: string, committeeId: string | null, committees: CommitteeRef[]) {
  const all = async <T extends StoredDoc>(collection: CollectionName, where: Where): Promise<T[]> => {
    const out: T[] = [];
    for (let skip = 0; ; skip += MAX_PAGE) {
      const page = await store.find<T>(collection, { where, orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_PAGE, skip });
      out.push(...page);
      if (page.length < MAX_PAGE) return out;
    }
  };
  const tally = new DashboardTally(committees);
  const projects = await all<Project & StoredDoc>('projects', committeeId ? { batchId, committeeId } : { batchId });
  const committeeOf = new Map(projects.map((p) => [p._id, p.committeeId]));
  tally.addProjects(projects.map((p) => ({ committeeId: p.committeeId, state: p.state, grantFen: p.grantFen ?? null })));
  tally.addDrafts(projects.map((p) => ({ committeeId: p.committeeId, state: p.state, hostName: p.hostName, title: p.fields.title, updatedAt: p.updatedAt })));
  const mine = <T extends { projectId: string }>(docs: T[]) => docs.flatMap((d) => (committeeOf.has(d.projectId) ? [{ ...d, committeeId: committeeOf.get(d.projectId) ?? '' }] : []));
  const sheets = new Set((await all<Review>('reviews', { batchId })).map((r) => r._id));
  tally.addReviews(mine(await all<ReviewAssignment>('reviewAssignments', { batchId })).map((a) => ({ committeeId: a.committeeId, assigned: 1, done: sheets.has(a._id) ? 1 : 0 })));
  tally.addPaid(mine(await all<Disbursement>('disbursements', { batchId })));
  tally.addSpent(mine(await all<Expense>('expenses', { batchId })));
  return tally.result(BATCH, NOW);
}

async function fromAggregates(store: Store, batchId: string, committeeId: string | null, committees: CommitteeRef[]) {
  const tally = new DashboardTally(committees);
  await tallyBatch(store, tally, { _id: batchId, version: 1, ...BATCH }, committeeId, NOW);
  return tally.result(BATCH, NOW);
}

/** The store, recording each aggregate it is asked (collection and page). */
function recording(store: Store): { store: Store; aggregates: Array<{ collection: string; skip: number }>; finds: string[] } {
  const aggregates: Array<{ collection: string; skip: number }> = [];
  const finds: string[] = [];
  return {
    aggregates,
    finds,
    store: {
      ...store,
      aggregate: (collection: string, spec: AggregateSpec) => {
        aggregates.push({ collection, skip: spec.skip ?? 0 });
        return store.aggregate(collection, spec);
      },
      find: (collection, options) => {
        finds.push(collection);
        return store.find(collection, options);
      },
    },
  };
}

describe.each(STORE_ADAPTERS)('dashboard figures from aggregates: $name', ({ open }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('are the figures every document gives, for the university and for one committee', async () => {
    store = await open();
    await smallWorld().into(store);
    const university = await fromAggregates(store, 'b1', null, COMMITTEES);
    expect(university).toEqual(await everyDocument(store, 'b1', null, COMMITTEES));
    // Spot checks, so that an empty answer on both sides could not pass.
    expect(university.totals.money).toEqual({ grantedFen: 5_000_001, paidFen: 2_750_000, spentFen: 312_353 });
    expect(university.totals.reviews).toEqual({ assigned: 8, done: 7, missing: 1 });
    expect(university.rows.at(-1)).toMatchObject({ committeeId: 'c-gone', money: { paidFen: 250_000, spentFen: 7 } });
    expect(university.notSubmitted.map((e) => [e.committeeId, e.state, e.title])).toEqual([
      ['c1', 'draft', null],
      ['c1', 'returned', '退回的题目'],
      ['c2', 'returned', '未命名项目'],
    ]);

    for (const c of COMMITTEES) {
      const mine = await fromAggregates(store, 'b1', c._id, [c]);
      expect(mine, c._id).toEqual(await everyDocument(store, 'b1', c._id, [c]));
    }
    const [c1] = (await fromAggregates(store, 'b1', 'c1', [COMMITTEES[0]])).rows;
    expect(c1.money).toEqual({ grantedFen: 2_000_000, paidFen: 1_000_000, spentFen: 12_346 });
    expect(c1.reviews).toEqual({ assigned: 5, done: 4, missing: 1 });
  });

  it('asks nothing of reviews or money before any project of the batch has got that far', async () => {
    store = await open();
    const w = new World();
    w.project('b1', 'c1', 'draft');
    w.project('b1', 'c2', 'recommended');
    const p = w.project('b1', 'c1', 'recommended');
    await w.into(store);
    const before = recording(store);
    await fromAggregates(before.store, 'b1', null, COMMITTEES);
    // The projects by committee and state, then (submissions still open, a draft among them) the drafts.
    expect(before.aggregates.map((a) => a.collection)).toEqual(['projects', 'projects']);

    await store.insert('reviewAssignments', { _id: `${p}:r0`, batchId: 'b1', projectId: p, committeeId: 'c1', reviewerId: 'r0', scored: 0 } as never);
    await store.update<Project & StoredDoc>('projects', p, 1, { state: 'under_review' });
    const reviewing = recording(store);
    const d = await fromAggregates(reviewing.store, 'b1', null, COMMITTEES);
    expect(reviewing.aggregates.map((a) => a.collection)).toEqual(['projects', 'projects', 'reviewAssignments']);
    expect(d.totals.reviews).toEqual({ assigned: 1, done: 0, missing: 1 });
    expect(reviewing.finds).toEqual([]);
  });
});

/** Runs `fn` on a new SQLite store (the real adapter), closed afterwards. */
async function onSqlite(fn: (store: Store) => Promise<void>): Promise<void> {
  const sqlite = STORE_ADAPTERS.find((a) => a.name === 'sqlite');
  if (!sqlite) throw new Error('no sqlite adapter');
  const store = await sqlite.open();
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

describe('dashboard drafts at the submission deadline (SQLite)', () => {
  it('reads the drafts until 23:59:59 Beijing time on the deadline day, and not one second later', async () => {
    await onSqlite(async (store) => {
      const w = new World();
      w.project('b1', 'c1', 'returned');
      w.project('b1', 'c2', 'submitted');
      await w.into(store);
      const at = async (iso: string) => {
        const seen = recording(store);
        const tally = new DashboardTally(COMMITTEES);
        await tallyBatch(seen.store, tally, { _id: 'b1', version: 1, ...BATCH }, null, new Date(iso));
        return { reads: seen.aggregates.length, listed: tally.result(BATCH, new Date(iso)).notSubmitted.length };
      };
      expect(await at('2026-12-27T15:59:59Z')).toEqual({ reads: 2, listed: 1 });
      expect(await at('2026-12-27T16:00:00Z')).toEqual({ reads: 1, listed: 0 });
    });
  });
});

describe('dashboard figures of a round past an aggregate page of groups (SQLite)', () => {
  it('reads a round of 1 010 applications with one aggregate of each kind, grouped by committee, with the same figures', async () => {
    await onSqlite(async (store) => {
      const w = new World();
      for (let i = 0; i < MAX_GROUPS + 10; i++) {
        const id = w.project('b1', COMMITTEES[i % 2]._id, i % 3 === 0 ? 'under_review' : 'cultivating', i % 3 === 0 ? {} : { grantFen: 100_000 + i });
        w.reviewers('b1', id, 1 + (i % 3), i % 4);
        if (i % 3 !== 0) w.money('b1', id, [50_000 + i], [i, 1]);
      }
      await store.transaction(async (tx) => {
        for (const [collection, doc] of w.docs) await tx.insert(collection, doc as never);
      });
      const seen = recording(store);
      const university = await fromAggregates(seen.store, 'b1', null, COMMITTEES);
      expect(university).toEqual(await everyDocument(store, 'b1', null, COMMITTEES));
      expect(university.totals.applications.created).toBe(MAX_GROUPS + 10);
      const pages = (c: string) => seen.aggregates.filter((a) => a.collection === c).map((a) => a.skip);
      // 1 010 projects have reviewers, 673 have money (two of every three): one group per committee each, the money summed with the projects.
      expect(seen.aggregates.map((a) => `${a.collection}@${a.skip}`)).toEqual(['projects@0', 'reviewAssignments@0']);
      expect(pages('projects')).toEqual([0]);
      expect(pages('reviews')).toEqual([]);
      const mine = recording(store);
      expect(await fromAggregates(mine.store, 'b1', 'c1', [COMMITTEES[0]])).toEqual(await everyDocument(store, 'b1', 'c1', [COMMITTEES[0]]));
      expect(mine.aggregates.map((a) => `${a.collection}@${a.skip}`)).toEqual(['projects@0', 'reviewAssignments@0']);
    });
  });

  it('lists 1 010 drafts while submissions are open, in pages of a thousand', async () => {
    await onSqlite(async (store) => {
      const w = new World();
      for (let i = 0; i < MAX_GROUPS + 10; i++) w.project('b1', COMMITTEES[i % 3]._id, i % 2 ? 'draft' : 'returned');
      await store.transaction(async (tx) => {
        for (const [collection, doc] of w.docs) await tx.insert(collection, doc as never);
      });
      const seen = recording(store);
      const university = await fromAggregates(seen.store, 'b1', null, COMMITTEES);
      expect(university).toEqual(await everyDocument(store, 'b1', null, COMMITTEES));
      expect(university.notSubmitted).toHaveLength(MAX_GROUPS + 10);
      expect(seen.aggregates.map((a) => `${a.collection}@${a.skip}`)).toEqual(['projects@0', 'projects@0', 'projects@1000']);
    });
  });
});
