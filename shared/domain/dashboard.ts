import { daysLeft, formatDeadline, isBeforeDeadline } from '../time/deadline';
import { CALENDAR_FIELDS, type Batch, type BatchCalendar, type CalendarField } from './batch';
import { BRAND_STATES, type BrandState } from './brand/state';
import type { Fen } from './money';
import { isRecommendedOnward, PROJECT_STATES, type ProjectState } from './project/state';

/**
 * The dashboards (数据看板): given one batch's figures per committee (aggregates of its projects,
 * reviews and money), the numbers the 组织部 and each committee see. Pure: the store is read by the handler, the clock passed in.
 */

/** A committee's brand for the batch's year, or none yet. */
export const BRAND_STATUSES = ['none', ...BRAND_STATES] as const;
export type BrandStatus = (typeof BRAND_STATUSES)[number];

export const BRAND_STATUS_LABELS: Record<BrandStatus, string> = {
  none: '未创建',
  draft: '草稿',
  submitted: '已报送',
  returned: '退回修改',
  accepted: '已认定',
  promoted: '推广中',
};

/** The lifecycle's fifteen states folded into six phases, for stacked bars that stay readable. */
export const PROJECT_PHASES = ['preparing', 'with_committee', 'in_review', 'funded', 'concluded', 'stopped'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  preparing: '未提交',
  with_committee: '待党委推荐',
  in_review: '立项评审',
  funded: '立项培育',
  concluded: '已结项',
  stopped: '未通过/终止',
};

export const PHASE_OF: Record<ProjectState, ProjectPhase> = {
  draft: 'preparing',
  returned: 'preparing',
  submitted: 'with_committee',
  recommended: 'in_review',
  under_review: 'in_review',
  in_publicity: 'in_review',
  approved: 'funded',
  cultivating: 'funded',
  midterm_review: 'funded',
  final_review: 'funded',
  concluded: 'concluded',
  not_recommended: 'stopped',
  rejected: 'stopped',
  terminated: 'stopped',
  failed: 'stopped',
};

/**
 * Whether the dashboards list who has not submitted: only while the batch takes submissions
 * (until 23:59:59 Beijing time on its deadline). The handler asks for the drafts only then.
 */
export const listsNotSubmitted = (batch: Pick<Batch, 'calendar'>, now: Date): boolean => isBeforeDeadline(batch.calendar.submissionDeadline, now);

/** Not (or no longer) with the committee: the host still owes a submission (committee.progress's rule). */
export const NOT_SUBMITTED_STATES: readonly ProjectState[] = ['draft', 'returned'];


export interface CommitteeRef {
  _id: string;
  name: string;
}

/**
 * A committee's projects of the batch in one state: one group of an aggregate (or, counted one
 * by one, a single project with `count` left out).
 */
export interface ProjectGroup {
  committeeId: string;
  state: ProjectState;
  /** That many projects; 1 when absent. */
  count?: number;
  /** Their grants added up. */
  grantFen?: Fen | null;
}

/** A draft or returned application: its host still owes a submission. */
export interface DraftFacts {
  committeeId: string;
  state: ProjectState;
  hostName: string;
  title: string;
  updatedAt: string;
}

export interface BrandFacts {
  committeeId: string;
  state: BrandState;
  name: string;
  updatedAt: string;
}

/**
 * A committee's reviewer assignments in the batch, and how many of them have their score sheet
 * in (a sheet exists only for an assignment, and marks it scored in the same transaction).
 */
export interface ReviewGroup {
  committeeId: string;
  assigned: number;
  done: number;
}

/** The tranches paid, or the expenses recorded, of a committee's projects added up. */
export interface MoneyGroup {
  committeeId: string;
  amountFen: Fen;
}

export interface ApplicationCounts {
  /** Every application created in the batch. */
  created: number;
  /** Draft or returned: the host still has to submit. */
  notSubmitted: number;
  /** With the committee or beyond. */
  submitted: number;
  /** Recommended by the committee, whatever happened afterwards. */
  recommended: number;
}

export interface ReviewCounts {
  assigned: number;
  done: number;
  missing: number;
}

export interface MoneyTotals {
  grantedFen: Fen;
  paidFen: Fen;
  spentFen: Fen;
}

export interface CommitteeStats {
  committeeId: string;
  committeeName: string;
  applications: ApplicationCounts;
  states: Record<ProjectState, number>;
  phases: Record<ProjectPhase, number>;
  reviews: ReviewCounts;
  money: MoneyTotals;
  brand: { status: BrandStatus; name: string | null };
}

