import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { ReviewView } from '@shared/contracts/review';
import { scoreOf } from '@shared/domain/project/review';
import type { Context } from '../../context';
import { loadProject } from '../project/access';
import { loadBatch, rubricOf } from './batch';
import { pairId, type Review, type ReviewAssignment } from './docs';
import { scoringBlocked } from './my-assignments';
import { inTransaction } from './release';
import { toReviewView } from './views';

/**
 * A reviewer scores an application assigned to them, on the batch's rubric, while it is under
 * review and within the review window; a later call replaces the score (versioned).
 */
export async function scoreApplication(ctx: Context, input: ParsedInputOf<'review.score'>): Promise<ReviewView> {
  const reviewerId = ctx.user?._id ?? '';
  const id = pairId(input.projectId, reviewerId);
  const at = ctx.now.toISOString();
  const saved = await inTransaction(ctx, async (tx) => {
    const project = await loadProject(tx, input.projectId);
    const assignment = await tx.get<ReviewAssignment>('reviewAssignments', id);
    if (!assignment) {
      throw new AppError('FORBIDDEN', '这个项目没有分配给您评审，只能为分配给您的项目评分');
    }
    const batch = await loadBatch(tx, project.batchId);
    const blocked = scoringBlocked(project, batch, ctx.now);
    if (blocked) throw new AppError(blocked.code, blocked.message);
    const scored = scoreOf(rubricOf(batch), input.scores);
    if (!scored.ok) throw new AppError('VALIDATION', scored.message);

    const sheet = { scores: input.scores, comment: input.comment.trim(), total: scored.total, updatedAt: at };
    const existing = await tx.get<Review>('reviews', id);
    if (existing) {
      if (input.version !== undefined && input.version !== existing.version) {
        throw new AppError('CONFLICT', '您的评分已在其他设备上修改，请刷新后再改', { currentVersion: existing.version });
      }
      return tx.update<Review>('reviews', id, existing.version, sheet);
    }
    if (input.version !== undefined) throw new AppError('CONFLICT', '评分记录已不存在，请刷新后重新评分');
    // The assignment marked scored with its first sheet: the dashboards count sheets in by it.
    if (assignment.scored !== 1) await tx.update<ReviewAssignment>('reviewAssignments', id, assignment.version, { scored: 1 });
    return tx.insert<Review>('reviews', { _id: id, batchId: project.batchId, projectId: project._id, reviewerId, createdAt: at, ...sheet });
  });
  return toReviewView(saved);
}
