import { AppError } from '@shared/contracts/errors';
import type { DashboardBatch } from '@shared/contracts/dashboard';
import { canSubmitTo, type Batch } from '@shared/domain/batch';
import type { Brand } from '@shared/domain/brand/brand';
import { defaultBatch, listsNotSubmitted, NOT_SUBMITTED_STATES, type CommitteeRef, type DashboardTally } from '@shared/domain/dashboard';
import type { Committee } from '@shared/domain/org';
import { PROJECT_STATES, UNDER_REVIEW_ONWARD_STATES, type ProjectState } from '@shared/domain/project/state';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { CollectionName } from '../../ports/collections';
import { MAX_PAGE, type AggregateRow, type AggregateSpec, type StoreOps, type StoredDoc, type Where } from '../../ports/store';
import { aggregateAll, keyText } from '../../services/aggregate-all';

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

const asState = (v: string | null): ProjectState | null => PROJECT_STATES.find((s) => s === v) ?? null;
const committeeOf = (r: AggregateRow) => keyText(r, 'committeeId') ?? '';

/**
 * Reads one batch's figures (of one committee, or all) into the tally as aggregates grouped by
 * committee, a round trip each whatever the round's size: its projects by state with their grants
 * and the money's running totals (paid and spent, which each project writes with every tranche
 * and expense); while it takes submissions, the drafts and returned applications (for the list
 * of who has not submitted); its reviewer assignments with how many are scored (each written with
 * its project's committee). None of it is grouped per project.
 *
 * Reviewers are assigned only under review, and a project's state changes only along
 * TRANSITIONS: when no project of the batch has got that far, assignments cannot exist and are
 * not asked for.
 */
export async function tallyBatch(store: StoreOps, tally: DashboardTally, batch: Pick<Batch, 'calendar'> & StoredDoc, committeeId: string | null, now: Date): Promise<void> {
  const where: Where = committeeId ? { batchId: batch._id, committeeId } : { batchId: batch._id };
  const groups = await aggregateAll(store, 'projects', {
    where,
    groupBy: ['committeeId', 'state'],
    measures: { n: { op: 'count' }, grant: { op: 'sum', field: 'grantFen' }, paid: { op: 'sum', field: 'paidFen' }, spent: { op: 'sum', field: 'spentFen' } },
  });
  const states = new Set<ProjectState>();
  tally.addProjects(
    groups.flatMap((g) => {
      const state = asState(keyText(g, 'state'));
      if (!state) return [];
      states.add(state);
      return [{ committeeId: committeeOf(g), state, count: g.values.n ?? 0, grantFen: g.values.grant ?? 0 }];
    }),
  );
  const any = (of: readonly ProjectState[]) => of.some((s) => states.has(s));
  const byCommittee = (collection: CollectionName, measures: AggregateSpec['measures']) =>
    aggregateAll(store, collection, { where, groupBy: ['committeeId'], measures });
  const none = Promise.resolve([] as AggregateRow[]);
  const [drafts, reviews] = await Promise.all([
    listsNotSubmitted(batch, now) && any(NOT_SUBMITTED_STATES)
      ? aggregateAll(store, 'projects', { where: { ...where, state: { $in: [...NOT_SUBMITTED_STATES] } }, groupBy: DRAFT_KEYS, measures: { n: { op: 'count' } } })
      : none,
    any(UNDER_REVIEW_ONWARD_STATES) ? byCommittee('reviewAssignments', { n: { op: 'count' }, done: { op: 'sum', field: 'scored' } }) : none,
  ]);
  tally.addDrafts(
    drafts.flatMap((r) => {
      const state = asState(keyText(r, 'state'));
      return state ? [{ committeeId: committeeOf(r), state, hostName: keyText(r, 'hostName') ?? '', title: keyText(r, 'fields.title') ?? '', updatedAt: keyText(r, 'updatedAt') ?? '' }] : [];
    }),
  );
  tally.addReviews(reviews.map((g) => ({ committeeId: committeeOf(g), assigned: g.values.n ?? 0, done: g.values.done ?? 0 })));
  // The money's running totals, summed with the projects (each project writes them with every tranche and expense).
  tally.addPaid(groups.map((g) => ({ committeeId: committeeOf(g), amountFen: g.values.paid ?? 0 }))).addSpent(groups.map((g) => ({ committeeId: committeeOf(g), amountFen: g.values.spent ?? 0 })));
}

/** One group per draft: the list names its host, and its title once returned. */
const DRAFT_KEYS = ['_id', 'committeeId', 'state', 'hostName', 'fields.title', 'updatedAt'];

/** The committees' brands of `year` (one committee's, or all). */
export async function tallyBrands(store: StoreOps, tally: DashboardTally, year: number, committeeId: string | null): Promise<void> {
  const where: Where = committeeId ? { committeeId, year } : { year };
  await eachPage<Brand>(store, 'brands', where, (page) =>
    tally.addBrands(page.map((b) => ({ committeeId: b.committeeId, state: b.state, name: b.report.name, updatedAt: b.updatedAt }))),
  );
}
