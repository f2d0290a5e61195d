import { z } from 'zod';
import { MAX_FEN, sumFen, type Fen } from '../money';
import { charCount, stripControlChars } from '../text';

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
  goals: 2000,
  measures: 5000,
  expectedOutcomes: 2000,
  budgetItem: 50,
  budgetLines: 30,
} as const;

/** Labels of the 申报书's fields, used in messages that name a field. */
export const APPLICATION_FIELD_LABELS = {
  title: '项目名称',
  contactPhone: '联系电话',
  category: '项目类别',
  goals: '建设目标',
  measures: '主要内容与举措',
  expectedOutcomes: '预期成果',
  budget: '经费预算',
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

/** What a host types into the 申报书. Every field may be empty while it is a draft. */
export const applicationFieldsSchema = z.object({
  title: text(APPLICATION_FIELD_LABELS.title, LIMITS.title).refine((s) => !/[\r\n]/.test(s), '项目名称不能换行'),
  contactPhone: text(APPLICATION_FIELD_LABELS.contactPhone, LIMITS.contactPhone).refine(
    (s) => s === '' || /^[0-9+\-\s]{5,20}$/.test(s),
    '联系电话格式不正确，请填写手机号或座机号',
  ),
  category: z.enum(PROJECT_CATEGORIES, { error: '请选择项目类别' }).nullable(),
  goals: text(APPLICATION_FIELD_LABELS.goals, LIMITS.goals),
  measures: text(APPLICATION_FIELD_LABELS.measures, LIMITS.measures),
  expectedOutcomes: text(APPLICATION_FIELD_LABELS.expectedOutcomes, LIMITS.expectedOutcomes),
  budget: z.array(budgetLineSchema).max(LIMITS.budgetLines, `经费预算最多${LIMITS.budgetLines}项`),
});
export type ApplicationFields = z.infer<typeof applicationFieldsSchema>;

export function emptyApplication(): ApplicationFields {
  return { title: '', contactPhone: '', category: null, goals: '', measures: '', expectedOutcomes: '', budget: [] };
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
  need('category', fields.category !== null, '未选择');
  need('goals', fields.goals.trim() !== '');
  need('measures', fields.measures.trim() !== '');
  need('expectedOutcomes', fields.expectedOutcomes.trim() !== '');
  need('budget', fields.budget.length > 0, '至少填写一项');
  if (fields.budget.some((l) => l.item.trim() === '')) {
    missing.push({ field: 'budget', label: APPLICATION_FIELD_LABELS.budget, reason: '有预算科目未填写名称' });
  }
  return missing;
}
