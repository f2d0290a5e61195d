import { z } from 'zod';
import { MAX_FEN, sumFen, type Fen } from '../money';
import { isCalendarDate } from '../../time/deadline';
import { FILE_ID_RE } from '../brand/report';
import { charCount, stripControlChars } from '../text';
import { phoneProblem } from '../phone';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** 项目类别 offered on the 申报书. */
export const PROJECT_CATEGORIES = [
  'theory',
  'organisation',
  'education',
  'service',
  'integration',
  'culture',
  'other',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
  theory: '理论学习与武装',
  organisation: '基层组织建设',
  education: '党员教育管理',
  service: '服务师生群众',
  integration: '党建与业务融合',
  culture: '校园文化育人',
  other: '其他',
};

export const LIMITS = {
  title: 40,
  contactPhone: 20,
  background: 3000,
  goals: 2000,
  measures: 5000,
  innovation: 2000,
  expectedOutcomes: 2000,
  milestoneTask: 200,
  milestones: 24,
  budgetItem: 50,
  budgetLines: 30,
  attachmentName: 100,
  attachments: 20,
} as const;

/** Labels of the 申报书's fields, used in messages that name a field. */
export const APPLICATION_FIELD_LABELS = {
  title: '项目名称',
  contactPhone: '联系电话',
  category: '项目类别',
  background: '实施背景与拟解决的问题',
  goals: '建设目标',
  measures: '建设思路与主要举措',
  innovation: '创新点',
  milestones: '进度安排',
  expectedOutcomes: '预期成果',
  budget: '经费预算',
  brandId: '所属党建品牌',
  attachments: '支撑材料',
} as const;
export type ApplicationField = keyof typeof APPLICATION_FIELD_LABELS;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .transform((s) => stripControlChars(s))
    .refine((s) => charCount(s) <= max, { message: `${label}不能超过${max}字` });

