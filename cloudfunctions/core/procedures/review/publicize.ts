import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { releaseIdOf } from '../../jobs/release';
import { transitionProject } from '../../services/project-transition';
import { countInStates, loadBatch, patchBatch, periodOf, PLACED_STATES, requireOrderedCalendar } from './batch';
import { roleHolders } from './directory';
import { readAll } from './pages';
import { inTransaction, notifyFor, titleOf } from './release';

export const NOT_SELECTED = '未入选立项';

/**
 * 公示: the review's outcome is released at once — the publicity period set on the batch, the
 * chosen applications publicised, every other one under review not approved — in one
 * transaction, so nobody ever sees half a result. 优中选优、宁缺毋滥: at most the places left,
 * fewer (even none) allowed.
 */
export async function publicize(ctx: Context, input: ParsedInputOf<'review.publicize'>): Promise<OutputOf<'review.publicize'>> {
  const { publicityStart, publicityEnd } = input;
  if (publicityEnd < dateIn(ctx.now)) {
    throw new AppError('VALIDATION', '公示截止日期不能早于今天，请重新选择公示期', { field: 'publicityEnd' });
  }
  const batch = await loadBatch(ctx.store, input.batchId);
  const batchId = batch._id;
  const [holders, listed, taken] = await Promise.all([
    roleHolders(ctx.store),
    readAll<Project>(ctx.store, 'projects', { batchId, state: 'under_review' }),
    countInStates(ctx.store, batchId, PLACED_STATES),
  ]);
  if (listed.length === 0) throw new AppError('INVALID_TRANSITION', '本批次没有立项评审中的项目，没有可以公示的评审结果');
  const chosen = new Set(input.projectIds);
  for (const id of input.projectIds) {
    if (listed.some((p) => p._id === id)) continue;
    const p = await ctx.store.get<Project>('projects', id);
    if (!p || p.batchId !== batchId) throw new AppError('VALIDATION', `编号为 ${id} 的项目不属于本批次，请刷新后重新选择`, { projectId: id });
    throw new AppError(
      'INVALID_TRANSITION',
      `「${titleOf(p)}」当前为「${PROJECT_STATE_LABELS[p.state]}」，不是立项评审中的项目，不能公示。本次公示未生效，请刷新后重新选择`,
      { projectId: id },
    );
  }

  if (taken + chosen.size > batch.quota) {
    const already = taken ? `（已有 ${taken} 个项目公示或立项）` : '';
    throw new AppError(
      'VALIDATION',
      `本批次立项名额为 ${batch.quota} 个${already}，本次选择了 ${chosen.size} 个，超出名额。宁缺毋滥：可以少于名额，但不能超过，请减少公示项目`,
      { quota: batch.quota, taken, chosen: chosen.size },
    );
  }
  const reason = input.rejectReason?.trim() || NOT_SELECTED;
  // Staged: nobody is told until the 组织部 previews and releases the round's messages.
  const releaseId = releaseIdOf(batchId, 'publicity');

  return inTransaction(ctx, async (tx) => {
    const current = await loadBatch(tx, batchId);
    const cal = current.calendar;
    if (cal.publicityStart !== publicityStart || cal.publicityEnd !== publicityEnd) {
      const calendar = { ...cal, publicityStart, publicityEnd };
      requireOrderedCalendar(calendar, 'publicityStart');
      await patchBatch(ctx, tx, current, { calendar }, {
        action: 'setPublicity',
        from: periodOf(cal.publicityStart, cal.publicityEnd),
        to: periodOf(publicityStart, publicityEnd),
      });
    }
    const publicized: OutputOf<'review.publicize'>['publicized'] = [];
    const rejected: OutputOf<'review.publicize'>['rejected'] = [];
    for (const p of listed) {
      const fresh = await tx.get<Project>('projects', p._id);
      if (!fresh) throw new AppError('CONFLICT', `「${titleOf(p)}」刚刚被删除，本次公示未生效，请刷新后重试`);
      const known = notifyFor(holders, fresh);
      if (chosen.has(fresh._id)) {
        await transitionProject(ctx, tx, fresh, 'publicize', { known, releaseId });
        publicized.push({ projectId: fresh._id, title: titleOf(fresh) });
      } else if (fresh.state === 'under_review') {
        await transitionProject(ctx, tx, fresh, 'reject', { reason, known, releaseId });
        rejected.push({ projectId: fresh._id, title: titleOf(fresh) });
      }
    }
    return { publicized, rejected, publicityStart, publicityEnd };
  });
}
