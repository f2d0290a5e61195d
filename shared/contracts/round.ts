import { z } from 'zod';
import { PROJECT_CATEGORIES } from '../domain/project/application';
import { idSchema } from './common';
import { directionField, pageField, pageOf, pageSizeField, searchField } from './paging';
import { reviewerView, roundApplication } from './review';
import { ROUND_STATES, ROUND_SORTS } from './lists';

/**
 * The review round at a desk (and on the phone, page by page): the applications sorted, filtered
 * and paged on the server, one application's detail beside the list, the reviewer pool.
 */

/** 评审进度: nobody assigned yet, some scores missing, every assigned reviewer has scored. */
export const ROUND_PROGRESS = ['unassigned', 'incomplete', 'complete'] as const;
export type RoundProgress = (typeof ROUND_PROGRESS)[number];
export const ROUND_PROGRESS_LABELS: Record<RoundProgress, string> = { unassigned: '未分配专家', incomplete: '评分未完成', complete: '评分已完成' };

/** One row of the round's list: what the table shows and sorts by (the detail comes from review.roundApplication). */
export const roundRow = z.object({
  projectId: z.string(),
  title: z.string(),
  state: z.enum(ROUND_STATES),
  committeeId: z.string(),
  committeeName: z.string(),
  hostName: z.string(),
  /** The category's label. */
  category: z.string().nullable(),
  committeeRank: z.number().nullable(),
  /** Reviewers assigned, and how many of them have scored. */
  assigned: z.number(),
  scored: z.number(),
  average: z.number().nullable(),
  spread: z.number().nullable(),
  /** On the staged 公示 list (review.stagePublicity). */
  staged: z.boolean(),
});
export type RoundRow = z.infer<typeof roundRow>;

export const roundListInput = z
  .object({
    batchId: idSchema,
    page: pageField,
    pageSize: pageSizeField,
    sort: z.enum(ROUND_SORTS, { error: '排序方式只能是平均分、分差、评审进度、项目名称、基层党委、主持人、党委排序或状态' }).default('average'),
    /** Without it, each sort's own default direction. */
    direction: directionField.optional(),
    state: z.enum(ROUND_STATES, { error: '状态只能是已推荐、评审中、公示中、已立项或未立项' }).optional(),
    committeeId: idSchema.optional(),
    category: z.enum(PROJECT_CATEGORIES, { error: '请选择有效的项目类别' }).optional(),
    progress: z.enum(ROUND_PROGRESS, { error: '评审进度只能是未分配专家、评分未完成或评分已完成' }).optional(),
    staged: z.boolean({ error: '“只看拟公示”须为是或否' }).optional(),
    /** Part of the title, or the project's number. */
    q: searchField.optional(),
  })
  .strict();

export const roundContracts = {
  /** A page of the round's applications, sorted and filtered on the server; `total` counts the whole filtered list. */
  'review.roundList': { input: roundListInput, output: pageOf(roundRow) },
  /** One application of the round in full: the committee's opinion, each reviewer's score and progress. */
  'review.roundApplication': { input: z.object({ batchId: idSchema, projectId: idSchema }).strict(), output: roundApplication },
  /** The reviewer pool with each reviewer's load in this batch (assigned, scored). */
  'review.roundReviewers': { input: z.object({ batchId: idSchema }).strict(), output: z.array(reviewerView) },
} as const;
