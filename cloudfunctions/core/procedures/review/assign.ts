import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Context } from '../../context';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { byNameSort, keysOf } from '../../services/name-keys';
import { newAssignment, type Review, type ReviewAssignment } from './docs';
import { requireEligibleReviewer, requireUnderReview } from './eligibility';
import { readAll } from './pages';
import { inTransaction, projectOfBatch, titleOf } from './release';
import { tellReviewers } from './tell-reviewers';
import { People, toAssignmentView } from './views';

/**
 * 手动分配: the application's reviewers become exactly `reviewerIds`. A reviewer who has
 * already scored cannot be taken off (their score would silently vanish from the average).
 */
export async function assignReviewers(ctx: Context, input: ParsedInputOf<'review.assign'>): Promise<OutputOf<'review.assign'>> {
  const at = ctx.now.toISOString();
  await inTransaction(ctx, async (tx) => {
    const lookup = new Lookup(tx);
    const people = new People(tx);
    const project = await projectOfBatch(tx, input.projectId, input.batchId);
    requireUnderReview(project);
    for (const id of input.reviewerIds) await requireEligibleReviewer(lookup, await people.get(id), id, project);

    const wanted = new Set(input.reviewerIds);
    const current = await readAll<ReviewAssignment>(tx, 'reviewAssignments', { projectId: project._id });
    const removed: string[] = [];
    for (const a of current) {
      if (wanted.has(a.reviewerId)) continue;
      if (await tx.get<Review>('reviews', a._id)) {
        throw new AppError('VALIDATION', `「${await people.name(a.reviewerId)}」已提交评分，不能取消分配`, { reviewerId: a.reviewerId });
      }
      await tx.remove('reviewAssignments', a._id, a.version);
      removed.push(a.reviewerId);
    }
    const have = new Set(current.map((a) => a.reviewerId));
    const added = input.reviewerIds.filter((id) => !have.has(id));
    for (const reviewerId of added) {
      await tx.insert<ReviewAssignment>('reviewAssignments', newAssignment(project, reviewerId, { assignedBy: ctx.user?._id ?? '', assignedAt: at, how: 'manual' }));
    }
    if (added.length || removed.length) {
      // On the batch, not the project: who reviews an application is not the applicant's to read.
      const auditId = ctx.newId();
      await audit(tx, {
        _id: auditId,
        entityType: 'batch',
        entityId: project.batchId,
        action: 'assignReviewers',
        actorId: ctx.user?._id ?? '',
        at,
        from: null,
        to: null,
        reason: `${project._id}：增加 ${added.join('、') || '无'}；取消 ${removed.join('、') || '无'}`,
        requestId: ctx.requestId,
      });
      const title = titleOf(project);
      await tellReviewers(ctx, tx, project.batchId, auditId, new Map(added.map((id) => [id, [title]])), new Map(removed.map((id) => [id, [title]])), at);
    }
  });
  return assignmentsOf(ctx, input.projectId);
}

export async function assignmentsOf(ctx: Context, projectId: string): Promise<OutputOf<'review.assign'>> {
  const lookup = new Lookup(ctx.store);
  const people = new People(ctx.store);
  const assignments = await readAll<ReviewAssignment>(ctx.store, 'reviewAssignments', { projectId });
  const views = await Promise.all(
    assignments.map(async (a) => toAssignmentView(people, lookup, a, (await ctx.store.get<Review>('reviews', a._id)) ?? undefined)),
  );
  // By the reviewer's name in pinyin order (the People cache has every reviewer by now).
  const sortKeys = new Map(await Promise.all(views.map(async (v) => [v.reviewerId, keysOf((await people.get(v.reviewerId)) ?? { profile: { name: v.reviewerName, staffNo: '' } }).nameSort] as const)));
  return { projectId, assignments: views.sort(byNameSort((v) => sortKeys.get(v.reviewerId) ?? '')) };
}
