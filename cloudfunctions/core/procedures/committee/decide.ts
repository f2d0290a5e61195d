import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf, ProjectView } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { checkDecisionInput } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { StoreError, type StoredDoc } from '../../ports/store';
import { moveProject } from '../project/transition';

/** Holds one rank of one committee in one batch, so two recommendations cannot share it. */
export interface RankSlot extends StoredDoc {
  projectId: string;
}

export const rankSlotId = (p: Pick<Project, 'batchId' | 'committeeId'>, rank: number) => `rank:${p.batchId}:${p.committeeId}:${rank}`;

/**
 * The committee's decision on a submitted application, after its 研究讨论: return it for
 * revision with comments, recommend it with an opinion and a rank among its recommendations,
 * or not recommend it with a reason. The host is told through the outbox.
 */
export async function decide(ctx: Context, input: ParsedInputOf<'committee.decide'>): Promise<ProjectView> {
  const comment = input.comment.trim();
  const check = checkDecisionInput(input.decision, { comment, rank: input.rank });
  if (!check.ok) throw new AppError('VALIDATION', check.message);
  try {
    return await moveProject(ctx, input, input.decision, async (project, tx) => {
      if (input.decision === 'recommend' && input.rank !== undefined) {
        try {
          await tx.insert<RankSlot>('rankSlots', { _id: rankSlotId(project, input.rank), projectId: project._id });
        } catch (err) {
          if (err instanceof StoreError && err.kind === 'DUPLICATE') {
            throw new AppError('VALIDATION', `排序第 ${input.rank} 位已有推荐项目，请换一个排序`, { field: 'rank' });
          }
          throw err;
        }
      }
      const patch: Partial<Project> =
        input.decision === 'return'
          ? { returnComment: comment }
          : input.decision === 'recommend'
            ? { committeeOpinion: comment, committeeRank: input.rank ?? null, returnComment: null }
            : { committeeOpinion: comment, committeeRank: null };
      return { reason: comment || null, patch };
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') throw new AppError('CONFLICT', '项目刚刚被处理，请刷新后查看');
    throw err;
  }
}
