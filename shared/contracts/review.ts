import { z } from 'zod';
import { applicationFieldsSchema } from '../domain/project/application';
import { PROJECT_STATES } from '../domain/project/state';
import { charCount, stripControlChars } from '../domain/text';
import { isCalendarDate } from '../time/deadline';
import { idSchema, versionSchema } from './common';
import { FINDING_REASON_MAX, OBJECTION_REMEDIES, OBJECTION_VERDICTS } from '../domain/review/objection';

/**
 * 立项评审, 公示 and 立项 (notice 三(二)1): the 组织部 opens the round, assigns reviewers (never
 * of the applicant's own committee), reviewers score on the batch's published rubric, the
 * 组织部 publicises at most the quota and decides after the 公示.
 */
const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label}须为文字` })
    .transform(stripControlChars)
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`)
    .refine((s) => !required || s.trim() !== '', `请填写${label}`);

const date = (label: string) => z.string({ error: `${label}须为文字` }).refine(isCalendarDate, `${label}格式应为 YYYY-MM-DD`);

const unique = (values: readonly string[]) => new Set(values).size === values.length;

const projectIds = (label: string, max: number) =>
  z
    .array(idSchema, { error: `${label}须为项目编号的列表` })
    .max(max, `${label}最多${max}个`)
    .refine(unique, `${label}中有重复的项目`);

export const rubricCriterionSchema = z
  .object({
    key: z
      .string({ error: '指标代码须为文字' })
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '指标代码须以字母开头，只含字母、数字或下划线，至多32个字符')
      // Scores are a map by criterion key: `constructor` would read as scored when it is not.
      .refine((k) => !(k in Object.prototype), '指标代码不能使用 constructor、toString 等保留名称，请换一个代码'),
    label: text('指标名称', 40, true),
    weight: z.number({ error: '权重须为数字' }).int('权重须为整数').min(1, '权重至少为 1').max(100, '权重不能超过 100'),
    max: z.number({ error: '满分须为数字' }).positive('满分须大于 0').max(1000, '满分不能超过 1000'),
  })
  .strict();
export type RubricCriterionView = z.infer<typeof rubricCriterionSchema>;

const rubricView = z.array(
  z.object({ key: z.string(), label: z.string(), weight: z.number(), max: z.number() }),
);

export const reviewCalendarView = z.object({
  reviewStart: z.string().nullable(),
  reviewEnd: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
});
export type ReviewCalendarView = z.infer<typeof reviewCalendarView>;

export const aggregateView = z.object({
  count: z.number(),
  average: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** max − min: a wide spread tells the 组织部 the reviewers disagree. */
  spread: z.number().nullable(),
});
export type AggregateView = z.infer<typeof aggregateView>;

/** One reviewer's part on one application, as the 组织部 sees it. */
export const assignmentView = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  reviewerCommitteeName: z.string().nullable(),
  scored: z.boolean(),
  total: z.number().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  comment: z.string().nullable(),
  scoredAt: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const roundApplication = z.object({
  projectId: z.string(),
  version: z.number(),
  title: z.string(),
  category: z.string().nullable(),
  state: z.enum(PROJECT_STATES),
  committeeId: z.string(),
  committeeName: z.string(),
  hostId: z.string(),
  hostName: z.string(),
  /** The committee's 推荐排序 and 推荐意见. */
  committeeRank: z.number().nullable(),
  committeeOpinion: z.string().nullable(),
  budgetTotal: z.number(),
  assignments: z.array(assignmentView),
  aggregate: aggregateView,
  /** Assigned reviewers who have not scored yet. */
  missingReviewers: z.array(z.object({ reviewerId: z.string(), reviewerName: z.string() })),
  grantFen: z.number().nullable(),
});
export type RoundApplication = z.infer<typeof roundApplication>;

/** A reviewer of the pool, with their load in this batch. */
export const reviewerView = z.object({
  _id: z.string(),
  name: z.string(),
  committeeId: z.string().nullable(),
  committeeName: z.string().nullable(),
  assigned: z.number(),
  scored: z.number(),
});
export type ReviewerView = z.infer<typeof reviewerView>;

