import { z } from 'zod';
import { applicationFieldsSchema } from '../domain/project/application';
import { PROJECT_STATES } from '../domain/project/state';
import { BATCH_LEVELS } from '../domain/batch';
import { timelineEntry } from './brand';
import { empty, idSchema, versionSchema } from './common';

const batchCalendar = z.object({
  submissionDeadline: z.string(),
  recommendationDeadline: z.string().optional(),
  midtermDate: z.string().optional(),
  finalDate: z.string().optional(),
});

export const batchView = z.object({
  _id: z.string(),
  name: z.string(),
  year: z.number(),
  level: z.enum(BATCH_LEVELS),
  calendar: batchCalendar,
  grantPerProject: z.number(),
  quota: z.number(),
  noticeTitle: z.string().optional(),
  open: z.boolean(),
  deadlineText: z.string(),
  daysLeft: z.number(),
});
export type BatchView = z.infer<typeof batchView>;

export const projectView = z.object({
  _id: z.string(),
  version: z.number(),
  batchId: z.string(),
  batchName: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  hostId: z.string(),
  hostName: z.string(),
  state: z.enum(PROJECT_STATES),
  fields: applicationFieldsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  deadline: z.string(),
  deadlineText: z.string(),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  /** Soft warnings (e.g. the host is not a 党务工作者): shown, never blocking. */
  warnings: z.array(z.string()),
  /** The committee's brands the application can name as the one it supports. */
  brandOptions: z.array(z.object({ _id: z.string(), name: z.string(), year: z.number() })),
  /** The committee's decision as the host should see it. */
  committeeOpinion: z.string().nullable(),
  committeeRank: z.number().nullable(),
  returnComment: z.string().nullable(),
  /** Every step so far: who, when, from → to, why. */
  timeline: z.array(timelineEntry),
});
export type ProjectView = z.infer<typeof projectView>;

export const projectSummary = projectView.pick({
  _id: true,
  version: true,
  batchId: true,
  batchName: true,
  committeeName: true,
  hostName: true,
  state: true,
  updatedAt: true,
  submittedAt: true,
  deadlineText: true,
}).extend({
  title: z.string(),
  budgetTotal: z.number(),
  committeeOpinion: z.string().nullable(),
  committeeRank: z.number().nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

const byId = z.object({ id: idSchema }).strict();
const versioned = z.object({ id: idSchema, version: versionSchema }).strict();

export const projectContracts = {
  'batch.list': { input: empty, output: z.array(batchView) },
  'project.create': { input: z.object({ batchId: idSchema }).strict(), output: projectView },
  'project.get': { input: byId, output: projectView },
  'project.listMine': { input: empty, output: z.array(projectSummary) },
  'project.saveDraft': {
    input: z.object({ id: idSchema, version: versionSchema, fields: applicationFieldsSchema }).strict(),
    output: projectView,
  },
  'project.submit': { input: versioned, output: projectView },
  'project.withdraw': { input: versioned, output: projectView },
} as const;
