import { instantOfWall, wallTime } from './zone';

/** The university runs on Beijing time; every calendar date in a batch is a date there. */
export const CAMPUS_ZONE = 'Asia/Shanghai';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return m >= 1 && new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/**
 * The last instant a deadline date still holds: 23:59:59.999 of that day in `zone`,
 * whatever zone the machine running this code is in.
 */
export function deadlineEnd(date: string, zone: string = CAMPUS_ZONE): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return instantOfWall(Date.UTC(y, m - 1, d, 23, 59, 59, 999), zone);
}

/** True while `now` is on or before the deadline date in `zone`. */
export function isBeforeDeadline(date: string, now: Date, zone: string = CAMPUS_ZONE): boolean {
  return now.getTime() <= deadlineEnd(date, zone).getTime();
}

/** The hour (0–23) of an instant on the clocks of `zone`. */
export function hourIn(now: Date, zone: string = CAMPUS_ZONE): number {
  return wallTime(now, zone).hour;
}

/** The calendar date of an instant in `zone` (YYYY-MM-DD). */
export function dateIn(now: Date, zone: string = CAMPUS_ZONE): string {
  const w = wallTime(now, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** "2022年6月29日 23:59（北京时间）" — how a deadline is named to people. */
export function formatDeadline(date: string, zone: string = CAMPUS_ZONE): string {
  return `${formatInstant(deadlineEnd(date, zone), zone)}（北京时间）`;
}

/** An instant as people on campus read it: "2026年11月27日 15:23". */
export function formatInstant(at: Date | string, zone: string = CAMPUS_ZONE): string {
  const w = wallTime(typeof at === 'string' ? new Date(at) : at, zone);
  return `${w.year}年${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Whole days left until the deadline date, counted in calendar days in `zone` (0 on the day, negative after). */
export function daysLeft(date: string, now: Date, zone: string = CAMPUS_ZONE): number {
  return dayNumber(date) - dayNumber(dateIn(now, zone));
}

/** The calendar date `days` after `date` (before, when negative); plain dates, no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