export interface DashboardTotals {
  committees: number;
  applications: ApplicationCounts;
  states: Record<ProjectState, number>;
  phases: Record<ProjectPhase, number>;
  reviews: ReviewCounts;
  money: MoneyTotals;
  /** How many committees stand at each brand status. */
  brands: Record<BrandStatus, number>;
}

export interface NotSubmittedEntry {
  hostName: string;
  committeeId: string;
  committeeName: string;
  state: 'draft' | 'returned';
  /** A draft stays its host's until submitted: its title is shown only once the committee has seen it. */
  title: string | null;
  updatedAt: string;
  daysLeft: number;
}

export interface UpcomingDate {
  field: CalendarField;
  label: string;
  date: string;
  /** "2026年12月27日 23:59（北京时间）". */
  text: string;
  daysLeft: number;
}

export interface DashboardNumbers {
  rows: CommitteeStats[];
  totals: DashboardTotals;
  /** Whether the batch still takes submissions: otherwise nobody is listed as not having submitted. */
  submissionOpen: boolean;
  notSubmitted: NotSubmittedEntry[];
  upcoming: UpcomingDate[];
}

export const UNKNOWN_COMMITTEE_NAME = '（已撤销的党组织）';

const countsOf = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyStats(committeeId: string, committeeName: string): CommitteeStats {
  return {
    committeeId,
    committeeName,
    applications: { created: 0, notSubmitted: 0, submitted: 0, recommended: 0 },
    states: countsOf(PROJECT_STATES),
    phases: countsOf(PROJECT_PHASES),
    reviews: { assigned: 0, done: 0, missing: 0 },
    money: { grantedFen: 0, paidFen: 0, spentFen: 0 },
    brand: { status: 'none', name: null },
  };
}

/**
 * Adds up one batch's figures per committee as they are read, in any order: its projects by
 * state, its drafts, its reviews and money. Every committee passed in gets a row, even with
 * nothing yet; figures of a committee not passed in (one since dissolved) get a row of their own
 * so the totals still add up.
 */
export class DashboardTally {
  private readonly rows = new Map<string, CommitteeStats>();
  private readonly brandAt = new Map<string, string>();
  private readonly drafts: Array<Omit<NotSubmittedEntry, 'committeeName' | 'daysLeft'>> = [];

  constructor(committees: readonly CommitteeRef[]) {
    for (const c of committees) this.rows.set(c._id, emptyStats(c._id, c.name));
  }

  private row(committeeId: string): CommitteeStats {
    let row = this.rows.get(committeeId);
    if (!row) {
      row = emptyStats(committeeId, UNKNOWN_COMMITTEE_NAME);
      this.rows.set(committeeId, row);
    }
    return row;
  }

  addProjects(groups: readonly ProjectGroup[]): this {
    for (const g of groups) {
      const n = g.count ?? 1;
      const row = this.row(g.committeeId);
      row.states[g.state] += n;
      row.phases[PHASE_OF[g.state]] += n;
      row.applications.created += n;
      if (NOT_SUBMITTED_STATES.includes(g.state)) row.applications.notSubmitted += n;
      else row.applications.submitted += n;
      if (isRecommendedOnward(g.state)) row.applications.recommended += n;
      row.money.grantedFen += g.grantFen ?? 0;
    }
    return this;
  }

  /** The applications whose hosts still owe a submission (only those of NOT_SUBMITTED_STATES are taken). */
  addDrafts(drafts: readonly DraftFacts[]): this {
    for (const d of drafts) {
      if (!NOT_SUBMITTED_STATES.includes(d.state)) continue;
      this.drafts.push({
        hostName: d.hostName,
        committeeId: d.committeeId,
        state: d.state === 'returned' ? 'returned' : 'draft',
        title: d.state === 'draft' ? null : d.title.trim() || '未命名项目',
        updatedAt: d.updatedAt,
      });
    }
    return this;
  }

  addReviews(groups: readonly ReviewGroup[]): this {
    for (const g of groups) {
      const r = this.row(g.committeeId).reviews;
      r.assigned += g.assigned;
      r.done += Math.min(g.done, g.assigned);
    }
    return this;
  }

  addPaid(groups: readonly MoneyGroup[]): this {
    for (const g of groups) this.row(g.committeeId).money.paidFen += g.amountFen;
    return this;
  }

  addSpent(groups: readonly MoneyGroup[]): this {
    for (const g of groups) this.row(g.committeeId).money.spentFen += g.amountFen;
    return this;
  }

  /** The committees' brands of the batch's year; the latest one counts if a committee has several. */
  addBrands(page: readonly BrandFacts[]): this {
    for (const b of page) {
      const row = this.rows.get(b.committeeId);
      if (!row) continue;
      const seen = this.brandAt.get(b.committeeId);
      if (seen !== undefined && seen >= b.updatedAt) continue;
      this.brandAt.set(b.committeeId, b.updatedAt);
      row.brand = { status: b.state, name: b.name.trim() || null };
    }
    return this;
  }

