import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { transitionProject } from '../../services/project-transition';
import { calendarView, loadBatch, patchBatch, periodOf, requireOrderedCalendar } from './batch';
import { roleHolders } from './directory';
import { readAll } from './pages';
import { inTransaction, notifyFor, titleOf } from './release';

/**
 * 开始立项评审: every recommended application of the batch goes under review, together, with
 * the review window if one is given. Safe to rerun: applications already under review (or
 * moved on) are skipped, so a rerun picks up only late recommendations.
 */
export async function openRound(ctx: Context, input: ParsedInputOf<'review.open'>): Promise<OutputOf<'review.open'>> {
  const { reviewStart, reviewEnd } = input;
  if (reviewEnd && reviewEnd < dateIn(ctx.now)) {
    throw new AppError('VALIDATION', '评审截止日期不能早于今天，请重新选择评审时间', { field: 'reviewEnd' });
  }
  await loadBatch(ctx.store, input.batchId);
  const [holders, listed, underReview] = await Promise.all([
    roleHolders(ctx.store),
    readAll<Project>(ctx.store, 'projects', { batchId: input.batchId, state: 'recommended' }),
    ctx.store.count('projects', { batchId: input.batchId, state: 'under_review' }),
  ]);
  return inTransaction(ctx, async (tx) => {
    let batch = await loadBatch(tx, input.batchId);
    const cal = batch.calendar;
    if (reviewStart && reviewEnd && (cal.reviewStart !== reviewStart || cal.reviewEnd !== reviewEnd)) {
      const calendar = { ...cal, reviewStart, reviewEnd };
      requireOrderedCalendar(calendar, 'reviewStart');
      batch = await patchBatch(ctx, tx, batch, { calendar }, {
        action: 'setReviewWindow',
        from: periodOf(cal.reviewStart, cal.reviewEnd),
        to: periodOf(reviewStart, reviewEnd),
      });
    }
    const opened: OutputOf<'review.open'>['opened'] = [];
    for (const p of listed) {
      const fresh = await tx.get<Project>('projects', p._id);
      if (!fresh || fresh.batchId !== batch._id || fresh.state !== 'recommended') continue;
      await transitionProject(ctx, tx, fresh, 'openReview', { known: notifyFor(holders, fresh) });
      opened.push({ projectId: fresh._id, title: titleOf(fresh) });
    }
    return { opened, underReview: underReview + opened.length, calendar: calendarView(batch.calendar) };
  });
}
