import type { TodoItem } from '@shared/contracts/reminders';

/** The countdown of a deadline in Beijing time calendar days, as 我的待办 shows it. */
export function countdownText(daysLeft: number): string {
  if (daysLeft < 0) return '已逾期';
  if (daysLeft === 0) return '今天截止';
  return `还剩 ${daysLeft} 天`;
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'later' | 'waiting';

export const URGENCY_LABELS: Record<Urgency, string> = {
  overdue: '已逾期',
  today: '今天截止',
  soon: '3 天内截止',
  later: '稍后截止',
  waiting: '等待处理（无截止日期）',
};

export const urgencyOf = (daysLeft: number | null): Urgency =>
  daysLeft === null ? 'waiting' : daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : daysLeft <= 3 ? 'soon' : 'later';

/**
 * Items grouped most urgent first, each group in deadline order; the work without a deadline
 * last, what waited longest first; empty groups left out.
 */
export function groupByUrgency(items: TodoItem[]): Array<{ urgency: Urgency; items: TodoItem[] }> {
  const order: Urgency[] = ['overdue', 'today', 'soon', 'later', 'waiting'];
  const sorted = [...items].sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0) || (a.since ?? '').localeCompare(b.since ?? '') || a.title.localeCompare(b.title));
  return order.map((urgency) => ({ urgency, items: sorted.filter((i) => urgencyOf(i.daysLeft) === urgency) })).filter((g) => g.items.length > 0);
}
