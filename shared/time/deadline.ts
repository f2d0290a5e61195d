import { dayjs, LOCALE } from './dayjs';

/** The university runs on Beijing time; every calendar date in a batch is a date there. */
export const CAMPUS_ZONE = 'Asia/Shanghai';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A plain calendar date (no zone) as a dayjs value, for day arithmetic. */
const plainDate = (date: string) => dayjs.utc(date);

export function isCalendarDate(value: string): boolean {
  // dayjs rolls 2023-02-29 over to March 1st, so a round trip tells a real date.
  return DATE_RE.test(value) && plainDate(value).format('YYYY-MM-DD') === value;
}

/** An instant on the clocks of `zone`. */
const zoned = (at: Date | string, zone: string) => dayjs(at).tz(zone).locale(LOCALE);

/**
 * The last instant a deadline date still holds: 23:59:59.999 of that day in `zone`,
 * whatever zone the machine running this code is in.
 */
export function deadlineEnd(date: string, zone: string = CAMPUS_ZONE): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return dayjs.tz(`${date} 23:59:59.999`, zone).toDate();
}

/** True while `now` is on or before the deadline date in `zone`. */
export function isBeforeDeadline(date: string, now: Date, zone: string = CAMPUS_ZONE): boolean {
  return now.getTime() <= deadlineEnd(date, zone).getTime();
}

/** The hour (0–23) of an instant on the clocks of `zone`. */
export function hourIn(now: Date, zone: string = CAMPUS_ZONE): number {
  return zoned(now, zone).hour();
}

/** The calendar date of an instant in `zone` (YYYY-MM-DD). */
export function dateIn(now: Date, zone: string = CAMPUS_ZONE): string {
  return zoned(now, zone).format('YYYY-MM-DD');
}

/** "2022年6月29日 23:59（北京时间）" — how a deadline is named to people. */
export function formatDeadline(date: string, zone: string = CAMPUS_ZONE): string {
  return `${formatInstant(deadlineEnd(date, zone), zone)}（北京时间）`;
}

/** An instant as people on campus read it: "2026年11月27日 15:23". */
export function formatInstant(at: Date | string, zone: string = CAMPUS_ZONE): string {
  return zoned(at, zone).format('YYYY年M月D日 HH:mm');
}

/** Whole days left until the deadline date, counted in calendar days in `zone` (0 on the day, negative after). */
export function daysLeft(date: string, now: Date, zone: string = CAMPUS_ZONE): number {
  return plainDate(date).diff(plainDate(dateIn(now, zone)), 'day');
}

/** The calendar date `days` after `date` (before, when negative); plain dates, no zone involved. */
export function addCalendarDays(date: string, days: number): string {
  return plainDate(date).add(days, 'day').format('YYYY-MM-DD');
}
