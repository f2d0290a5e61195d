import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { approvalPagePath } from '@shared/domain/paperwork/notice';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { releaseIdOf } from '../../jobs/release';
import { transitionProject } from '../../services/project-transition';
import { APPROVED_STATES, countInStates, loadBatch } from './batch';
import { roleHolders } from './directory';
import { waitingObjections } from './objections';
import { pendingObjectionsText } from '@shared/domain/review/objection';
import { inTransaction, notifyFor, projectOfBatch, titleOf } from './release';

function requireInPublicity(project: Project): void {
  if (project.state === 'in_publicity') return;
  throw new AppError(
    'INVALID_TRANSITION',
    `「${titleOf(project)}」当前为「${PROJECT_STATE_LABELS[project.state]}」，不在公示中；立项决定只针对公示中的项目。本次决定未生效，请刷新后重新选择`,
    { projectId: project._id },
  );
}

/**
 * 立项: after the 公示, the 组织部 approves (the grant fixed from the batch) and refuses, with
 * reasons, in one release. The shared rule refuses approval before the period ends; a
 * refusal (an objection upheld) may come at any time. Tranche 1 is recorded by the funding area.
 */
export async function finalize(ctx: Context, input: ParsedInputOf<'review.finalize'>): Promise<OutputOf<'review.finalize'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const [holders, approvedAlready] = await Promise.all([roleHolders(ctx.store), countInStates(ctx.store, batch._id, APPROVED_STATES)]);
  if (approvedAlready + input.approve.length > batch.quota) {
    throw new AppError(
      'VALIDATION',
      `本批次立项名额为 ${batch.quota} 个${approvedAlready ? `，已立项 ${approvedAlready} 个` : ''}，本次立项 ${input.approve.length} 个，超出名额，请减少立项项目`,
      { quota: batch.quota, approved: approvedAlready },
    );
  }
  // Staged: nobody is told until the 组织部 previews and releases the round's messages.
  const releaseId = releaseIdOf(batch._id, 'approval');
  return inTransaction(ctx, async (tx) => {
    const current = await loadBatch(tx, batch._id);
    const grantFen = current.grantPerProject;
    // 立项 waits while an objection on the project has no finding (异议处理).
    const waiting = await waitingObjections(tx, current._id, input.approve);
    const approved: OutputOf<'review.finalize'>['approved'] = [];
    const rejected: OutputOf<'review.finalize'>['rejected'] = [];
    for (const id of input.approve) {
      const project = await projectOfBatch(tx, id, current._id);
      requireInPublicity(project);
      const unanswered = waiting.get(project._id) ?? 0;
      if (unanswered > 0) throw new AppError('INVALID_TRANSITION', pendingObjectionsText(titleOf(project), unanswered), { projectId: project._id, waiting: unanswered });
      await transitionProject(ctx, tx, project, 'approve', {
        patch: { grantFen },
        reason: `经评审和公示，予以立项，培育经费 ${formatYuan(grantFen)} 元`,
        known: notifyFor(holders, project),
        releaseId,
        // The 立项 message opens the public 立项 page (its 立项通知 once the 组织部 issues it).
        link: approvalPagePath(current._id),
      });
      approved.push({ projectId: project._id, title: titleOf(project), grantFen });
    }
    for (const r of input.reject) {
      const project = await projectOfBatch(tx, r.projectId, current._id);
      requireInPublicity(project);
      await transitionProject(ctx, tx, project, 'reject', { reason: r.reason.trim(), known: notifyFor(holders, project), releaseId });
      rejected.push({ projectId: project._id, title: titleOf(project) });
    }
    return { approved, rejected };
  });
}
