import { AppError } from '@shared/contracts/errors';
import type { DashboardBatch } from '@shared/contracts/dashboard';
import { canSubmitTo, type Batch } from '@shared/domain/batch';
import type { Brand } from '@shared/domain/brand/brand';
import { defaultBatch, type CommitteeRef, type DashboardTally, type ProjectFacts } from '@shared/domain/dashboard';
import type { Committee } from '@shared/domain/org';
import { FUNDED_STATES, PROJECT_STATES, UNDER_REVIEW_ONWARD_STATES, type ProjectState } from '@shared/domain/project/state';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { CollectionName } from '../../ports/collections';
import { MAX_GROUPS, MAX_PAGE, type AggregateRow, type AggregateSpec, type StoreOps, type StoredDoc, type Where } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';

type StoredBatch = Batch & StoredDoc;

/**
 * Hands every document matching `where` to `onPage`, a page of at most 100 at a time in `_id`
 * order (keyset: pages never overlap or skip when documents are added meanwhile). Nothing is
 * read per document: callers group each page in memory.
 */
export async function eachPage<T extends StoredDoc>(store: StoreOps, collection: CollectionName, where: Where, onPage: (page: T[]) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await store.find<T>(collection, {
      where: after === null ? where : { ...where, _id: { $gt: after } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_PAGE,
    });
    onPage(page);
    if (page.length < MAX_PAGE) return;
    after = page[page.length - 1]._id;
  }
}

/** Every committee in display order, read once. */
export async function allCommittees(store: StoreOps): Promise<CommitteeRef[]> {
  const out: CommitteeRef[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<Committee & StoredDoc>('committees', { orderBy: [{ field: 'order', direction: 'asc' }], limit: MAX_PAGE, skip });
    out.push(...page.map((c) => ({ _id: c._id, name: c.name })));
    if (page.length < MAX_PAGE) return out;
  }
}

/** Batches the caller may look at, as batch.list shows them: school-level ones and their committees' own. */
async function visibleBatches(ctx: Context): Promise<StoredBatch[]> {
  const roles = ctx.user?.roles ?? [];
  const own = ctx.user?.profile.committeeId;
  const out: StoredBatch[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await ctx.store.find<StoredBatch>('batches', {
      orderBy: [{ field: 'calendar.submissionDeadline', direction: 'desc' }],
      limit: MAX_PAGE,
      skip,
    });
    out.push(
      ...page.filter(
        (b) => b.level === 'school' || hasRole(roles, 'admin') || b.committeeId === own || (b.committeeId !== undefined && canActForCommittee(roles, b.committeeId)),
      ),
    );
    if (page.length < MAX_PAGE) return out;
  }
}

const choiceOf = (b: StoredBatch, now: Date): DashboardBatch => ({
  _id: b._id,
  name: b.name,
  year: b.year,
  level: b.level,
  open: canSubmitTo(b, now),
  deadlineText: formatDeadline(b.calendar.submissionDeadline),
});

/** The batch asked for (if the caller may see it) or the default one, and the picker's list. */
export async function chooseBatch(ctx: Context, batchId: string | undefined): Promise<{ batch: StoredBatch | null; choices: DashboardBatch[] }> {
  const batches = await visibleBatches(ctx);
  const batch = batchId === undefined ? defaultBatch(batches, ctx.now) : (batches.find((b) => b._id === batchId) ?? null);
  if (batchId !== undefined && !batch) throw new AppError('NOT_FOUND', '该批次不存在或不在您的查看范围内，请在看板上重新选择批次');
  return { batch, choices: batches.map((b) => choiceOf(b, ctx.now)) };
}

const PROJECT_KEYS = ['_id', 'committeeId', 'state', 'hostName', 'fields.title', 'updatedAt', 'grantFen'];
const asState = (v: string | null): ProjectState | null => PROJECT_STATES.find((s) => s === v) ?? null;

/**
 * Reads one batch's projects (of one committee, or all) into the tally as aggregates, not every
 * document in pages of 100: the projects themselves (one group per project, a thousand a round
 * trip), then per project its review assignments and score sheets counted and its tranches paid
 * and expenses summed (one round trip each for up to a thousand projects under review, or funded).
 *
 * Reviewers are assigned only under review and money moves only from 立项, and a project's state
 * changes only along TRANSITIONS: when no project of the batch has got that far, those documents
 * cannot exist and are not asked for.
 */
export async function tallyBatch(store: StoreOps, tally: DashboardTally, batchId: string, committeeId: string | null): Promise<void> {
  const projectWhere: Where = committeeId ? { batchId, committeeId } : { batchId };
  const rows = await aggregateAll(store, 'projects', { where: projectWhere, groupBy: PROJECT_KEYS, measures: { n: { op: 'count' } } });
  const projects: ProjectFacts[] = [];
  for (const r of rows) {
    const _id = keyText(r, '_id');
    const state = asState(keyText(r, 'state'));
    if (!_id || !state) continue;
    projects.push({
      _id,
      committeeId: keyText(r, 'committeeId') ?? '',
      state,
      hostName: keyText(r, 'hostName') ?? '',
      title: keyText(r, 'fields.title') ?? '',
      updatedAt: keyText(r, 'updatedAt') ?? '',
      grantFen: keyNumber(r, 'grantFen'),
    });
  }
  tally.addProjects(projects);

  // By id, so that no more groups can come than those projects: one page for up to a thousand
  // (a full page is not followed by an empty one); the whole batch beyond (the tally leaves out
  // the documents of projects it was not given).
  const scopeOf = (states: readonly ProjectState[]): { where: Where; cap?: number } | null => {
    const ids = projects.filter((p) => states.includes(p.state)).map((p) => p._id);
    if (ids.length === 0) return null;
    return ids.length <= MAX_GROUPS ? { where: { batchId, projectId: { $in: ids } }, cap: ids.length } : { where: { batchId } };
  };
  const count = { n: { op: 'count' } } as const;
  const sum = { n: { op: 'sum', field: 'amountFen' } } as const;
  const perProject = (collection: CollectionName, scope: { where: Where; cap?: number } | null, measures: AggregateSpec['measures']) =>
    scope ? aggregateAll(store, collection, { where: scope.where, groupBy: ['projectId'], measures }, scope.cap) : Promise.resolve([]);
  const reviewed = scopeOf(UNDER_REVIEW_ONWARD_STATES);
  const funded = scopeOf(FUNDED_STATES);
  const [assigned, scored, paid, spent] = await Promise.all([
    perProject('reviewAssignments', reviewed, count),
    perProject('reviews', reviewed, count),
    perProject('disbursements', funded, sum),
    perProject('expenses', funded, sum),
  ]);
  const counted = (groups: AggregateRow[]) => groups.map((g) => ({ projectId: keyText(g, 'projectId') ?? '', count: g.values.n ?? 0 }));
  const summed = (groups: AggregateRow[]) => groups.map((g) => ({ projectId: keyText(g, 'projectId') ?? '', amountFen: g.values.n ?? 0 }));
  tally.addAssignments(counted(assigned)).addReviews(counted(scored)).addDisbursements(summed(paid)).addExpenses(summed(spent));
}

/** The committees' brands of `year` (one committee's, or all). */
export async function tallyBrands(store: StoreOps, tally: DashboardTally, year: number, committeeId: string | null): Promise<void> {
  const where: Where = committeeId ? { committeeId, year } : { year };
  await eachPage<Brand>(store, 'brands', where, (page) =>
    tally.addBrands(page.map((b) => ({ committeeId: b.committeeId, state: b.state, name: b.report.name, updatedAt: b.updatedAt }))),
  );
}
