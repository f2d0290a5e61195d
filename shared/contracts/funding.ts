import { z } from 'zod';
import { FILE_ID_RE, LINK_RE } from '../domain/brand/report';
import { MAX_FEN } from '../domain/money';
import { isFunded, PROJECT_STATES } from '../domain/project/state';
import { charCount, stripControlChars } from '../domain/text';
import { isCalendarDate } from '../time/deadline';
import { versionSchema } from './common';
import { directionField, pageField, pageOf, pageSizeField, searchField } from './paging';
import { FUNDED_SORTS } from './lists';
import { GUIDANCE_KINDS } from '../domain/project/guidance';

/**
 * The funded life of a flagship project (notice 三(二)2–4): the two tranches, 配套经费 and
 * expenses (专款专用), the committee's 培育 guidance, the 中期验收 and the 结项验收.
 */

/** 结项 outcomes by kind (notice 四.2: 实践成果转化为理论成果和制度成果). */
export const OUTCOME_KINDS = ['theory', 'system', 'practice', 'publicity'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  theory: '理论成果',
  system: '制度成果',
  practice: '实践成果',
  publicity: '宣传报道',
};

export const FUNDING_LIMITS = {
  note: 500,
  item: 100,
  receipts: 9,
  reason: 500,
  guidance: 2000,
  midtermText: 5000,
  midtermShort: 2000,
  summary: 5000,
  outcomes: 30,
  outcomeTitle: 100,
  outcomeDescription: 2000,
  outcomeFiles: 9,
  link: 500,
  panel: 15,
  panelName: 20,
  defenseResult: 2000,
  comment: 1000,
} as const;

const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label}须为文字` })
    .transform(stripControlChars)
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`)
    .refine((s) => !required || s.trim() !== '', `请填写${label}`);
const projectId = z.string({ error: '请指定项目' }).min(1, '请指定项目').max(64, '项目编号过长');
const projectVersion = versionSchema;
const date = (label: string) => z.string({ error: `请填写${label}` }).refine(isCalendarDate, `${label}格式应为 YYYY-MM-DD`);
const fen = (label: string, min: 0 | 1) =>
  z
    .number({ error: `${label}须为数字（单位：分）` })
    .int(`${label}须精确到分`)
    .min(min, min === 0 ? `${label}不能为负数` : `${label}须大于 0`)
    .max(MAX_FEN, `${label}超出允许的范围`);
const fileIds = (label: string, max: number) =>
  z.array(z.string({ error: `${label}标识无效` }).regex(FILE_ID_RE, `${label}标识无效，请重新上传`), { error: `${label}须为列表` }).max(max, `${label}最多${max}个`);
const link = z
  .string({ error: '链接须为文字' })
  .max(FUNDING_LIMITS.link, '链接过长')
  .refine((s) => s === '' || LINK_RE.test(s), '链接须以 http:// 或 https:// 开头');
const tranche = z.union([z.literal(1), z.literal(2)], { error: '请选择第一笔（立项拨付）或第二笔（中期验收通过后拨付）经费' });
const decision = (label: string) =>
  z
    .object({
      projectId,
      version: projectVersion,
      pass: z.boolean({ error: `请选择${label}是否通过` }),
      comment: text('验收意见', FUNDING_LIMITS.comment),
    })
    .strict()
    .refine((v) => v.pass || v.comment.trim() !== '', { message: `${label}不通过时须写明理由`, path: ['comment'] });

const byProject = z.object({ projectId }).strict();

