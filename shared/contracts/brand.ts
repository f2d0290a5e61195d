import { z } from 'zod';
import { PROMOTION_KINDS } from '../domain/brand/brand';
import { brandReportSchema, FILE_ID_RE } from '../domain/brand/report';
import { BRAND_STAGES } from '../domain/brand/stage';
import { BRAND_STATES } from '../domain/brand/state';
import { isCalendarDate } from '../time/deadline';
import { charCount, stripControlChars } from '../domain/text';
import { idSchema, versionSchema } from './common';
import { directionField, pageField, pageSizeField } from './paging';
import { LIBRARY_SORTS } from './lists';
import { arrivalSchema } from './influence';

const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label}须为文字` })
    .transform(stripControlChars)
    .refine((s) => charCount(s) <= max, `${label}不能超过${max}字`)
    .refine((s) => !required || s.trim() !== '', `请填写${label}`);
const date = z.string({ error: '日期须为文字' }).refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');
const year = z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效');
const fileIds = z.array(z.string().regex(FILE_ID_RE, '图片标识无效，请重新上传')).max(9, '最多9张照片');

export const timelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  actorName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const progressView = z.object({
  _id: z.string(),
  date: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
  stage: z.enum(BRAND_STAGES),
  authorName: z.string(),
});
export const eventView = z.object({
  _id: z.string(),
  kind: z.enum(PROMOTION_KINDS),
  date: z.string(),
  place: z.string(),
  report: z.string(),
});

export const brandView = z.object({
  _id: z.string(),
  version: z.number(),
  committeeId: z.string(),
  committeeName: z.string(),
  year: z.number(),
  state: z.enum(BRAND_STATES),
  report: brandReportSchema,
  cultivation: z.object({ plan: z.string(), leader: z.string(), cadre: z.string() }).nullable(),
  returnComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  promotedAt: z.string().nullable(),
  updatedAt: z.string(),
  progress: z.array(progressView),
  events: z.array(eventView),
  timeline: z.array(timelineEntry),
  /** The committee's flagship projects an activity carrier may link. */
  linkableProjects: z.array(z.object({ _id: z.string(), title: z.string(), year: z.number().nullable() })),
  /** Addresses of the pictures this brand refers to, by file id. */
  fileUrls: z.record(z.string(), z.string()),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), reopen: z.boolean(), cultivate: z.boolean(), promote: z.boolean(), addEvent: z.boolean() }),
});
export type BrandView = z.infer<typeof brandView>;

export const brandSummary = z.object({
  _id: z.string(),
  name: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  year: z.number(),
  state: z.enum(BRAND_STATES),
  stage: z.enum(BRAND_STAGES),
  updatedAt: z.string(),
});
export type BrandSummary = z.infer<typeof brandSummary>;

/** What anyone may see of a promoted brand: no personal data beyond the names chosen to show. */
export const publicBrand = z.object({
  _id: z.string(),
  name: z.string(),
  committeeName: z.string(),
  year: z.number(),
  logo: z.object({ url: z.string(), explanation: z.string() }).nullable(),
  connotation: z.string(),
  approach: z.string(),
  stage: z.enum(BRAND_STAGES),
  carriers: z.array(z.object({ title: z.string(), description: z.string(), photos: z.array(z.string()), projectTitle: z.string().nullable() })),
  influence: z.array(z.object({ kind: z.string(), title: z.string(), date: z.string(), link: z.string(), imageUrl: z.string().nullable() })),
  publicNames: z.array(z.string()),
  events: z.array(z.object({ kind: z.enum(PROMOTION_KINDS), date: z.string(), place: z.string(), report: z.string() })),
  promotedAt: z.string().nullable(),
});
export type PublicBrand = z.infer<typeof publicBrand>;

export const branchFeatureView = z.object({
  branchId: z.string(),
  branchName: z.string(),
  year: z.number(),
  name: z.string(),
  description: z.string(),
  version: z.number().nullable(),
});
export type BranchFeatureView = z.infer<typeof branchFeatureView>;

const versioned = z.object({ id: idSchema, version: versionSchema }).strict();

export const brandContracts = {
  'brand.mine': {
    input: z.object({ committeeId: idSchema.optional(), year: year.optional() }).strict(),
    output: z.object({ committeeId: z.string(), committeeName: z.string(), year: z.number(), brand: brandSummary.nullable() }),
  },
  'brand.create': { input: z.object({ committeeId: idSchema.optional(), year }).strict(), output: brandView },
  'brand.get': { input: z.object({ id: idSchema }).strict(), output: brandView },
  'brand.save': { input: z.object({ id: idSchema, version: versionSchema, report: brandReportSchema }).strict(), output: brandView },
  'brand.submit': { input: versioned, output: brandView },
  'brand.review': {
    input: z
      .object({ id: idSchema, version: versionSchema, decision: z.enum(['accept', 'return'], { error: '请选择认定或退回' }), comment: text('意见', 1000) })
      .strict()
      .refine((v) => v.decision === 'accept' || v.comment.trim() !== '', { message: '退回时请写明修改意见', path: ['comment'] }),
    output: brandView,
  },
  /** 党建品牌资源库: filtered, searched, sorted and paged on the server; `hasMore` for the phone's 加载更多. */
  'brand.library': {
    input: z
      .object({
        committeeId: idSchema.optional(),
        year: year.optional(),
        stage: z.enum(BRAND_STAGES, { error: '请选择有效的品牌阶段' }).optional(),
        state: z.enum(BRAND_STATES, { error: '请选择有效的品牌状态' }).optional(),
        keyword: z.string({ error: '关键词须为文字' }).max(40, '关键词过长').optional(),
        sort: z.enum(LIBRARY_SORTS, { error: '排序方式只能是更新时间、品牌名称、基层党委、年度、阶段或状态' }).default('updated'),
        direction: directionField.optional(),
        page: pageField,
        pageSize: pageSizeField,
      })
      .strict(),
    output: z.object({ items: z.array(brandSummary), hasMore: z.boolean(), total: z.number(), page: z.number(), pageSize: z.number() }),
  },
  'brand.setCultivation': {
    input: z
      .object({ id: idSchema, version: versionSchema, plan: text('培育计划', 3000, true), leader: text('联系领导', 40, true), cadre: text('包抓干部', 40, true) })
      .strict(),
    output: brandView,
  },
  'brand.addProgress': {
    input: z.object({ brandId: idSchema, date, text: text('培育进展', 2000, true), photos: fileIds, stage: z.enum(BRAND_STAGES) }).strict(),
    output: brandView,
  },
  'brand.promote': { input: versioned, output: brandView },
  'brand.addEvent': {
    input: z
      .object({ brandId: idSchema, kind: z.enum(PROMOTION_KINDS, { error: '请选择推广活动类型' }), date, place: text('地点', 100, true), report: text('活动简报', 2000, true) })
      .strict(),
    output: brandView,
  },
  /** `via`: how the page was opened, for counting the view (buffered; no store write in this answer). */
  'brand.public': { input: z.object({ id: idSchema, via: arrivalSchema.optional() }).strict(), output: publicBrand },
  'brand.posterCode': {
    input: z.object({ id: idSchema }).strict(),
    output: z.discriminatedUnion('kind', [z.object({ kind: z.literal('image'), url: z.string() }), z.object({ kind: z.literal('link'), path: z.string() })]),
  },
  'brand.publicList': {
    input: z.object({}).strict(),
    /** logoUrl: the 标识's address once its content check passed, else null. */
    output: z.array(z.object({ _id: z.string(), name: z.string(), committeeName: z.string(), year: z.number(), logoUrl: z.string().nullable() })),
  },
  'branchFeature.list': {
    input: z.object({ committeeId: idSchema.optional(), year }).strict(),
    output: z.object({ committeeId: z.string(), committeeName: z.string(), items: z.array(branchFeatureView) }),
  },
  'branchFeature.save': {
    input: z
      .object({ branchId: idSchema, year, name: text('支部特色名称', 20, true), description: text('特色简介', 1000), version: versionSchema.nullable() })
      .strict(),
    output: branchFeatureView,
  },
} as const;
