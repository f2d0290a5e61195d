import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import type { StoreOps, StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { countInStates, loadBatch, PLACED_STATES } from '../review/batch';
import { newAssignment, type ReviewAssignment } from '../review/docs';
import { requireEligibleReviewer, requireUnderReview } from '../review/eligibility';
import { readAll } from '../review/pages';
import { inTransaction, titleOf } from '../review/release';
import { People } from '../review/views';
import { refusalOf, refuseAll, type Refusal } from './rows';

/** The 公示 list being prepared, before its release (review.publicize) tells anyone. */
export interface PublicityStage extends StoredDoc {
  batchId: string;
  projectIds: string[];
  stagedBy: string;
  stagedAt: string;
}

/** Every chosen application of the batch, under review, or the rows that are not. */
async function underReview(store: StoreOps, batchId: string, projectIds: readonly string[]): Promise<{ projects: Project[]; refused: Refusal[] }> {
  const projects: Project[] = [];
  const refused: Refusal[] = [];
  for (const id of projectIds) {
    const p = await store.get<Project>('projects', id);
    if (!p || p.batchId !== batchId) {
      refused.push({ id, title: '编号未知的项目', code: 'NOT_FOUND', message: '不属于本批次，请刷新后重新选择' });
      continue;
    }
    try {
      requireUnderReview(p);
      projects.push(p);
    } catch (err) {
      refused.push(refusalOf(id, titleOf(p), err));
    }
  }
  return { projects, refused };
}

/** 批量分配: the reviewers join every chosen application (the applicant's committee and host excluded), all or nothing. */
export async function assignMany(ctx: Context, input: ParsedInputOf<'review.assignMany'>): Promise<OutputOf<'review.assignMany'>> {
  await loadBatch(ctx.store, input.batchId);
  const at = ctx.now.toISOString();
  const actorId = ctx.user?._id ?? '';
  return inTransaction(ctx, async (tx) => {
    const lookup = new Lookup(tx);
    const people = new People(tx);
    const { projects, refused } = await underReview(tx, input.batchId, input.projectIds);
    for (const p of projects) {
      for (const id of input.reviewerIds) {
        try {
          await requireEligibleReviewer(lookup, await people.get(id), id, p);
        } catch (err) {
          refused.push(refusalOf(p._id, titleOf(p), err));
          break;
        }
      }
    }
    if (refused.length) throw refuseAll('VALIDATION', '批量分配评审专家', refused);
    let added = 0;
    for (const p of projects) {
      const have = new Set((await readAll<ReviewAssignment>(tx, 'reviewAssignments', { projectId: p._id })).map((a) => a.reviewerId));
      const fresh = input.reviewerIds.filter((id) => !have.has(id));
      if (have.size + fresh.length > 20) throw refuseAll('VALIDATION', '批量分配评审专家', [{ id: p._id, title: titleOf(p), code: 'VALIDATION', message: '分配后将超过每个项目20位评审专家' }]);
      for (const reviewerId of fresh) {
        await tx.insert<ReviewAssignment>('reviewAssignments', newAssignment(p, reviewerId, { assignedBy: actorId, assignedAt: at, how: 'manual' }));
      }
      added += fresh.length;
      if (fresh.length) {
        await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: p.batchId, action: 'assignReviewers', actorId, at, from: null, to: null, reason: `${p._id}：批量增加 ${fresh.join('、')}`, requestId: ctx.requestId });
      }
    }
    return { projects: projects.length, added };
  });
}

/** The staged 公示 list of a batch (empty when nothing is staged). */
export async function stagedFor(store: StoreOps, batchId: string): Promise<string[]> {
  return (await store.get<PublicityStage>('publicityStaging', batchId))?.projectIds ?? [];
}

/**
 * 批量拟公示: the staged list becomes exactly these applications — all under review in this
 * batch and within the places left — or nothing changes. Nobody is told until the release.
 */
export async function stagePublicity(ctx: Context, input: ParsedInputOf<'review.stagePublicity'>): Promise<OutputOf<'review.stagePublicity'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const { refused } = await underReview(ctx.store, batch._id, input.projectIds);
  if (refused.length) throw refuseAll('INVALID_TRANSITION', '拟公示名单', refused);
  const placesLeft = batch.quota - (await countInStates(ctx.store, batch._id, PLACED_STATES));
  if (input.projectIds.length > placesLeft) {
    throw new AppError('VALIDATION', `本批次还剩 ${Math.max(0, placesLeft)} 个立项名额，拟公示选择了 ${input.projectIds.length} 个。宁缺毋滥：请减少拟公示项目`, { placesLeft });
  }
  const at = ctx.now.toISOString();
  const actorId = ctx.user?._id ?? '';
  await inTransaction(ctx, async (tx) => {
    const current = await tx.get<PublicityStage>('publicityStaging', batch._id);
    const fields = { batchId: batch._id, projectIds: [...input.projectIds], stagedBy: actorId, stagedAt: at };
    if (current) await tx.update<PublicityStage>('publicityStaging', current._id, current.version, fields);
    else await tx.insert<PublicityStage>('publicityStaging', { _id: batch._id, ...fields });
    await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: 'stagePublicity', actorId, at, from: current ? String(current.projectIds.length) : '0', to: String(input.projectIds.length), reason: input.projectIds.join('、') || null, requestId: ctx.requestId });
  });
  return { batchId: batch._id, projectIds: [...input.projectIds], placesLeft };
}
