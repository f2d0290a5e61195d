import { CAMPUS_ZONE, daysLeft, hourIn } from '../../time/deadline';
import type { Duty, DutyKind } from './duty';

export interface DueReminder {
  /** Unique per person, duty, deadline and offset: the outbox holds it once, so it is sent at most once. */
  key: string;
  personId: string;
  duty: DutyKind;
  deadline: string;
  offset: number;
  count: number;
  title: string;
  detail: string;
  link: string;
}

export interface PlanOptions {
  /** Days before the deadline (0 = on the day). */
  offsets: readonly number[];
  /** Reminders of a day go out from this hour on (campus time). */
  sendHour: number;
  zone?: string;
}

export const DEFAULT_OFFSETS = [7, 3, 1, 0] as const;
export const DEFAULT_SEND_HOUR = 9;

export const reminderKey = (personId: string, duty: DutyKind, deadline: string, offset: number) => `${personId}:${duty}:${deadline}:${offset}`;

/**
 * The reminders due today (campus date of `now`): a duty whose deadline is exactly one of the
 * offsets away, from `sendHour` on. A day missed is not caught up later — tomorrow has its own
 * offset, and 我的待办 shows every open duty anyway.
 */
export function planReminders(now: Date, duties: readonly Duty[], options: PlanOptions): DueReminder[] {
  const zone = options.zone ?? CAMPUS_ZONE;
  if (hourIn(now, zone) < options.sendHour) return [];
  const offsets = new Set(options.offsets);
  const due = new Map<string, DueReminder>();
  for (const d of duties) {
    const offset = daysLeft(d.deadline, now, zone);
    if (!offsets.has(offset)) continue;
    const key = reminderKey(d.personId, d.kind, d.deadline, offset);
    const seen = due.get(key);
    if (seen) seen.count += d.count;
    else due.set(key, { key, personId: d.personId, duty: d.kind, deadline: d.deadline, offset, count: d.count, title: d.title, detail: d.detail, link: d.link });
  }
  return [...due.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
