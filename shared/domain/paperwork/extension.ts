import { addCalendarDays, formatDeadline, isBeforeDeadline } from '../../time/deadline';
import type { BatchCalendar } from '../batch';

/**
 * 个别延期: one host (ill, away) or one committee gets a later submission deadline of its own.
 * The batch's deadline does not move for anyone else. Used once a submission relies on it;
 * until then the 组织部 may withdraw it.
 */
export const EXTENSION_TARGETS = ['host', 'committee'] as const;
export type ExtensionTarget = (typeof EXTENSION_TARGETS)[number];

export interface Extension {
  _id: string;
  batchId: string;
  target: ExtensionTarget;
  /** The host's user id (target host) or the committee id (target committee). */
  targetId: string;
  /** Shown to people: the host's or the committee's name. */
  targetName: string;
  /** The new submission deadline (a date in Beijing time, holding until 23:59:59 there). */
  date: string;
  /**
   * A committee's extension only: the committee's own 推荐截止, as the 组织部 set it. When absent,
   * the batch's 推荐截止 moves by as many days as the submission deadline did.
   */
  recommendationDate?: string | null;
  reason: string;
  grantedBy: string;
  grantedAt: string;
  /** Set when a submission after the batch's own deadline relied on it: it can no longer be withdrawn. */
  usedAt?: string | null;
  withdrawnAt?: string | null;
}

export interface ExtensionSubject {
  hostId: string;
  committeeId: string;
}

export const isActive = (e: Pick<Extension, 'withdrawnAt'>) => !e.withdrawnAt;

/** Whether an extension concerns this host (their own, or their committee's). */
export function concerns(e: Pick<Extension, 'target' | 'targetId'>, who: ExtensionSubject): boolean {
  return e.target === 'host' ? e.targetId === who.hostId : e.targetId === who.committeeId;
}

/** The latest active extension that concerns `who`, if any. */
export function extensionFor<E extends Extension>(extensions: readonly E[], who: ExtensionSubject): E | null {
  let best: E | null = null;
  for (const e of extensions) {
    if (isActive(e) && concerns(e, who) && (!best || e.date > best.date)) best = e;
  }
  return best;
}

/** The submission deadline that holds for `who`: the batch's, or their extension's when later. */
export function submissionDeadlineFor(batchDeadline: string, extensions: readonly Extension[], who: ExtensionSubject): string {
  const e = extensionFor(extensions, who);
  return e && e.date > batchDeadline ? e.date : batchDeadline;
}

/** Whole days from one calendar date to a later one. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The batch's calendar as it holds for `who`. A host's own extension moves only their submission
 * deadline. A committee's extension moves the committee's whole calendar for the batch: its
 * submission deadline, and its 推荐截止 to the date the 组织部 set or by the same number of days —
 * so the committee has time to act on what its hosts submit late. The reminders, the 待办 and the
 * inbox read their dates from this calendar.
 */
export function calendarWithExtensions(calendar: BatchCalendar, extensions: readonly Extension[], who: ExtensionSubject): BatchCalendar {
  const e = extensionFor(extensions, who);
  if (!e || e.date <= calendar.submissionDeadline) return calendar;
  const moved: BatchCalendar = { ...calendar, submissionDeadline: e.date };
  if (e.target === 'committee' && calendar.recommendationDeadline) {
    const shifted = e.recommendationDate ?? addCalendarDays(calendar.recommendationDeadline, daysBetween(calendar.submissionDeadline, e.date));
    if (shifted > calendar.recommendationDeadline) moved.recommendationDeadline = shifted;
  }
  return moved;
}

/** A committee's calendar for the batch: moved by that committee's extension, if any (for its secretaries). */
export function committeeCalendar(calendar: BatchCalendar, extensions: readonly Extension[], committeeId: string): BatchCalendar {
  const own = extensions.filter((e) => e.target === 'committee' && e.targetId === committeeId);
  return calendarWithExtensions(calendar, own, { hostId: '', committeeId });
}

/** Why a committee's own 推荐截止 cannot be set as given, or null. */
export function recommendationDateProblem(extensionDate: string, recommendationDate: string): string | null {
  return recommendationDate < extensionDate ? `推荐截止（${recommendationDate}）不能早于延期后的申报截止（${extensionDate}）` : null;
}

/** Why an extension cannot be granted (Chinese, naming the field), or null. */
export function extensionProblem(batchDeadline: string, date: string, now: Date): string | null {
  if (date <= batchDeadline) return `延期后的截止日期须晚于批次的申报截止日期（${batchDeadline}）`;
  if (!isBeforeDeadline(date, now)) return `延期后的截止日期（${date}）已经过去，请选择今天或以后的日期`;
  return null;
}

/** "张晓明的申报截止延至 2027年7月6日 23:59（北京时间）" — how it is shown to those it concerns. */
export function extensionText(e: Pick<Extension, 'date' | 'reason'>): string {
  return `您的申报截止时间已个别延至 ${formatDeadline(e.date)}：${e.reason}`;
}
