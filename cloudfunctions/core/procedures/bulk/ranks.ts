import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee } from '@shared/domain/roles';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { rankSlotId, type RankSlot } from '../committee/decide';
import { readAll } from '../review/pages';

/**
 * 推荐排序: the secretary moves rows and saves the committee's whole order at once. The list must
 * be exactly the committee's recommendations in the batch still waiting for the review; every
 * rank slot and rank is rewritten in one transaction, so two projects never share a rank.
 */
export async function reorderRanks(ctx: Context, input: ParsedInputOf<'committee.reorderRanks'>): Promise<OutputOf<'committee.reorderRanks'>> {
  const actor = ctx.user;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canActForCommittee(actor.roles, input.committeeId)) throw new AppError('FORBIDDEN', '只能为本党委的推荐项目排序');
  const at = ctx.now.toISOString();
  try {
    return await ctx.store.transaction(async (tx) => {
      const recommended = (await readAll<Project>(tx, 'projects', { batchId: input.batchId, committeeId: input.committeeId })).filter((p) => p.state === 'recommended');
      const mine = new Map(recommended.map((p) => [p._id, p]));
      if (recommended.length !== input.projectIds.length || !input.projectIds.every((id) => mine.has(id))) {
        throw new AppError('CONFLICT', `本党委本批次有 ${recommended.length} 个待评审的推荐项目，排序须包含且只包含它们。本次未保存，请刷新后重新排序`);
      }
      for (const p of recommended) {
        if (p.committeeRank === null || p.committeeRank === undefined) continue;
        const slot = await tx.get<RankSlot>('rankSlots', rankSlotId(p, p.committeeRank));
        if (slot?.projectId === p._id) await tx.remove('rankSlots', slot._id, slot.version);
      }
      const ranks: Array<{ projectId: string; rank: number }> = [];
      for (const [i, id] of input.projectIds.entries()) {
        const p = mine.get(id);
        if (!p) continue;
        const rank = i + 1;
        await tx.insert<RankSlot>('rankSlots', { _id: rankSlotId(p, rank), projectId: p._id });
        if (p.committeeRank !== rank) {
          await tx.update<Project>('projects', p._id, p.version, { committeeRank: rank, updatedAt: at });
          await audit(tx, { _id: ctx.newId(), entityType: 'project', entityId: p._id, action: 'rank', actorId: actor._id, at, from: p.committeeRank === null || p.committeeRank === undefined ? null : String(p.committeeRank), to: String(rank), requestId: ctx.requestId });
        }
        ranks.push({ projectId: p._id, rank });
      }
      return { ranks };
    });
  } catch (err) {
    if (err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE')) throw new AppError('CONFLICT', '排序刚刚被他人修改，本次未保存，请刷新后重新排序');
    throw err;
  }
}
