import { formatDeadline, isBeforeDeadline } from '../time/deadline';
import type { Fen } from './money';
import type { Rubric } from './rubric';

/**
 * A batch (批次) of flagship projects: one call for applications with its calendar.
 * Every date is a calendar date in Asia/Shanghai that holds until 23:59:59 there.
 */
export const BATCH_LEVELS = ['school', 'committee'] as const;
export type BatchLevel = (typeof BATCH_LEVELS)[number];

export interface BatchCalendar {
  /** 申报截止: hosts submit to their committee, committees send paper and electronic copies. */
  submissionDeadline: string;
  /** 推荐截止: committees recommend to the Organization Department. */
  recommendationDeadline?: string;
  /** 立项评审: reviewers score from this date … */
  reviewStart?: string;
  /** … until the end of this one. */
  reviewEnd?: string;
  /** 公示: publicised from this date … */
  publicityStart?: string;
  /** … until the end of this one; 立项 only afterwards. */
  publicityEnd?: string;
  /** 中期验收 (year end). */
  midtermDate?: string;
  /** 结项验收. */
  finalDate?: string;
}

export interface Batch {
  _id: string;
  name: string;
  year: number;
  level: BatchLevel;
  /** Set for a committee-level batch (自行培育立项). */
  committeeId?: string;
  calendar: BatchCalendar;
  /** Grant per project in fen. */
  grantPerProject: Fen;
  quota: number;
  /** The notice the batch comes from, shown to applicants. */
  noticeTitle?: string;
  /** The published 立项评审 rubric; SUGGESTED_RUBRIC when the 组织部 has not set one. */
  rubric?: Rubric;
  /** Where and how paper copies are handed in (e.g. 纸质版报送汇元楼511室，电子版发送至…). */
  paperInstructions?: string;
  /** 发文机关 of its 立项通知 (the unit's name in the red header); DEFAULT_ISSUER_NAME until set. */
  issuerName?: string;
}

/** The calendar's dates in the order the notice's steps happen; labels for messages. */
export const CALENDAR_FIELDS = [
  ['submissionDeadline', '申报截止'],
  ['recommendationDeadline', '推荐截止'],
  ['reviewStart', '评审开始'],
  ['reviewEnd', '评审结束'],
  ['publicityStart', '公示开始'],
  ['publicityEnd', '公示结束'],
  ['midtermDate', '中期验收'],
  ['finalDate', '结项验收'],
] as const satisfies ReadonlyArray<readonly [keyof BatchCalendar, string]>;

export type CalendarField = (typeof CALENDAR_FIELDS)[number][0];

/** Dates that come before an earlier step's date: each problem names both, in Chinese. */
export function calendarProblems(calendar: BatchCalendar): string[] {
  const problems: string[] = [];
  let previous: { label: string; date: string } | null = null;
  for (const [field, label] of CALENDAR_FIELDS) {
    const date = calendar[field];
    if (!date) continue;
    if (previous && date < previous.date) problems.push(`「${label}」（${date}）不能早于「${previous.label}」（${previous.date}）`);
    previous = { label, date };
  }
  return problems;
}

export type BatchPhase = 'open' | 'closed';

export function batchPhase(batch: Pick<Batch, 'calendar'>, now: Date): BatchPhase {
  return isBeforeDeadline(batch.calendar.submissionDeadline, now) ? 'open' : 'closed';
}

export function canSubmitTo(batch: Pick<Batch, 'calendar'>, now: Date): boolean {
  return batchPhase(batch, now) === 'open';
}

export function submissionClosedMessage(batch: Pick<Batch, 'calendar' | 'name'>): string {
  return `「${batch.name}」的申报已于 ${formatDeadline(batch.calendar.submissionDeadline)} 截止，无法再提交。如有特殊情况请联系党委组织部。`;
}
