import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { spreadAssignments } from '@shared/domain/project/review';
import type { Context } from '../../context';
import { audit } from '../../services/audit';
import { loadBatch } from './batch';
import { roleHolders } from './directory';
import { newAssignment, pairId, type ReviewAssignment } from './docs';
import { requireUnderReview } from './eligibility';
import { readAll } from './pages';
import { inTransaction, titleOf } from './release';
import { addTo, tellReviewers, type ByReviewer } from './tell-reviewers';
import { byText } from './views';

/**
 * 自动分配: every application under review gets `perApplication` reviewers of other
 * committees, the work spread as evenly as the exclusions allow (spreadAssignments). The
 * result depends only on who applies and who reviews, so a rerun changes nothing; it replaces
 * earlier assignments, and so is refused once anyone has scored.
 */
export async function autoAssign(ctx: Context, input: ParsedInputOf<'review.autoAssign'>): Promise<OutputOf<'review.autoAssign'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const [holders, apps] = await Promise.all([
    roleHolders(ctx.store),
    readAll<Project>(ctx.store, 'projects', { batchId: batch._id, state: 'under_review' }),
  ]);
  if (apps.length === 0) throw new AppError('INVALID_TRANSITION', '本批次没有立项评审中的项目，请先开始立项评审');
  if (holders.reviewers.length === 0) {
    throw new AppError('NOT_ENOUGH_REVIEWERS', '还没有评审专家，请先为评审专家授予身份后再分配');
  }
  const spread = spreadAssignments(
    apps.map((p) => ({ id: p._id, committeeId: p.committeeId })),
    holders.reviewers.map((u) => ({ id: u._id, committeeId: u.profile.committeeId || null })),
    input.perApplication,
  );
  if (!spread.ok) {
    const short = apps.filter((p) => spread.applicationIds.includes(p._id)).map((p) => `「${titleOf(p)}」`);
    const which = short.length ? `涉及：${short.slice(0, 5).join('、')}${short.length > 5 ? ` 等 ${short.length} 个` : ''}。` : '';
    throw new AppError(spread.code, `${spread.message}${which}`, { projectIds: spread.applicationIds });
  }

  const at = ctx.now.toISOString();
  const counts = await inTransaction(ctx, async (tx) => {
    if ((await tx.count('reviews', { batchId: batch._id })) > 0) {
      throw new AppError('INVALID_TRANSITION', '已有评审专家提交评分，不能再自动分配；如需调整，请逐个项目手动分配');
    }
    const wanted = new Set(spread.assignments.flatMap((a) => a.reviewerIds.map((r) => pairId(a.applicationId, r))));
    let added = 0;
    let removed = 0;
    const addedTo: ByReviewer = new Map();
    const removedFrom: ByReviewer = new Map();
    for (const app of apps) {
      const fresh = await tx.get<Project>('projects', app._id);
      if (!fresh) throw new AppError('CONFLICT', `「${titleOf(app)}」刚刚被删除，请刷新后重试`);
      requireUnderReview(fresh);
      const current = await readAll<ReviewAssignment>(tx, 'reviewAssignments', { projectId: app._id });
      for (const a of current) {
        if (wanted.has(a._id)) continue;
        await tx.remove('reviewAssignments', a._id, a.version);
        addTo(removedFrom, a.reviewerId, titleOf(fresh));
        removed++;
      }
      const have = new Set(current.map((a) => a._id));
      const mine = spread.assignments.find((a) => a.applicationId === app._id)?.reviewerIds ?? [];
      for (const reviewerId of mine) {
        if (have.has(pairId(app._id, reviewerId))) continue;
        await tx.insert<ReviewAssignment>('reviewAssignments', newAssignment(fresh, reviewerId, { assignedBy: ctx.user?._id ?? '', assignedAt: at, how: 'auto' }));
        addTo(addedTo, reviewerId, titleOf(fresh));
        added++;
      }
    }
    if (added || removed) {
      const auditId = ctx.newId();
      await audit(tx, {
        _id: auditId,
        entityType: 'batch',
        entityId: batch._id,
        action: 'autoAssignReviewers',
        actorId: ctx.user?._id ?? '',
        at,
        from: null,
        to: null,
        reason: `每个项目 ${input.perApplication} 位评审专家：新增 ${added} 项分配，取消 ${removed} 项`,
        requestId: ctx.requestId,
      });
      await tellReviewers(ctx, tx, batch._id, auditId, addedTo, removedFrom, at);
    }
    return { added, removed };
  });

  const names = new Map(holders.reviewers.map((u) => [u._id, u.profile.name]));
  const titles = new Map(apps.map((p) => [p._id, titleOf(p)]));
  return {
    assignments: spread.assignments
      .map((a) => ({ projectId: a.applicationId, title: titles.get(a.applicationId) ?? '', reviewerIds: a.reviewerIds }))
      .sort(byText((a) => a.title)),
    loads: Object.entries(spread.loads)
      .map(([reviewerId, load]) => ({ reviewerId, reviewerName: names.get(reviewerId) ?? reviewerId, load }))
      .sort((a, b) => b.load - a.load || byText<{ reviewerName: string }>((x) => x.reviewerName)(a, b)),
    ...counts,
  };
}
