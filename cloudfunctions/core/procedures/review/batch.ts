import { AppError } from '@shared/contracts/errors';
import type { ReviewCalendarView } from '@shared/contracts/review';
import { calendarProblems, type Batch, type BatchCalendar } from '@shared/domain/batch';
import { SUGGESTED_RUBRIC, type Rubric } from '@shared/domain/project/review';
import type { ProjectState } from '@shared/domain/project/state';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { Patch, StoreOps, StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';

export type StoredBatch = Batch & StoredDoc;

export async function loadBatch(store: StoreOps, id: string): Promise<StoredBatch> {
  const batch = await store.get<StoredBatch>('batches', id);
  if (!batch) throw new AppError('NOT_FOUND', '该批次不存在，请返回批次列表重新选择');
  return batch;
}

export function rubricOf(batch: Pick<Batch, 'rubric'>): Rubric {
  return batch.rubric && batch.rubric.length > 0 ? batch.rubric : SUGGESTED_RUBRIC;
}

export function calendarView(c: BatchCalendar): ReviewCalendarView {
  return {
    reviewStart: c.reviewStart ?? null,
    reviewEnd: c.reviewEnd ?? null,
    publicityStart: c.publicityStart ?? null,
    publicityEnd: c.publicityEnd ?? null,
  };
}

/** "2026年12月1日" from "2026-12-01". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function reviewWindowText(c: BatchCalendar): string {
  if (c.reviewStart && c.reviewEnd) return `评审时间：${formatDate(c.reviewStart)} 至 ${formatDeadline(c.reviewEnd)}`;
  if (c.reviewEnd) return `评审截止：${formatDeadline(c.reviewEnd)}`;
  if (c.reviewStart) return `评审自 ${formatDate(c.reviewStart)} 开始`;
  return '本批次未设评审期限，评审中的项目均可评分';
}

export function publicityText(c: BatchCalendar): string | null {
  if (!c.publicityStart || !c.publicityEnd) return null;
  return `公示期：${formatDate(c.publicityStart)} 至 ${formatDeadline(c.publicityEnd)}`;
}

/** States in which a project holds one of the batch's places: publicised, approved, or beyond. */
export const PLACED_STATES: readonly ProjectState[] = ['in_publicity', 'approved', 'cultivating', 'midterm_review', 'terminated', 'final_review', 'concluded', 'failed'];

/** Approved or beyond: places that no later decision gives back. */
export const APPROVED_STATES: readonly ProjectState[] = PLACED_STATES.filter((s) => s !== 'in_publicity');

export async function countInStates(store: StoreOps, batchId: string, states: readonly ProjectState[]): Promise<number> {
  return store.count('projects', { batchId, state: { $in: [...states] } });
}

/** A versioned change to the batch with its audit line, inside the caller's transaction. */
export async function patchBatch(
  ctx: Context,
  tx: StoreOps,
  batch: StoredBatch,
  patch: Patch<StoredBatch>,
  line: { action: string; from: string | null; to: string | null; reason?: string | null },
): Promise<StoredBatch> {
  const next = await tx.update<StoredBatch>('batches', batch._id, batch.version, patch);
  await audit(tx, {
    _id: ctx.newId(),
    entityType: 'batch',
    entityId: batch._id,
    action: line.action,
    actorId: ctx.user?._id ?? '',
    at: ctx.now.toISOString(),
    from: line.from,
    to: line.to,
    reason: line.reason ?? null,
    requestId: ctx.requestId,
  });
  return next;
}

/** "2026-12-01~2026-12-10", or null when the period is not set: how a period reads in the audit log. */
export function periodOf(start: string | undefined, end: string | undefined): string | null {
  return start || end ? `${start ?? ''}~${end ?? ''}` : null;
}

/** The batch calendar stays in the notice's order (申报 → 推荐 → 评审 → 公示 → 中期 → 结项). */
export function requireOrderedCalendar(calendar: BatchCalendar, field: string): void {
  const [first] = calendarProblems(calendar);
  if (first) throw new AppError('VALIDATION', `${first}。请重新选择日期，或先在批次设置中调整相关日期`, { field });
}
