import { z } from 'zod';
import { charCount, stripControlChars } from '../domain/text';
import { PROJECT_CATEGORIES } from '../domain/project/application';
import { idSchema, versionSchema } from './common';
import { directionField, pageField, pageSizeChoice, searchField } from './paging';
import { projectSummary, projectView } from './project';
import { INBOX_SORTS, INBOX_VIEWS, LISTED_STATES } from './lists';

export const committeeContracts = {
  /** The secretary's lists: 待处理 (submitted), 已推荐 (by rank), 已处理, 全部 (past drafts). */
  'committee.inbox': {
    input: z
      .object({
        committeeId: idSchema.optional(),
        batchId: idSchema.optional(),
        view: z.enum(INBOX_VIEWS, { error: '请选择待处理、已推荐、已处理或全部' }).optional(),
        /** One state within the tab (已处理 holds three). */
        state: z.enum(LISTED_STATES, { error: '请选择有效的申报状态（草稿不列出）' }).optional(),
        category: z.enum(PROJECT_CATEGORIES, { error: '请选择有效的项目类别' }).optional(),
        /** Part of the title, the project's number or the host's name. */
        q: searchField.optional(),
        sort: z.enum(INBOX_SORTS, { error: '排序方式只能是提交时间、更新时间、项目名称、主持人、推荐排序或状态' }).optional(),
        direction: directionField.optional(),
        page: pageField,
        pageSize: pageSizeChoice.optional(),
      })
      .strict(),
    output: z.object({
      committeeId: z.string(),
      committeeName: z.string(),
      view: z.enum(INBOX_VIEWS),
      items: z.array(projectSummary),
      /** The whole filtered tab, across pages. */
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
    }),
  },
  /** 研究讨论 then one of: 退回修改 (with comments), 推荐 (with 推荐意见 and a rank), 不予推荐 (with a reason). */
  'committee.decide': {
    input: z
      .object({
        id: idSchema,
        version: versionSchema,
        decision: z.enum(['return', 'recommend', 'notRecommend'], { error: '请选择退回、推荐或不予推荐' }),
        comment: z
          .string({ error: '意见须为文字' })
          .transform(stripControlChars)
          .refine((s) => charCount(s) <= 2000, '意见不能超过2000字'),
        rank: z.number({ error: '排序须为数字' }).int('排序须为整数').min(1, '排序从1开始').max(999, '排序过大').optional(),
      })
      .strict(),
    output: projectView,
  },
  /** Who has not submitted yet, for the batch: hosts with drafts (names only), and counts by state. */
  'committee.progress': {
    input: z.object({ committeeId: idSchema.optional(), batchId: idSchema }).strict(),
    output: z.object({
      committeeId: z.string(),
      committeeName: z.string(),
      batchName: z.string(),
      deadlineText: z.string(),
      counts: z.record(z.string(), z.number()),
      notSubmitted: z.array(z.object({ hostName: z.string(), updatedAt: z.string(), state: z.string() })),
    }),
  },
} as const;
