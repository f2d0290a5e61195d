import { z } from 'zod';
import { MAX_FEN } from '../domain/money';
import { charCount, stripControlChars } from '../domain/text';
import { ERROR_CODES } from './errors';
import { idSchema, versionSchema } from './common';

/**
 * Bulk actions at a desk, on the server with the same rules as the single action. A list over
 * MAX_BULK items, or any item outside the caller's scope, is refused before anything is written.
 * Each says whether it is all or nothing, or answers row by row what was refused and why.
 */
export const MAX_BULK = 200;

const unique = (values: readonly string[]) => new Set(values).size === values.length;
const ids = (label: string, min = 1) =>
  z
    .array(idSchema, { error: `${label}须为编号的列表` })
    .min(min, `请至少选择一个${label}`)
    .max(MAX_BULK, `一次最多处理${MAX_BULK}个${label}，请分批操作`)
    .refine(unique, `${label}有重复`);

/** One row of a row-by-row report. */
const row = z.object({ id: z.string(), title: z.string() });
export const rowReport = z.object({
  done: z.array(row),
  refused: z.array(row.extend({ code: z.enum(ERROR_CODES), message: z.string() })),
});
export type RowReport = z.infer<typeof rowReport>;

export const bulkContracts = {
  /** All or nothing: the reviewers are added to every chosen application, or nothing changes. */
  'review.assignMany': {
    input: z
      .object({
        batchId: idSchema,
        projectIds: ids('申报项目'),
        reviewerIds: ids('评审专家').refine((r) => r.length <= 20, '每个项目最多分配20位评审专家'),
      })
      .strict(),
    output: z.object({ projects: z.number(), added: z.number() }),
  },
  /** All or nothing: the applications staged for the 公示 become exactly these (preview before release). */
  'review.stagePublicity': {
    input: z.object({ batchId: idSchema, projectIds: ids('公示项目', 0) }).strict(),
    output: z.object({ batchId: z.string(), projectIds: z.array(z.string()), placesLeft: z.number() }),
  },
  /** Row by row: one tranche for many funded projects, each with its own amount. */
  'funding.disburseMany': {
    input: z
      .object({
        tranche: z.union([z.literal(1), z.literal(2)], { error: '请选择第一笔或第二笔经费' }),
        items: z
          .array(
            z
              .object({
                projectId: idSchema,
                amountFen: z.number({ error: '拨付金额须为数字（单位：分）' }).int('拨付金额须精确到分').min(1, '拨付金额须大于 0').max(MAX_FEN, '拨付金额超出允许的范围'),
              })
              .strict(),
            { error: '拨付清单须为项目和金额的列表' },
          )
          .min(1, '请至少填写一个项目的拨付金额')
          .max(MAX_BULK, `一次最多登记${MAX_BULK}个项目，请分批操作`)
          .refine((items) => unique(items.map((i) => i.projectId)), '拨付清单中有重复的项目'),
        note: z
          .string({ error: '备注须为文字' })
          .transform(stripControlChars)
          .refine((s) => charCount(s) <= 200, '备注不能超过200字')
          .default(''),
      })
      .strict(),
    output: rowReport,
  },
  /** Row by row: confirm many pending profiles of the caller's committees. */
  'people.confirmMany': {
    input: z
      .object({
        items: z
          .array(z.object({ userId: idSchema, version: versionSchema }).strict(), { error: '待确认人员须为列表' })
          .min(1, '请至少选择一位人员')
          .max(MAX_BULK, `一次最多确认${MAX_BULK}人，请分批操作`)
          .refine((items) => unique(items.map((i) => i.userId)), '待确认人员有重复'),
      })
      .strict(),
    output: rowReport,
  },
  /** All or nothing: the secretary's recommendation order for a batch, saved at once (1 = first). */
  'committee.reorderRanks': {
    input: z.object({ batchId: idSchema, committeeId: idSchema, projectIds: ids('推荐项目') }).strict(),
    output: z.object({ ranks: z.array(z.object({ projectId: z.string(), rank: z.number() })) }),
  },
} as const;
