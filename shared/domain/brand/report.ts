import { z } from 'zod';
import { isCalendarDate } from '../../time/deadline';
import { charCount, stripControlChars } from '../text';
import { BRAND_NAME_MESSAGES, brandNameProblem } from './name';
import { BRAND_STAGES } from './stage';

/** 社会影响 entries: media coverage, awards, recognition. */
export const INFLUENCE_KINDS = ['coverage', 'award', 'recognition'] as const;
export type InfluenceKind = (typeof INFLUENCE_KINDS)[number];
export const INFLUENCE_KIND_LABELS: Record<InfluenceKind, string> = {
  coverage: '媒体报道',
  award: '荣誉奖项',
  recognition: '认可与推广',
};

export const BRAND_LIMITS = {
  logoExplanation: 300,
  connotation: 3000,
  approach: 3000,
  carrierTitle: 40,
  carrierDescription: 1000,
  carriers: 30,
  photos: 9,
  influenceTitle: 60,
  influence: 50,
  link: 500,
  problems: 2000,
  publicNames: 20,
  publicName: 20,
} as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .transform(stripControlChars)
    .refine((s) => charCount(s) <= max, { message: `${label}不能超过${max}字` });

/** `cloud://…` (WeChat cloud storage) or `local:…` (the local host's disk). */
export const FILE_ID_RE = /^(local:[A-Za-z0-9][A-Za-z0-9._-]{0,120}|cloud:\/\/[^\s\u0000-\u001f\u007f-\u009f\ud800-\udfff]{1,280})$/u;

/** An http(s) address without spaces, control characters or lone surrogates. */
export const LINK_RE = /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f\ud800-\udfff]+$/u;
const fileId = z.string().regex(FILE_ID_RE, '图片标识无效，请重新上传');

/** The name is checked by the one rule everywhere; an empty name is allowed while drafting. */
export const brandNameSchema = z
  .string({ error: '品牌名称须为文字' })
  .transform((s) => stripControlChars(s).trim())
  .superRefine((s, ctx) => {
    const problem = s === '' ? null : brandNameProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: BRAND_NAME_MESSAGES[problem] });
  });

export const LINK_MESSAGE = '链接须以 http:// 或 https:// 开头';

/** What is wrong with a link as typed; null for an empty or a good one. */
export function linkProblem(link: string): string | null {
  if (link === '') return null;
  if (link.length > BRAND_LIMITS.link) return '链接过长';
  return LINK_RE.test(link) ? null : LINK_MESSAGE;
}

const link = z
  .string()
  .max(BRAND_LIMITS.link, '链接过长')
  .refine((s) => s === '' || LINK_RE.test(s), LINK_MESSAGE);

export const carrierSchema = z.object({
  title: text('活动载体名称', BRAND_LIMITS.carrierTitle),
  description: text('活动载体介绍', BRAND_LIMITS.carrierDescription),
  /** A flagship project of the same committee that carries the brand. */
  projectId: z.string().max(64).nullable(),
  photos: z.array(fileId).max(BRAND_LIMITS.photos, `每个活动最多${BRAND_LIMITS.photos}张照片`),
});
export type Carrier = z.infer<typeof carrierSchema>;

export const influenceSchema = z.object({
  kind: z.enum(INFLUENCE_KINDS, { error: '请选择社会影响的类别' }),
  title: text('社会影响条目', BRAND_LIMITS.influenceTitle),
  date: z.string().refine((s) => s === '' || isCalendarDate(s), '日期格式应为 YYYY-MM-DD'),
  link,
  imageId: fileId.nullable(),
});
export type InfluenceEntry = z.infer<typeof influenceSchema>;

/** 附件1 基层党委（总支）党建品牌创建工作情况报告, organised by the "五有" standard. */
export const brandReportSchema = z.object({
  name: brandNameSchema,
  logo: z.object({ fileId, explanation: text('标识释义', BRAND_LIMITS.logoExplanation) }).nullable(),
  connotation: text('品牌内涵', BRAND_LIMITS.connotation),
  approach: text('创建思路', BRAND_LIMITS.approach),
  stage: z.enum(BRAND_STAGES, { error: '请选择当前所处阶段' }),
  carriers: z.array(carrierSchema).max(BRAND_LIMITS.carriers, `活动载体最多${BRAND_LIMITS.carriers}项`),
  influence: z.array(influenceSchema).max(BRAND_LIMITS.influence, `社会影响最多${BRAND_LIMITS.influence}条`),
  problems: text('存在问题与下一步', BRAND_LIMITS.problems),
  /** Names of people the committee chooses to show on the public page (e.g. 品牌负责人). */
  publicNames: z
    .array(text('公开署名', BRAND_LIMITS.publicName).refine((s) => s.trim() !== '', '公开署名不能为空'))
    .max(BRAND_LIMITS.publicNames, `公开署名最多${BRAND_LIMITS.publicNames}个`),
});
export type BrandReport = z.infer<typeof brandReportSchema>;

export function emptyBrandReport(): BrandReport {
  return { name: '', logo: null, connotation: '', approach: '', stage: 'practice', carriers: [], influence: [], problems: '', publicNames: [] };
}

/** The "五有" standard, each a section that must be there before the report is submitted. */
export const FIVE_HAS = {
  name: '有鲜明的品牌名称',
  connotation: '有深刻的品牌内涵',
  approach: '有明确的创建思路',
  carriers: '有丰富的活动载体',
  influence: '有广泛的社会影响',
} as const;
export type FiveHas = keyof typeof FIVE_HAS;

export interface MissingSection {
  section: FiveHas;
  label: string;
  reason: string;
}

export function missingFiveHas(report: BrandReport): MissingSection[] {
  const out: MissingSection[] = [];
  const need = (section: FiveHas, ok: boolean, reason: string) => {
    if (!ok) out.push({ section, label: FIVE_HAS[section], reason });
  };
  const nameProblem = brandNameProblem(report.name);
  need('name', nameProblem === null, nameProblem ? BRAND_NAME_MESSAGES[nameProblem] : '');
  need('connotation', report.connotation.trim() !== '', '请填写品牌内涵');
  need('approach', report.approach.trim() !== '', '请填写创建思路');
  need('carriers', report.carriers.length > 0 && report.carriers.every((c) => c.title.trim() !== ''), '至少填写一项活动载体，且每项都有名称');
  need(
    'influence',
    report.influence.length > 0 && report.influence.every((i) => i.title.trim() !== '' && (i.link !== '' || i.imageId !== null)),
    '至少填写一条社会影响，且每条都附链接或图片',
  );
  const badLinks = report.influence.filter((i) => linkProblem(i.link) !== null).length;
  if (badLinks > 0) out.push({ section: 'influence', label: FIVE_HAS.influence, reason: `${badLinks}条社会影响的${LINK_MESSAGE}` });
  return out;
}

/**
 * What an autosave of the report sends: a link that is not a link yet keeps its last saved value
 * (or none), so one bad link does not stop the rest of the report from saving; the page marks it.
 */
export function savableReport(report: BrandReport, saved: BrandReport): BrandReport {
  if (report.influence.every((i) => linkProblem(i.link) === null)) return report;
  return {
    ...report,
    influence: report.influence.map((entry, i) => {
      if (linkProblem(entry.link) === null) return entry;
      const before = saved.influence[i]?.link ?? '';
      return { ...entry, link: linkProblem(before) === null ? before : '' };
    }),
  };
}