export const outcomeSchema = z
  .object({
    kind: z.enum(OUTCOME_KINDS, { error: '请选择成果类别（理论成果、制度成果、实践成果或宣传报道）' }),
    title: text('成果名称', FUNDING_LIMITS.outcomeTitle, true),
    description: text('成果简介', FUNDING_LIMITS.outcomeDescription),
    link: link.optional(),
    fileIds: fileIds('成果附件', FUNDING_LIMITS.outcomeFiles).optional(),
    /** The names people gave the files, by file id (shown instead of 附件1, 附件2…). */
    fileNames: z.record(z.string().regex(FILE_ID_RE, '附件标识无效，请重新上传'), text('附件名称', 100)).optional(),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

const stateFields = {
  projectId: z.string(),
  /** The project's version: the one to send with midterm/final submissions and decisions. */
  projectVersion: z.number(),
  title: z.string(),
  committeeId: z.string(),
  state: z.enum(PROJECT_STATES),
  stateLabel: z.string(),
  midtermPassed: z.boolean(),
};

export const trancheView = z.object({
  tranche,
  label: z.string(),
  amountFen: z.number(),
  paid: z.boolean(),
  paidAt: z.string().nullable(),
});

export const disbursementView = z.object({
  _id: z.string(),
  tranche,
  label: z.string(),
  amountFen: z.number(),
  note: z.string(),
  at: z.string(),
  actorName: z.string(),
});
export type DisbursementView = z.infer<typeof disbursementView>;

export const expenseView = z.object({
  _id: z.string(),
  date: z.string(),
  item: z.string(),
  amountFen: z.number(),
  receipts: z.array(z.string()),
  /** Recorded beyond what had been received, with the reason given (audited). */
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  excessFen: z.number(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type ExpenseView = z.infer<typeof expenseView>;

export const fundingView = z.object({
  ...stateFields,
  /** Null until the grant is fixed at approval. */
  grantFen: z.number().nullable(),
  tranches: z.array(trancheView),
  paidFen: z.number(),
  matchingFen: z.number(),
  /** Paid tranches plus matching funds: what may be spent. */
  receivedFen: z.number(),
  spentFen: z.number(),
  /** received − spent; negative only after an overridden expense. */
  availableFen: z.number(),
  unpaidFen: z.number(),
  dueTranche: tranche.nullable(),
  dueAmountFen: z.number().nullable(),
  disbursements: z.array(disbursementView),
  expenses: z.array(expenseView),
  overrideCount: z.number(),
  /** Terminated, concluded or failed: the books are closed. */
  readOnly: z.boolean(),
  /** Addresses of the receipts, by file id. */
  fileUrls: z.record(z.string(), z.string()),
  can: z.object({ disburse: z.boolean(), setMatching: z.boolean(), addExpense: z.boolean() }),
});
export type FundingView = z.infer<typeof fundingView>;

export const guidanceEntryView = z.object({
  _id: z.string(),
  date: z.string(),
  kind: z.enum(GUIDANCE_KINDS),
  kindLabel: z.string(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type GuidanceEntryView = z.infer<typeof guidanceEntryView>;

export const guidanceView = z.object({
  ...stateFields,
  committeeName: z.string(),
  items: z.array(guidanceEntryView),
  counts: z.object({ target: z.number(), visit: z.number(), note: z.number() }),
  canAdd: z.boolean(),
});
export type GuidanceView = z.infer<typeof guidanceView>;

const decisionView = z.object({ pass: z.boolean(), comment: z.string(), at: z.string(), deciderName: z.string() });

export const midtermReportView = z.object({
  version: z.number(),
  progress: z.string(),
  results: z.string(),
  spendingNote: z.string(),
  changeRequests: z.string(),
  /** What had been received and spent when the materials were submitted. */
  receivedFen: z.number(),
  spentFen: z.number(),
  submittedAt: z.string(),
  submitterName: z.string(),
  decision: decisionView.nullable(),
});
export type MidtermReportView = z.infer<typeof midtermReportView>;

export const defenseView = z.object({ date: z.string(), panel: z.array(z.string()), result: z.string(), recordedAt: z.string(), recorderName: z.string() });

export const finalReportView = z.object({
  /** Send it back with the next final.save. */
  version: z.number(),
  summary: z.string(),
  outcomes: z.array(outcomeSchema),
  outcomeCounts: z.object({ theory: z.number(), system: z.number(), practice: z.number(), publicity: z.number() }),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
  submitterName: z.string().nullable(),
  defense: defenseView.nullable(),
  decision: decisionView.nullable(),
  /** Soft hints (e.g. no theory or system outcome yet); never blocking. */
  warnings: z.array(z.string()),
});
export type FinalReportView = z.infer<typeof finalReportView>;

export const reportsView = z.object({
  ...stateFields,
  midterm: midtermReportView.nullable(),
  final: finalReportView.nullable(),
  fileUrls: z.record(z.string(), z.string()),
  can: z.object({
    submitMidterm: z.boolean(),
    decideMidterm: z.boolean(),
    saveFinal: z.boolean(),
    submitFinal: z.boolean(),
    recordDefense: z.boolean(),
    decideFinal: z.boolean(),
  }),
});
export type ReportsView = z.infer<typeof reportsView>;

export const fundedProject = z.object({
  projectId: z.string(),
  title: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  hostName: z.string(),
  state: z.enum(PROJECT_STATES),
  grantFen: z.number(),
  paidFen: z.number(),
  spentFen: z.number(),
  dueTranche: tranche.nullable(),
  midtermPassed: z.boolean(),
});
export type FundedProject = z.infer<typeof fundedProject>;

export const fundedListInput = z
  .object({
    batchId: z.string({ error: '请指定批次' }).min(1, '请指定批次').max(64, '批次编号过长'),
    state: z.enum(PROJECT_STATES, { error: '请选择有效的项目状态' }).refine(isFunded, '请选择立项之后的项目状态').optional(),
    committeeId: z.string({ error: '请选择基层党委' }).min(1, '请选择基层党委').max(64, '基层党委编号过长').optional(),
    /** Only the projects with a tranche to pay now. */
    due: z.boolean({ error: '“只看待拨付”须为是或否' }).optional(),
    /** Only the projects owed this tranche now (我的待办's 拨付第一笔 / 第二笔经费). */
    tranche: tranche.optional(),
    /** Part of the title, the project's number or the host's name. */
    q: searchField.optional(),
    sort: z.enum(FUNDED_SORTS, { error: '排序方式只能是待拨付、基层党委、项目名称、主持人、状态、资助、已拨、已支出或更新时间' }).default('updated'),
    direction: directionField.optional(),
    page: pageField,
    pageSize: pageSizeField,
  })
  .strict();

export const fundingContracts = {
  /** The batch's funded projects, sorted, filtered and paged on the server, with the batch's to-do counts. */
  'funding.list': {
    input: fundedListInput,
    output: pageOf(fundedProject).extend({
      /** Across the whole batch, whatever the filter: a tranche due now, 中期 and 结项 waiting for the 组织部. */
      due: z.number(),
      midterm: z.number(),
      final: z.number(),
      /** The committees with funded projects in the batch, for the filter (by name). */
      committees: z.array(z.object({ committeeId: z.string(), name: z.string(), count: z.number() })),
    }),
  },
  'funding.status': { input: byProject, output: fundingView },
  'funding.disburse': {
    input: z.object({ projectId, tranche, amountFen: fen('拨付金额', 1), note: text('备注', FUNDING_LIMITS.note) }).strict(),
    output: fundingView,
  },
  'funding.setMatching': {
    input: z.object({ projectId, amountFen: fen('配套经费', 0), note: text('说明', FUNDING_LIMITS.note) }).strict(),
    output: fundingView,
  },
  'funding.addExpense': {
    input: z
      .object({
        projectId,
        date: date('支出日期'),
        item: text('支出事项', FUNDING_LIMITS.item, true),
        amountFen: fen('支出金额', 1),
        receipts: fileIds('票据', FUNDING_LIMITS.receipts).min(1, '请上传至少一张票据照片'),
        /** Records spending beyond what has been received: audited, and the 组织部 is told. */
        override: z.object({ reason: text('超支理由', FUNDING_LIMITS.reason, true) }).strict().optional(),
      })
      .strict(),
    output: fundingView,
  },
  'guidance.add': {
    input: z
      .object({
        projectId,
        date: date('指导日期'),
        kind: z.enum(GUIDANCE_KINDS, { error: '请选择指导类别（目标与计划、走访指导或指导意见与成效）' }),
        text: text('指导内容', FUNDING_LIMITS.guidance, true),
      })
      .strict(),
    output: guidanceView,
  },
  'guidance.list': { input: byProject, output: guidanceView },
  'midterm.submit': {
    input: z
      .object({
        projectId,
        version: projectVersion,
        progress: text('建设进展', FUNDING_LIMITS.midtermText, true),
        results: text('阶段成效', FUNDING_LIMITS.midtermText, true),
        spendingNote: text('经费使用情况', FUNDING_LIMITS.midtermShort, true),
        changeRequests: text('调整事项', FUNDING_LIMITS.midtermShort),
      })
      .strict(),
    output: reportsView,
  },
  'midterm.decide': { input: decision('中期验收'), output: reportsView },
  'final.save': {
    input: z
      .object({
        projectId,
        /** The report's version from project.reports (final.version); null for the first save. */
        reportVersion: versionSchema.nullable(),
        summary: text('结项总结', FUNDING_LIMITS.summary),
        outcomes: z.array(outcomeSchema, { error: '成果须为列表' }).max(FUNDING_LIMITS.outcomes, `成果最多${FUNDING_LIMITS.outcomes}项`),
      })
      .strict(),
    output: reportsView,
  },
  'final.submit': { input: z.object({ projectId, version: projectVersion }).strict(), output: reportsView },
  'final.recordDefense': {
    input: z
      .object({
        projectId,
        date: date('答辩日期'),
        panel: z
          .array(text('评审人姓名', FUNDING_LIMITS.panelName, true), { error: '答辩评审组须为名单' })
          .min(1, '请填写答辩评审组成员')
          .max(FUNDING_LIMITS.panel, `答辩评审组最多${FUNDING_LIMITS.panel}人`),
        result: text('答辩情况', FUNDING_LIMITS.defenseResult, true),
      })
      .strict(),
    output: reportsView,
  },
  'final.decide': { input: decision('结项验收'), output: reportsView },
  'project.reports': { input: byProject, output: reportsView },
} as const;