  /** The numbers as of `now`; `batch` null when there is no batch yet (brands only). */
  result(batch: Pick<Batch, 'calendar'> | null, now: Date): DashboardNumbers {
    const rows = [...this.rows.values()].map((r) => cloneStats(r));
    for (const r of rows) r.reviews.missing = r.reviews.assigned - r.reviews.done;
    const byId = new Map(rows.map((r) => [r.committeeId, r]));

    const submissionOpen = batch !== null && listsNotSubmitted(batch, now);
    const left = batch ? daysLeft(batch.calendar.submissionDeadline, now) : 0;
    const order = new Map(rows.map((r, i) => [r.committeeId, i]));
    const notSubmitted: NotSubmittedEntry[] = submissionOpen
      ? this.drafts
          .map((d) => ({ ...d, committeeName: byId.get(d.committeeId)?.committeeName ?? UNKNOWN_COMMITTEE_NAME, daysLeft: left }))
          .sort((a, b) => (order.get(a.committeeId) ?? rows.length) - (order.get(b.committeeId) ?? rows.length) || a.updatedAt.localeCompare(b.updatedAt))
      : [];

    return { rows, totals: totalsOf(rows), submissionOpen, notSubmitted, upcoming: batch ? upcomingDates(batch.calendar, now) : [] };
  }
}

function cloneStats(r: CommitteeStats): CommitteeStats {
  return {
    ...r,
    applications: { ...r.applications },
    states: { ...r.states },
    phases: { ...r.phases },
    reviews: { ...r.reviews },
    money: { ...r.money },
    brand: { ...r.brand },
  };
}

export function totalsOf(rows: readonly CommitteeStats[]): DashboardTotals {
  const totals: DashboardTotals = {
    committees: rows.length,
    applications: { created: 0, notSubmitted: 0, submitted: 0, recommended: 0 },
    states: countsOf(PROJECT_STATES),
    phases: countsOf(PROJECT_PHASES),
    reviews: { assigned: 0, done: 0, missing: 0 },
    money: { grantedFen: 0, paidFen: 0, spentFen: 0 },
    brands: countsOf(BRAND_STATUSES),
  };
  for (const r of rows) {
    for (const k of Object.keys(totals.applications) as Array<keyof ApplicationCounts>) totals.applications[k] += r.applications[k];
    for (const s of PROJECT_STATES) totals.states[s] += r.states[s];
    for (const p of PROJECT_PHASES) totals.phases[p] += r.phases[p];
    for (const k of Object.keys(totals.reviews) as Array<keyof ReviewCounts>) totals.reviews[k] += r.reviews[k];
    for (const k of Object.keys(totals.money) as Array<keyof MoneyTotals>) totals.money[k] += r.money[k];
    totals.brands[r.brand.status] += 1;
  }
  return totals;
}

/** The batch calendar's dates still ahead (today included, in Beijing time), in the notice's order. */
export function upcomingDates(calendar: BatchCalendar, now: Date): UpcomingDate[] {
  const out: UpcomingDate[] = [];
  for (const [field, label] of CALENDAR_FIELDS) {
    const date = calendar[field];
    if (!date || !isBeforeDeadline(date, now)) continue;
    out.push({ field, label, date, text: formatDeadline(date), daysLeft: daysLeft(date, now) });
  }
  return out;
}

export interface BatchChoice {
  _id: string;
  level: Batch['level'];
  calendar: Pick<BatchCalendar, 'submissionDeadline'>;
}

/**
 * The batch a dashboard opens on: one still taking submissions (school-level before a
 * committee's own, then the latest deadline); with none open, the one with the latest deadline.
 */
export function defaultBatch<B extends BatchChoice>(batches: readonly B[], now: Date): B | null {
  const latest = (a: B, b: B) => b.calendar.submissionDeadline.localeCompare(a.calendar.submissionDeadline);
  const open = batches.filter((b) => isBeforeDeadline(b.calendar.submissionDeadline, now));
  const schoolFirst = (a: B, b: B) => (a.level === b.level ? 0 : a.level === 'school' ? -1 : 1);
  if (open.length > 0) return [...open].sort((a, b) => schoolFirst(a, b) || latest(a, b))[0];
  return [...batches].sort(latest)[0] ?? null;
}

/** A bar's length in percent of the longest, at least a sliver when the value is not zero. */
export function barPercent(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(2, Math.min(100, Math.round((value / max) * 1000) / 10));
}
