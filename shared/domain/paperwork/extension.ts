import { formatDeadline, isBeforeDeadline } from '../../time/deadline';

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
