import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The university runs on Beijing time; every calendar date in a batch is a date there. */
export const CAMPUS_ZONE = 'Asia/Shanghai';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() && d.format('YYYY-MM-DD') === value;
}

/**
 * The last instant a deadline date still holds: 23:59:59.999 of that day in `zone`,
 * whatever zone the machine running this code is in.
 */
export function deadlineEnd(date: string, zone: string = CAMPUS_ZONE): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return dayjs.tz(`${date} 23:59:59.999`, 'YYYY-MM-DD HH:mm:ss.SSS', zone).toDate();
}

/** True while `now` is on or before the deadline date in `zone`. */
export function isBeforeDeadline(date: string, now: Date, zone: string = CAMPUS_ZONE): boolean {
  return now.getTime() <= deadlineEnd(date, zone).getTime();
}

/** The calendar date of an instant in `zone` (YYYY-MM-DD). */
export function dateIn(now: Date, zone: string = CAMPUS_ZONE): string {
  return dayjs(now).tz(zone).format('YYYY-MM-DD');
}

/** "2022年6月29日 23:59（北京时间）" — how a deadline is named to people. */
export function formatDeadline(date: string, zone: string = CAMPUS_ZONE): string {
  const end = dayjs(deadlineEnd(date, zone)).tz(zone);
  return `${end.format('YYYY年M月D日 HH:mm')}（北京时间）`;
}

/** An instant as people on campus read it: "2026年11月27日 15:23". */
export function formatInstant(at: Date | string, zone: string = CAMPUS_ZONE): string {
  return dayjs(at).tz(zone).format('YYYY年M月D日 HH:mm');
}

/** Whole days left until the deadline date, counted in calendar days in `zone` (0 on the day, negative after). */
export function daysLeft(date: string, now: Date, zone: string = CAMPUS_ZONE): number {
  const today = dayjs.tz(dateIn(now, zone), 'YYYY-MM-DD', zone);
  const target = dayjs.tz(date, 'YYYY-MM-DD', zone);
  return Math.round(target.diff(today, 'day', true));
}

/** The calendar date `days` after `date` (before, when negative); plain dates, no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
