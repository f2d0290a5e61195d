import { z } from 'zod';
import { PROJECT_CATEGORIES } from '../domain/project/application';
import { idSchema } from './common';
import { directionField, pageField, pageOf, pageSizeField, searchField } from './paging';
import { projectSummary } from './project';
import { LISTED_STATES, APPLICATION_SORTS } from './lists';

/** 各党委申报: the 组织部's list of the committees' applications, sorted, filtered and paged on the server. */

export const applicationsListInput = z
  .object({
    /** Without it, every batch (then a committee must be chosen). */
    batchId: idSchema.optional(),
    /** Without it, every committee of the school (then a batch must be chosen). */
    committeeId: idSchema.optional(),
    state: z.enum(LISTED_STATES, { error: '请选择有效的申报状态（草稿不列出）' }).optional(),
    category: z.enum(PROJECT_CATEGORIES, { error: '请选择有效的项目类别' }).optional(),
    /** Part of the title, the project's number or the host's name. */
    q: searchField.optional(),
    sort: z.enum(APPLICATION_SORTS, { error: '排序方式只能是提交时间、更新时间、项目名称、主持人、基层党委、推荐排序或状态' }).default('submitted'),
    direction: directionField.optional(),
    page: pageField,
    pageSize: pageSizeField,
  })
  .strict()
  .refine((v) => v.batchId !== undefined || v.committeeId !== undefined, { message: '查看全校的申报时请选择批次', path: ['batchId'] });

export const applicationsContracts = {
  'committee.applications': { input: applicationsListInput, output: pageOf(projectSummary) },
} as const;
