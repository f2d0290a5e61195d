import { addCalendarDays } from '../../time/deadline';

/** Days in the figures' daily series. */
export const SERIES_DAYS = 90;

/** The calendar dates from `days - 1` days before `today` up to `today`, oldest first. */
export function dayRange(today: string, days: number): string[] {
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(addCalendarDays(today, -i));
  return out;
}

/** One value per day of the range, 0 where there was nothing. */
export function fillSeries<T extends { day: string }>(range: string[], rows: T[], value: (row: T) => number): number[] {
  const by = new Map(rows.map((r) => [r.day, value(r)]));
  return range.map((d) => by.get(d) ?? 0);
}
