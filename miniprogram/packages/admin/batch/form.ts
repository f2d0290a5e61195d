import type { BatchView, InputOf } from '@shared/contracts';
import { CALENDAR_FIELDS, calendarProblems, type BatchCalendar, type BatchLevel, type CalendarField } from '@shared/domain/batch';
import { MIN_GRANT_FEN, MIN_GRANT_MESSAGE, type Fen } from '@shared/domain/money';

/** The batch form as typed: text where people type, fen once the money parses. */
export interface BatchForm {
  name: string;
  year: string;
  level: BatchLevel;
  committeeId: string;
  calendar: Record<CalendarField, string>;
  grantFen: Fen | null;
  quota: string;
  noticeTitle: string;
  paperInstructions: string;
  /** 发文机关 of the 立项通知 (red header). */
  issuerName: string;
}

export type BatchFields = Omit<InputOf<'batch.create'>, 'level' | 'committeeId'>;

const emptyCalendar = (): Record<CalendarField, string> =>
  Object.fromEntries(CALENDAR_FIELDS.map(([k]) => [k, ''])) as Record<CalendarField, string>;

export function emptyForm(year: number, level: BatchLevel, committeeId: string): BatchForm {
  return {
    name: '',
    year: String(year),
    level,
    committeeId,
    calendar: emptyCalendar(),
    grantFen: null,
    quota: '',
    noticeTitle: '',
    paperInstructions: '',
    issuerName: '',
  };
}

export function formOf(b: Omit<BatchView, '_id' | 'version' | 'open' | 'deadlineText' | 'daysLeft' | 'grantPerProject'> & { grantPerProject: Fen }): BatchForm {
  const calendar = emptyCalendar();
  for (const [k] of CALENDAR_FIELDS) calendar[k] = b.calendar[k] ?? '';
  return {
    name: b.name,
    year: String(b.year),
    level: b.level,
    committeeId: b.committeeId ?? '',
    calendar,
    grantFen: b.grantPerProject,
    quota: String(b.quota),
    noticeTitle: b.noticeTitle ?? '',
    paperInstructions: b.paperInstructions ?? '',
    issuerName: b.issuerName ?? '',
  };
}

/** The dates set, without the empty ones (the server takes a missing date as "not set"). */
export function calendarOf(form: BatchForm): BatchCalendar {
  const set = CALENDAR_FIELDS.flatMap(([k]) => (form.calendar[k] ? [[k, form.calendar[k]] as const] : []));
  return { submissionDeadline: '', ...Object.fromEntries(set) };
}

/** Problems with each date, keyed by field (the message names the earlier step it clashes with). */
export function dateProblems(form: BatchForm): Partial<Record<CalendarField, string>> {
  const problems = calendarProblems(calendarOf(form));
  const byField: Partial<Record<CalendarField, string>> = {};
  for (const [k, label] of CALENDAR_FIELDS) {
    const p = problems.find((m) => m.startsWith(`「${label}」`));
    if (p) byField[k] = p;
  }
  return byField;
}

const positiveInt = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);

/** What the server needs, or every problem that stops it, in the order of the form. */
export function fieldsOf(form: BatchForm): { fields: BatchFields; problems: [] } | { fields: null; problems: string[] } {
  const problems: string[] = [];
  const name = form.name.trim();
  if (!name) problems.push('请填写批次名称');
  const year = positiveInt(form.year);
  if (year === null || year < 2000 || year > 2100) problems.push('请填写年度（如 2026）');
  if (!form.calendar.submissionDeadline) problems.push('请选择申报截止日期');
  problems.push(...Object.values(dateProblems(form)));
  if (form.grantFen === null) problems.push('请填写每个项目的资助经费（元）');
  else if (form.grantFen < MIN_GRANT_FEN) problems.push(MIN_GRANT_MESSAGE);
  const quota = positiveInt(form.quota);
  if (quota === null || quota < 1) problems.push('请填写立项数量（至少 1 项）');
  if (problems.length || year === null || quota === null || form.grantFen === null) return { fields: null, problems };
  return {
    fields: {
      name,
      year,
      calendar: calendarOf(form),
      grantPerProject: form.grantFen,
      quota,
      noticeTitle: form.noticeTitle.trim(),
      paperInstructions: form.paperInstructions.trim(),
      ...(form.issuerName.trim() ? { issuerName: form.issuerName.trim() } : {}),
    },
    problems: [],
  };
}

/** The day after a calendar date (plain dates, no time zone involved). */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
