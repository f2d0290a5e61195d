import type { RoundState } from '@shared/contracts/lists';
import { ROUND_STATES } from '@shared/contracts/lists';
import { PROJECT_CATEGORIES, type ProjectCategory } from '@shared/domain/project/application';
import { aggregateOf, type Aggregate } from '@shared/domain/project/review';
import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import { MAX_GROUPS, type StoreOps, type Where } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';

/** What the round's list sorts and filters by, for one application of the batch. */
export interface IndexedApplication {
  _id: string;
  state: RoundState;
  committeeId: string;
  hostName: string;
  title: string;
  category: ProjectCategory | null;
  committeeRank: number | null;
  assigned: number;
  scores: Aggregate;
}

/** The whole round as its pages need it: every application's sort keys and review figures. */
export interface RoundIndex {
  applications: IndexedApplication[];
  /** Projects of the batch per state, any state (for the places taken and approved); 0 when read without perState. */
  inState: (states: readonly ProjectState[]) => number;
  /** Reviews written in the round (the rubric is fixed once there is one). */
  reviews: number;
}

const INDEX_KEYS = ['_id', 'state', 'committeeId', 'hostName', 'fields.title', 'fields.category', 'committeeRank'];
const asState = (v: string | null): RoundState | null => ROUND_STATES.find((s) => s === v) ?? null;
const asCategory = (v: string | null): ProjectCategory | null => PROJECT_CATEGORIES.find((c) => c === v) ?? null;

/**
 * Reads the round's index in a few aggregates (CloudBase's aggregation; one GROUP BY on SQLite):
 * the applications' sort keys (one group per application), the batch's projects per state, and
 * each application's assigned reviewers and scores — not every document in pages of 100.
 */
export async function readRoundIndex(store: StoreOps, batchId: string, options: { perState: boolean } = { perState: true }): Promise<RoundIndex> {
  const [rows, states] = await Promise.all([
    aggregateAll(store, 'projects', { where: { batchId, state: { $in: [...ROUND_STATES] } }, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } }),
    // The places taken count projects beyond the round too; the list alone does not need them.
    options.perState ? store.aggregate('projects', { where: { batchId }, groupBy: ['state'], measures: { n: { op: 'count' } }, limit: PROJECT_STATES.length }) : Promise.resolve([]),
  ]);
  const ids = rows.map((r) => keyText(r, '_id') ?? '');
  // A round within one aggregate page is asked for by its ids (the batch's other projects may
  // carry reviews too: the 2024 batch's funded ones); a bigger one is read for the whole batch.
  const where: Where = ids.length <= MAX_GROUPS ? { batchId, projectId: { $in: ids } } : { batchId };
  const [scored, assigned] = ids.length
    ? await Promise.all([
        aggregateAll(store, 'reviews', { where, groupBy: ['projectId'], measures: { n: { op: 'count' }, sum: { op: 'sum', field: 'total' }, min: { op: 'min', field: 'total' }, max: { op: 'max', field: 'total' } } }),
        aggregateAll(store, 'reviewAssignments', { where, groupBy: ['projectId'], measures: { n: { op: 'count' } } }),
      ])
    : [[], []];
  const scoresOf = new Map(scored.map((r) => [keyText(r, 'projectId'), aggregateOf({ count: r.values.n ?? 0, sum: r.values.sum ?? 0, min: r.values.min, max: r.values.max })]));
  const assignedTo = new Map(assigned.map((r) => [keyText(r, 'projectId'), r.values.n ?? 0]));
  const applications: IndexedApplication[] = [];
  for (const r of rows) {
    const _id = keyText(r, '_id');
    const state = asState(keyText(r, 'state'));
    if (!_id || !state) continue;
    applications.push({
      _id,
      state,
      committeeId: keyText(r, 'committeeId') ?? '',
      hostName: keyText(r, 'hostName') ?? '',
      title: keyText(r, 'fields.title')?.trim() || '未命名项目',
      category: asCategory(keyText(r, 'fields.category')),
      committeeRank: keyNumber(r, 'committeeRank'),
      assigned: assignedTo.get(_id) ?? 0,
      scores: scoresOf.get(_id) ?? aggregateOf({ count: 0, sum: 0, min: null, max: null }),
    });
  }
  const perState = new Map(states.map((r) => [keyText(r, 'state'), r.values.n ?? 0]));
  return {
    applications,
    inState: (wanted) => wanted.reduce((n, s) => n + (perState.get(s) ?? 0), 0),
    reviews: applications.reduce((n, a) => n + a.scores.count, 0),
  };
}

/** Each reviewer's load in the batch: applications assigned, and scored (one aggregate each). */
export async function reviewerLoads(store: StoreOps, batchId: string): Promise<{ assigned: Map<string, number>; scored: Map<string, number> }> {
  const [assigned, scored] = await Promise.all(
    (['reviewAssignments', 'reviews'] as const).map((c) => aggregateAll(store, c, { where: { batchId }, groupBy: ['reviewerId'], measures: { n: { op: 'count' } } })),
  );
  const byReviewer = (rows: typeof assigned) => new Map(rows.map((r) => [keyText(r, 'reviewerId') ?? '', r.values.n ?? 0]));
  return { assigned: byReviewer(assigned), scored: byReviewer(scored) };
}
