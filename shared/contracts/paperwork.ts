import { z } from 'zod';
import { EXTENSION_TARGETS } from '../domain/paperwork/extension';
import { DOC_NUMBER_HINT, DOC_NUMBER_MAX, DOC_NUMBER_RE, ISSUER_NAME_MAX } from '../domain/paperwork/notice';
import { charCount, stripControlChars } from '../domain/text';
import { isCalendarDate } from '../time/deadline';
import { exportedFile, idSchema } from './common';
import { batchCalendar } from './project';

/**
 * The notice's paperwork and the yearly cycle: the 立项通知 (document and public page), the
 * committee's 纸质材料包, next year's batch from an earlier one, one-off extensions.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses control characters outright (an official register number must be what was typed). */
const plain = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .refine((s) => !CONTROL.test(s), `${label}不能含有控制字符，请重新输入`)
    .transform((s) => stripControlChars(s).trim())
    .refine((s) => s !== '', `请填写${label}`)
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .transform((s) => stripControlChars(s).trim())
    .refine((s) => s !== '', `请填写${label}`)
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`);

const date = (label: string) => z.string({ error: `${label}须为文字` }).refine(isCalendarDate, `${label}格式应为 YYYY-MM-DD`);

/** Checked as typed (a register number is copied exactly): no control characters, the length, the 字号 pattern. */
export const docNumberSchema = z
  .string({ error: '发文字号须为文字' })
  .refine((s) => !CONTROL.test(s), '发文字号不能含有控制字符，请重新输入')
  .max(DOC_NUMBER_MAX, `发文字号不能超过${DOC_NUMBER_MAX}字`)
  .regex(DOC_NUMBER_RE, DOC_NUMBER_HINT);

export const noticeItem = z.object({
  order: z.number(),
  projectId: z.string(),
  title: z.string(),
  hostName: z.string(),
  committeeName: z.string(),
  grantFen: z.number(),
});
export type NoticeItem = z.infer<typeof noticeItem>;

/** What the 立项通知 shows, and so all its public page shows. */
export const approvalNoticeView = z.object({
  batchId: z.string(),
  batchName: z.string(),
  year: z.number(),
  issuerName: z.string(),
  docNumber: z.string(),
  title: z.string(),
  /** YYYY-MM-DD and as the document writes it (二〇二七年三月十五日). */
  date: z.string(),
  dateText: z.string(),
  items: z.array(noticeItem),
  totalFen: z.number(),
});
export type ApprovalNoticeView = z.infer<typeof approvalNoticeView>;

export const extensionView = z.object({
  _id: z.string(),
  batchId: z.string(),
  target: z.enum(EXTENSION_TARGETS),
  targetId: z.string(),
  targetName: z.string(),
  date: z.string(),
  dateText: z.string(),
  /** A committee's extension: the committee's 推荐截止 as it now holds, or null. */
  recommendationText: z.string().nullable(),
  reason: z.string(),
  grantedAt: z.string(),
  used: z.boolean(),
  withdrawn: z.boolean(),
  /** Withdrawable: active and not yet relied on. */
  canWithdraw: z.boolean(),
});
export type ExtensionView = z.infer<typeof extensionView>;

export const nextYearView = z.object({
  fromId: z.string(),
  fromName: z.string(),
  name: z.string(),
  year: z.number(),
  level: z.enum(['school', 'committee']),
  committeeId: z.string().optional(),
  calendar: batchCalendar,
  grantPerProject: z.number(),
  quota: z.number(),
  noticeTitle: z.string(),
  paperInstructions: z.string(),
  issuerName: z.string(),
  /** The rubric's criteria, carried as they were. */
  rubric: z.array(z.object({ label: z.string(), weight: z.number(), max: z.number() })),
});
export type NextYearView = z.infer<typeof nextYearView>;

/** A token the phone makes for one packet build, to ask how far it has got. */
const jobId = z.string({ error: '任务编号须为文字' }).regex(/^[A-Za-z0-9_-]{8,40}$/, '任务编号无效，请重新下载');

export const packetProgress = z.object({
  found: z.boolean(),
  stage: z.string(),
  done: z.number(),
  total: z.number(),
  finished: z.boolean(),
});
export type PacketProgress = z.infer<typeof packetProgress>;

export const paperworkContracts = {
  /** The 组织部 issues (or reissues, corrected) a round's 立项通知 and gets the .docx. */
  'notice.issue': {
    input: z
      .object({ batchId: idSchema, docNumber: docNumberSchema, issuerName: plain('发文机关名称', ISSUER_NAME_MAX), date: date('成文日期') })
      .strict(),
    output: exportedFile.extend({ notice: approvalNoticeView }),
  },
  /** The issued notice of a batch (null before it is issued), for the 组织部's form. */
  'notice.get': { input: z.object({ batchId: idSchema }).strict(), output: approvalNoticeView.nullable() },
  /** The public 立项 page: exactly what the document shows, for anyone. */
  'notice.public': { input: z.object({ batchId: idSchema }).strict(), output: approvalNoticeView.nullable() },
  /** 纸质材料包 of one committee (a secretary's own, or any for the 组织部), or of every committee (组织部). */
  'export.packet': {
    input: z.object({ batchId: idSchema, committeeId: idSchema.optional(), jobId }).strict(),
    output: exportedFile.extend({ applications: z.number(), leftOut: z.array(z.string()) }),
  },
  'export.packetProgress': { input: z.object({ jobId }).strict(), output: packetProgress },
  /** Next year's batch from an earlier one, to look over before batch.create opens it. */
  'batch.nextYear': { input: z.object({ fromId: idSchema }).strict(), output: nextYearView },
  'batch.grantExtension': {
    input: z
      .object({
        batchId: idSchema,
        target: z.enum(EXTENSION_TARGETS, { error: '请选择延期对象' }),
        targetId: idSchema,
        date: date('延期后的截止日期'),
        /** A committee's extension: its own 推荐截止; left out, the batch's moves by as many days. */
        recommendationDate: date('推荐截止').nullable().optional(),
        reason: text('延期原因', 200),
      })
      .strict(),
    output: extensionView,
  },
  'batch.withdrawExtension': { input: z.object({ id: idSchema }).strict(), output: extensionView },
  'batch.extensions': { input: z.object({ batchId: idSchema }).strict(), output: z.array(extensionView) },
} as const;
