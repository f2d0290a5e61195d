import { AppError } from '@shared/contracts/errors';
import type { DashboardBatch } from '@shared/contracts/dashboard';
import { canSubmitTo, type Batch } from '@shared/domain/batch';
import type { Brand } from '@shared/domain/brand/brand';
import { defaultBatch, type CommitteeRef, type DashboardTally } from '@shared/domain/dashboard';
import type { Committee } from '@shared/domain/org';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { CollectionName } from '../../ports/collections';
import { MAX_PAGE, type StoreOps, type StoredDoc, type Where } from '../../ports/store';
import type { Disbursement, Expense } from '../funding/records';
import type { Review, ReviewAssignment } from '../review/docs';

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

/**
 * Reads one batch's projects (of one committee, or all), review assignments, score sheets,
 * tranches paid and expenses into the tally, page by page.
 */
export async function tallyBatch(store: StoreOps, tally: DashboardTally, batchId: string, committeeId: string | null): Promise<void> {
  const projectWhere: Where = committeeId ? { batchId, committeeId } : { batchId };
  await eachPage<Project>(store, 'projects', projectWhere, (page) =>
    tally.addProjects(
      page.map((p) => ({
        _id: p._id,
        committeeId: p.committeeId,
        state: p.state,
        hostName: p.hostName,
        title: p.fields.title,
        updatedAt: p.updatedAt,
        grantFen: p.grantFen ?? null,
      })),
    ),
  );
  // Per batch, not per project: documents of other committees' projects are left out by the tally.
  await eachPage<ReviewAssignment>(store, 'reviewAssignments', { batchId }, (page) => tally.addAssignments(page));
  await eachPage<Review>(store, 'reviews', { batchId }, (page) => tally.addReviews(page));
  await eachPage<Disbursement>(store, 'disbursements', { batchId }, (page) => tally.addDisbursements(page));
  await eachPage<Expense>(store, 'expenses', { batchId }, (page) => tally.addExpenses(page));
}

/** The committees' brands of `year` (one committee's, or all). */
export async function tallyBrands(store: StoreOps, tally: DashboardTally, year: number, committeeId: string | null): Promise<void> {
  const where: Where = committeeId ? { committeeId, year } : { year };
  await eachPage<Brand>(store, 'brands', where, (page) =>
    tally.addBrands(page.map((b) => ({ committeeId: b.committeeId, state: b.state, name: b.report.name, updatedAt: b.updatedAt }))),
  );
}