export const budgetLineSchema = z.object({
  item: text('预算科目', LIMITS.budgetItem),
  amountFen: z
    .number({ error: '预算金额须为数字' })
    .int('预算金额须精确到分')
    .min(0, '预算金额不能为负数')
    .max(MAX_FEN, '预算金额过大'),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const milestoneSchema = z.object({
  date: z.string({ error: '日期须为文字' }).refine((s) => s === '' || isCalendarDate(s), '进度安排的日期格式应为 YYYY-MM-DD'),
  task: text('进度安排的任务', LIMITS.milestoneTask),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** 支撑材料: a file in cloud storage (or on the local host's disk) with the name people see. */
export const attachmentSchema = z.object({
  fileId: z.string().regex(FILE_ID_RE, '附件标识无效，请重新上传'),
  name: text('附件名称', LIMITS.attachmentName),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES, '附件不能超过 20 MB'),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * What a host types into the 申报书 (附件2). Every field may be empty while it is a draft; the
 * sections added after the first release default to empty so older drafts still load.
 */
export const applicationFieldsSchema = z.object({
  title: text(APPLICATION_FIELD_LABELS.title, LIMITS.title).refine((s) => !/[\r\n]/.test(s), '项目名称不能换行'),
  // Kept as typed; its shape (phoneProblem) is checked at the field and on submission, so a draft
  // with a half-typed number still saves.
  contactPhone: text(APPLICATION_FIELD_LABELS.contactPhone, LIMITS.contactPhone).refine((s) => !/[\r\n]/.test(s), '联系电话不能换行'),
  category: z.enum(PROJECT_CATEGORIES, { error: '请选择项目类别' }).nullable(),
  background: text(APPLICATION_FIELD_LABELS.background, LIMITS.background).default(''),
  goals: text(APPLICATION_FIELD_LABELS.goals, LIMITS.goals),
  measures: text(APPLICATION_FIELD_LABELS.measures, LIMITS.measures),
  innovation: text(APPLICATION_FIELD_LABELS.innovation, LIMITS.innovation).default(''),
  milestones: z.array(milestoneSchema).max(LIMITS.milestones, `进度安排最多${LIMITS.milestones}项`).default([]),
  expectedOutcomes: text(APPLICATION_FIELD_LABELS.expectedOutcomes, LIMITS.expectedOutcomes),
  budget: z.array(budgetLineSchema).max(LIMITS.budgetLines, `经费预算最多${LIMITS.budgetLines}项`),
  /** The committee's party-building brand this project supports (党建精品项目是党建品牌的具体支撑). */
  brandId: z.string().max(64).nullable().default(null),
  attachments: z.array(attachmentSchema).max(LIMITS.attachments, `支撑材料最多${LIMITS.attachments}个`).default([]),
});
export type ApplicationFields = z.infer<typeof applicationFieldsSchema>;

export function emptyApplication(): ApplicationFields {
  return {
    title: '',
    contactPhone: '',
    category: null,
    background: '',
    goals: '',
    measures: '',
    innovation: '',
    milestones: [],
    expectedOutcomes: '',
    budget: [],
    brandId: null,
    attachments: [],
  };
}

/** A stored application with every section present (drafts saved before a section existed lack it). */
export function completeFields(stored: Partial<ApplicationFields>): ApplicationFields {
  return { ...emptyApplication(), ...stored };
}

export function budgetTotal(budget: readonly BudgetLine[]): Fen {
  return sumFen(budget.map((l) => l.amountFen));
}

export interface MissingField {
  field: ApplicationField;
  label: string;
  reason: string;
}

/** What still stands between a draft and a submission; empty when it can be submitted. */
export function missingForSubmission(fields: ApplicationFields): MissingField[] {
  const missing: MissingField[] = [];
  const need = (field: ApplicationField, ok: boolean, reason = '未填写') => {
    if (!ok) missing.push({ field, label: APPLICATION_FIELD_LABELS[field], reason });
  };
  need('title', fields.title.trim() !== '');
  need('contactPhone', fields.contactPhone.trim() !== '');
  const phone = phoneProblem(fields.contactPhone);
  if (phone) missing.push({ field: 'contactPhone', label: APPLICATION_FIELD_LABELS.contactPhone, reason: phone });
  missing.push(...overLimit(fields));
  need('category', fields.category !== null, '未选择');
  need('background', fields.background.trim() !== '');
  need('goals', fields.goals.trim() !== '');
  need('measures', fields.measures.trim() !== '');
  need('innovation', fields.innovation.trim() !== '');
  need('milestones', fields.milestones.length > 0, '至少填写一项');
  if (fields.milestones.some((m) => m.date === '' || m.task.trim() === '')) {
    missing.push({ field: 'milestones', label: APPLICATION_FIELD_LABELS.milestones, reason: '有进度安排缺少日期或任务' });
  }
  need('expectedOutcomes', fields.expectedOutcomes.trim() !== '');
  need('budget', fields.budget.length > 0, '至少填写一项');
  if (fields.budget.some((l) => l.item.trim() === '')) {
    missing.push({ field: 'budget', label: APPLICATION_FIELD_LABELS.budget, reason: '有预算科目未填写名称' });
  }
  return missing;
}

/** The 申报书's text fields, each with its limit in characters. */
export const TEXT_FIELDS = ['title', 'contactPhone', 'background', 'goals', 'measures', 'innovation', 'expectedOutcomes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * Text fields longer than their limit. Nothing typed is ever cut: the page shows the count and
 * marks the field, and a draft saves everything else (savableFields).
 */
export function overLimit(fields: ApplicationFields): MissingField[] {
  return TEXT_FIELDS.flatMap((field) => {
    const n = charCount(fields[field]);
    const max = LIMITS[field];
    return n > max ? [{ field, label: APPLICATION_FIELD_LABELS[field], reason: `超出${n - max}字（最多${max}字，现${n}字），请删减` }] : [];
  });
}

/** What a draft save sends: each field over its limit keeps its last saved text, the rest as typed. */
export function savableFields(fields: ApplicationFields, saved: ApplicationFields): ApplicationFields {
  const out = { ...fields };
  for (const field of TEXT_FIELDS) {
    if (charCount(fields[field]) > LIMITS[field]) out[field] = charCount(saved[field]) <= LIMITS[field] ? saved[field] : '';
  }
  return out;
}
