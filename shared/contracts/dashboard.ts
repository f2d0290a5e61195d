import { z } from 'zod';
import { BATCH_LEVELS, CALENDAR_FIELDS } from '../domain/batch';
import { BRAND_STATUSES, PROJECT_PHASES } from '../domain/dashboard';
import { PROJECT_STATES } from '../domain/project/state';
import { idSchema } from './common';

const count = z.number().int().min(0);
const fen = z.number().int();
const CALENDAR_KEYS = CALENDAR_FIELDS.map(([k]) => k) as [string, ...string[]];

const applicationCounts = z.object({ created: count, notSubmitted: count, submitted: count, recommended: count });
const reviewCounts = z.object({ assigned: count, done: count, missing: count });
const moneyTotals = z.object({ grantedFen: fen, paidFen: fen, spentFen: fen });
const stateCounts = z.record(z.enum(PROJECT_STATES), count);
const phaseCounts = z.record(z.enum(PROJECT_PHASES), count);

export const committeeStats = z.object({
  committeeId: z.string(),
  committeeName: z.string(),
  applications: applicationCounts,
  states: stateCounts,
  phases: phaseCounts,
  reviews: reviewCounts,
  money: moneyTotals,
  brand: z.object({ status: z.enum(BRAND_STATUSES), name: z.string().nullable() }),
});
export type CommitteeStatsView = z.output<typeof committeeStats>;

export const dashboardTotals = z.object({
  committees: count,
  applications: applicationCounts,
  states: stateCounts,
  phases: phaseCounts,
  reviews: reviewCounts,
  money: moneyTotals,
  brands: z.record(z.enum(BRAND_STATUSES), count),
});

/** A batch the dashboard can show, for the picker. */
const batchChoice = z.object({
  _id: z.string(),
  name: z.string(),
  year: z.number(),
  level: z.enum(BATCH_LEVELS),
  open: z.boolean(),
  /** 申报截止, as people read it. */
  deadlineText: z.string(),
});
export type DashboardBatch = z.output<typeof batchChoice>;

const notSubmitted = z.object({
  hostName: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  state: z.enum(['draft', 'returned']),
  /** Null for a draft: its content stays the host's until submitted. */
  title: z.string().nullable(),
  updatedAt: z.string(),
  daysLeft: z.number(),
});
export type NotSubmittedView = z.output<typeof notSubmitted>;

const upcoming = z.object({ field: z.enum(CALENDAR_KEYS), label: z.string(), date: z.string(), text: z.string(), daysLeft: z.number() });
export type UpcomingDateView = z.output<typeof upcoming>;

const common = {
  /** The batch shown; null when there is none yet. */
  batch: batchChoice.nullable(),
  /** Every batch the caller may pick, the latest deadline first. */
  batches: z.array(batchChoice),
  /** The year whose brands are shown (the batch's, or this year's without a batch). */
  brandYear: z.number(),
  /** Today in Beijing time (YYYY-MM-DD): what "days left" counts from. */
  asOf: z.string(),
  submissionOpen: z.boolean(),
  notSubmitted: z.array(notSubmitted),
  upcoming: z.array(upcoming),
};

export const dashboardContracts = {
  /** 组织部 数据看板: every committee's applications, reviews, projects, money and brand, with the totals. */
  'dashboard.university': {
    input: z.object({ batchId: idSchema.optional() }).strict(),
    output: z.object({ ...common, committees: z.array(committeeStats), totals: dashboardTotals }),
  },
  /** 本党委看板: the same for one committee — a secretary's own, or any for the 组织部. */
  'dashboard.committee': {
    input: z.object({ committeeId: idSchema.optional(), batchId: idSchema.optional() }).strict(),
    output: z.object({ ...common, committee: committeeStats }),
  },
} as const;
