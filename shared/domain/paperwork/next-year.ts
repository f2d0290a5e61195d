import { CALENDAR_FIELDS, type Batch, type BatchCalendar } from '../batch';

/** A calendar date one year later; 29 February becomes 28 February. */
export function nextYearDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function nextYearCalendar(calendar: BatchCalendar): BatchCalendar {
  const out: Partial<BatchCalendar> = {};
  for (const [field] of CALENDAR_FIELDS) {
    const date = calendar[field];
    if (date) out[field] = nextYearDate(date);
  }
  return out as BatchCalendar;
}

/** A year in a name moves with the calendar ("2026年度…" → "2027年度…"); other text stays. */
function nextYearText(text: string, year: number): string {
  return text.split(String(year)).join(String(year + 1));
}

export type NextYearFields = Pick<Batch, 'name' | 'year' | 'level' | 'calendar' | 'grantPerProject' | 'quota'> &
  Pick<Partial<Batch>, 'committeeId' | 'noticeTitle' | 'paperInstructions' | 'rubric' | 'issuerName'>;

/**
 * What next year's batch takes from an earlier one: its settings, the calendar a year later.
 * Nothing of the old round (applications, reviews, money, its 立项通知) is part of a batch, so
 * nothing of it can come along.
 */
export function nextYearFields(batch: Batch): NextYearFields {
  return {
    name: nextYearText(batch.name, batch.year),
    year: batch.year + 1,
    level: batch.level,
    ...(batch.committeeId ? { committeeId: batch.committeeId } : {}),
    calendar: nextYearCalendar(batch.calendar),
    grantPerProject: batch.grantPerProject,
    quota: batch.quota,
    ...(batch.noticeTitle ? { noticeTitle: nextYearText(batch.noticeTitle, batch.year) } : {}),
    ...(batch.paperInstructions ? { paperInstructions: nextYearText(batch.paperInstructions, batch.year) } : {}),
    ...(batch.rubric ? { rubric: batch.rubric } : {}),
    ...(batch.issuerName ? { issuerName: batch.issuerName } : {}),
  };
}
