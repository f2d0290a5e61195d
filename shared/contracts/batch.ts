import { z } from 'zod';
import { CALENDAR_FIELDS } from '../domain/batch';
import { MAX_FEN, MIN_GRANT_FEN, MIN_GRANT_MESSAGE } from '../domain/money';
import { charCount, stripControlChars } from '../domain/text';
import { isCalendarDate } from '../time/deadline';
import { idSchema, versionSchema } from './common';
import { batchCalendar, batchView } from './project';

const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label}须为文字` })
    .transform((s) => stripControlChars(s).trim())
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`)
    .refine((s) => !required || s !== '', `请填写${label}`);

const batchFields = {
  name: text('批次名称', 40, true),
  year: z.number({ error: '年度须为数字' }).int().min(2000, '年度无效').max(2100, '年度无效'),
  calendar: batchCalendar,
  grantPerProject: z
    .number({ error: '资助金额须为数字' })
    .int('资助金额须精确到分')
    .min(MIN_GRANT_FEN, MIN_GRANT_MESSAGE)
    .max(MAX_FEN, '资助金额过大'),
  quota: z.number({ error: '立项数量须为数字' }).int('立项数量须为整数').min(1, '立项数量至少为1').max(1000, '立项数量过大'),
  noticeTitle: text('通知标题', 200),
  paperInstructions: text('纸质材料报送说明', 500),
  issuerName: text('发文机关名称', 30).optional(),
};

const CALENDAR_KEYS = CALENDAR_FIELDS.map(([k]) => k) as [string, ...string[]];

export const batchContracts = {
  /** The 组织部 opens a school-level batch; a committee opens its own (自行培育立项). `fromId`: next year's from that one (its rubric comes along). */
  'batch.create': {
    input: z.object({ ...batchFields, level: z.enum(['school', 'committee']), committeeId: idSchema.optional(), fromId: idSchema.optional() }).strict(),
    output: batchView,
  },
  /** Everything but the dates already passed; moving a deadline goes through batch.extendDeadline. */
  'batch.update': { input: z.object({ id: idSchema, version: versionSchema, ...batchFields }).strict(), output: batchView },
  /** Moves one date of the calendar later, with a reason: audited, and the people concerned are told. */
  'batch.extendDeadline': {
    input: z
      .object({
        id: idSchema,
        version: versionSchema,
        field: z.enum(CALENDAR_KEYS, { error: '请选择要调整的日期' }),
        date: z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD'),
        reason: text('调整原因', 500, true),
      })
      .strict(),
    output: batchView,
  },
  'batch.get': { input: z.object({ id: idSchema }).strict(), output: batchView.extend({ version: z.number() }) },
} as const;