export const roundStatus = z.object({
  batch: z.object({
    _id: z.string(),
    name: z.string(),
    year: z.number(),
    grantPerProject: z.number(),
    calendar: reviewCalendarView,
  }),
  rubric: rubricView,
  /** True while the batch has no rubric of its own (the suggested one applies). */
  rubricIsSuggested: z.boolean(),
  quota: z.number(),
  /** Places already taken: projects in 公示 or approved (and beyond) in this batch. */
  taken: z.number(),
  counts: z.object({
    recommended: z.number(),
    underReview: z.number(),
    inPublicity: z.number(),
    approved: z.number(),
    rejected: z.number(),
  }),
  /** Reviews across the applications under review: assigned and scored, and how many lack a reviewer or a score. */
  progress: z.object({ assigned: z.number(), scored: z.number(), unassigned: z.number(), incomplete: z.number() }),
  /** The committees with applications in the round (the list's filter), with how many each. */
  committees: z.array(z.object({ _id: z.string(), name: z.string(), count: z.number() })),
  /**
   * The applications the 公示 and 立项 cards name, whatever page the list is on: the suggestion,
   * the staged list and those in 公示 (each at most the batch's places).
   */
  shortlist: z.array(
    z.object({ projectId: z.string(), title: z.string(), state: z.enum(PROJECT_STATES), committeeName: z.string(), hostName: z.string(), average: z.number().nullable() }),
  ),
  /** 优中选优: the best-scored applications under review up to the places left; ties at the edge left to the 组织部. */
  suggestion: z.object({ selectedIds: z.array(z.string()), tiedIds: z.array(z.string()) }),
  /** The applications staged for the 公示 (review.stagePublicity), not yet released. */
  staged: z.array(z.string()),
  reviewWindowText: z.string(),
  publicityText: z.string().nullable(),
  /** finalize: decisions on the 公示 may be taken (a rejection at any time); approve: the 公示 has ended. */
  can: z.object({ open: z.boolean(), assign: z.boolean(), publicize: z.boolean(), finalize: z.boolean(), approve: z.boolean(), setRubric: z.boolean() }),
});
export type RoundStatus = z.infer<typeof roundStatus>;
export type ShortlistEntry = RoundStatus['shortlist'][number];

