import { z } from 'zod';
import { BRAND_STAGES } from '../domain/brand/stage';
import { BRAND_STATES } from '../domain/brand/state';
import { exportedFile, idSchema } from './common';
import { LISTED_STATES } from './lists';

/** A committee to narrow to; absent or null: the secretary's own, or every committee for the 组织部. */
const committeeId = idSchema.nullable().optional();
const year = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效');

/** The .xlsx lists (issue 6): each answers where to fetch the file it made. */
export const sheetsContracts = {
  /** 申报汇总: a batch's applications (never drafts), by committee and state. */
  'export.applications': {
    input: z
      .object({
        batchId: idSchema,
        committeeId,
        state: z.enum(LISTED_STATES, { error: '请选择申报状态（草稿仅申报人本人可见，不能导出）' }).nullable().optional(),
      })
      .strict(),
    output: exportedFile,
  },
  /** 推荐名单: what the committee recommended, by rank, with its 推荐意见. */
  'export.recommendations': {
    input: z.object({ batchId: idSchema, committeeId }).strict(),
    output: exportedFile,
  },
  /** 评审得分: every reviewer's total per application, average and spread, missing reviews, and each criterion. */
  'export.reviewScores': {
    input: z.object({ batchId: idSchema }).strict(),
    output: exportedFile,
  },
  /** 公示名单: the applications publicised (and what became of them). */
  'export.publicity': {
    input: z.object({ batchId: idSchema }).strict(),
    output: exportedFile,
  },
  /** 经费: per funded project the grant, both tranches, matching funds, spending and balance. */
  'export.funding': {
    input: z.object({ batchId: idSchema.nullable().optional() }).strict(),
    output: exportedFile,
  },
  /** 党建品牌资源库, as brand.library shows it to the caller. */
  'export.brands': {
    input: z
      .object({
        year: year.nullable().optional(),
        stage: z.enum(BRAND_STAGES, { error: '请选择品牌所处阶段' }).nullable().optional(),
        state: z.enum(BRAND_STATES, { error: '请选择品牌状态' }).nullable().optional(),
      })
      .strict(),
    output: exportedFile,
  },
} as const;
