import { z } from 'zod';
import { applicationFieldsSchema } from '../domain/project/application';
import { PROJECT_STATES } from '../domain/project/state';
import { BATCH_LEVELS, calendarProblems } from '../domain/batch';
import { isCalendarDate } from '../time/deadline';
import { timelineEntry } from './brand';
import { empty, idSchema, versionSchema } from './common';

const calendarDate = z.string({ error: '日期须为文字' }).refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');

/** A batch calendar: dates in Beijing time, in the order of the notice's steps. */
export const batchCalendar = z
  .object({
    submissionDeadline: calendarDate,
    recommendationDeadline: calendarDate.optional(),
    reviewStart: calendarDate.optional(),
    reviewEnd: calendarDate.optional(),
    publicityStart: calendarDate.optional(),
    publicityEnd: calendarDate.optional(),
    midtermDate: calendarDate.optional(),
    finalDate: calendarDate.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const message of calendarProblems(c)) ctx.addIssue({ code: 'custom', message });
  });

export const batchView = z.object({
  _id: z.string(),
  /** For versioned edits (batch.update, batch.extendDeadline). */
  version: z.number(),
  name: z.string(),
  year: z.number(),
  level: z.enum(BATCH_LEVELS),
  calendar: batchCalendar,
  grantPerProject: z.number(),
  quota: z.number(),
  noticeTitle: z.string().optional(),
  paperInstructions: z.string().optional(),
  issuerName: z.string().optional(),
  committeeId: z.string().optional(),
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
  /** The host's own (or their committee's) extension of the submission deadline, shown to them. */
  extensionNote: z.string().nullable(),
  /** The committee's brands the application can name as the one it supports. */
  brandOptions: z.array(z.object({ _id: z.string(), name: z.string(), year: z.number() })),
  /** The committee's decision as the host should see it. */
  committeeOpinion: z.string().nullable(),
  committeeRank: z.number().nullable(),
  returnComment: z.string().nullable(),
  /** Every step so far: who, when, from → to, why. */
  timeline: z.array(timelineEntry),
  /** Addresses of the 支撑材料, by file id. */
  fileUrls: z.record(z.string(), z.string()),
});
export type ProjectView = z.infer<typeof projectView>;

/**
 * What a submit changes on the project page (the page merges it: project-merge.ts), so that the
 * move's answer needs no read beyond what the move itself read: `entry` is the line it added to
 * the timeline. The rest of the view (batch, committee, fields, files) a submit leaves as it was.
 */
export const submittedView = projectView
  .pick({
    _id: true,
    version: true,
    state: true,
    updatedAt: true,
    submittedAt: true,
    returnComment: true,
    canEdit: true,
    canSubmit: true,
    canWithdraw: true,
    warnings: true,
    extensionNote: true,
  })
  .extend({ entry: timelineEntry });
export type SubmittedView = z.infer<typeof submittedView>;

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
  /** Autosave answers only what a save changes (the page keeps the rest): every save is a round trip or two cheaper. */
  'project.saveDraft': {
    input: z.object({ id: idSchema, version: versionSchema, fields: applicationFieldsSchema }).strict(),
    output: projectView.pick({ _id: true, version: true, updatedAt: true, fields: true, fileUrls: true }),
  },
  /** Answers what the submit changed (mergeSubmitted): no timeline, committee or brand read after the move. */
  'project.submit': { input: versioned, output: submittedView },
  'project.withdraw': { input: versioned, output: projectView },
} as const;