/** A reviewer's own score sheet. */
export const reviewView = z.object({
  projectId: z.string(),
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  total: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewView = z.infer<typeof reviewView>;

/** What a reviewer sees of an application assigned to them: what they need to judge it, and their own score. */
export const myAssignment = z.object({
  projectId: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  title: z.string(),
  committeeName: z.string(),
  hostName: z.string(),
  state: z.enum(PROJECT_STATES),
  fields: applicationFieldsSchema,
  committeeOpinion: z.string().nullable(),
  rubric: rubricView,
  reviewWindowText: z.string(),
  canScore: z.boolean(),
  /** Why scoring is closed, when it is. */
  blockedReason: z.string().nullable(),
  myReview: reviewView.nullable(),
});
export type MyAssignment = z.infer<typeof myAssignment>;

const titled = z.object({ projectId: z.string(), title: z.string() });
export type TitledProject = z.infer<typeof titled>;

export const publicityList = z.object({
  batchId: z.string(),
  batchName: z.string(),
  year: z.number(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  periodText: z.string().nullable(),
  /** Objections are accepted now. */
  open: z.boolean(),
  items: z.array(z.object({ projectId: z.string(), title: z.string(), category: z.string().nullable(), committeeName: z.string(), hostName: z.string() })),
});
export type PublicityList = z.infer<typeof publicityList>;

export const objectionView = z.object({
  _id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  projectState: z.enum(PROJECT_STATES),
  committeeName: z.string(),
  authorName: z.string(),
  authorCommitteeName: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  /** 异议处理: the 组织部's finding, null while it waits. */
  finding: z
    .object({
      verdict: z.enum(OBJECTION_VERDICTS),
      remedy: z.enum(OBJECTION_REMEDIES).nullable(),
      reason: z.string(),
      /** «异议成立，不予立项». */
      text: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type ObjectionView = z.infer<typeof objectionView>;

const byBatch = z.object({ batchId: idSchema }).strict();

export const reviewContracts = {
  'review.roundStatus': { input: byBatch, output: roundStatus },
  'review.setRubric': {
    input: z
      .object({
        batchId: idSchema,
        rubric: z.array(rubricCriterionSchema, { error: '评分细则须为指标列表' }).min(1, '评分细则至少需要一项指标').max(12, '评分指标最多12项'),
      })
      .strict(),
    output: z.object({ rubric: rubricView }),
  },
  'review.open': {
    input: z
      .object({ batchId: idSchema, reviewStart: date('评审开始日期').optional(), reviewEnd: date('评审截止日期').optional() })
      .strict()
      .refine((v) => (v.reviewStart === undefined) === (v.reviewEnd === undefined), { message: '评审开始和截止日期须同时填写', path: ['reviewEnd'] })
      .refine((v) => !v.reviewStart || !v.reviewEnd || v.reviewStart <= v.reviewEnd, { message: '评审截止日期不能早于开始日期', path: ['reviewEnd'] }),
    output: z.object({ opened: z.array(titled), underReview: z.number(), calendar: reviewCalendarView }),
  },
  'review.assign': {
    input: z
      .object({
        batchId: idSchema,
        projectId: idSchema,
        reviewerIds: z
          .array(idSchema, { error: '评审专家须为编号的列表' })
          .max(20, '每个项目最多分配20位评审专家')
          .refine(unique, '评审专家有重复'),
      })
      .strict(),
    output: z.object({ projectId: z.string(), assignments: z.array(assignmentView) }),
  },
  'review.autoAssign': {
    input: z
      .object({
        batchId: idSchema,
        perApplication: z.number({ error: '每个项目的评审人数须为数字' }).int('每个项目的评审人数须为整数').min(1, '每个项目至少1位评审专家').max(20, '每个项目最多20位评审专家'),
      })
      .strict(),
    output: z.object({
      assignments: z.array(z.object({ projectId: z.string(), title: z.string(), reviewerIds: z.array(z.string()) })),
      loads: z.array(z.object({ reviewerId: z.string(), reviewerName: z.string(), load: z.number() })),
      added: z.number(),
      removed: z.number(),
    }),
  },
  'review.myAssignments': { input: z.object({ batchId: idSchema.optional() }).strict(), output: z.array(myAssignment) },
  'review.score': {
    input: z
      .object({
        projectId: idSchema,
        scores: z
          .record(z.string().max(32, '指标代码过长'), z.number({ error: '得分须为数字' }), { error: '评分须为各指标的得分' })
          .refine((s) => Object.keys(s).length <= 12, '评分指标过多'),
        comment: text('评审意见', 1000),
        /** The version of the caller's score sheet, when editing one: a stale second device gets CONFLICT. */
        version: versionSchema.optional(),
      })
      .strict(),
    output: reviewView,
  },
  'review.publicize': {
    input: z
      .object({
        batchId: idSchema,
        projectIds: projectIds('公示项目', 200),
        publicityStart: date('公示开始日期'),
        publicityEnd: date('公示截止日期'),
        rejectReason: text('未入选理由', 200).optional(),
      })
      .strict()
      .refine((v) => v.publicityStart <= v.publicityEnd, { message: '公示截止日期不能早于开始日期', path: ['publicityEnd'] }),
    output: z.object({ publicized: z.array(titled), rejected: z.array(titled), publicityStart: z.string(), publicityEnd: z.string() }),
  },
  'review.publicityList': { input: byBatch, output: publicityList },
  'review.object': {
    input: z.object({ projectId: idSchema, text: text('异议内容', 1000, true) }).strict(),
    output: z.object({ _id: z.string(), createdAt: z.string(), message: z.string() }),
  },
  'review.objections': {
    input: z.object({ batchId: idSchema, projectId: idSchema.optional() }).strict(),
    output: z.array(objectionView),
  },
  /** 异议处理: the 组织部 records 成立 (不予立项 or 更正) or 不成立 with a reason; the objector is told. */
  'review.findObjection': {
    input: z
      .object({
        objectionId: idSchema,
        verdict: z.enum(OBJECTION_VERDICTS, { error: '请选择异议成立或不成立' }),
        remedy: z.enum(OBJECTION_REMEDIES, { error: '处理方式须为不予立项或予以更正' }).nullable(),
        reason: z.string({ error: '请写明核实情况和理由' }).max(FINDING_REASON_MAX * 2, `理由不超过${FINDING_REASON_MAX}字`),
      })
      .strict(),
    output: objectionView,
  },
  'review.finalize': {
    input: z
      .object({
        batchId: idSchema,
        approve: projectIds('立项项目', 200),
        reject: z
          .array(z.object({ projectId: idSchema, reason: text('不予立项理由', 500, true) }).strict(), { error: '不予立项须为项目和理由的列表' })
          .max(200, '不予立项最多200个')
          .refine((r) => unique(r.map((x) => x.projectId)), '不予立项中有重复的项目'),
      })
      .strict()
      .refine((v) => v.approve.length + v.reject.length > 0, { message: '请至少选择一个项目立项或不予立项', path: ['approve'] })
      .refine((v) => !v.reject.some((r) => v.approve.includes(r.projectId)), { message: '同一项目不能既立项又不予立项', path: ['reject'] }),
    output: z.object({ approved: z.array(titled.extend({ grantFen: z.number() })), rejected: z.array(titled) }),
  },
} as const;
