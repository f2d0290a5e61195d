import { z } from 'zod';
import { CHANNELS, SHARE_KINDS } from '../domain/influence/channel';
import { TARGET_KINDS } from '../domain/influence/counts';
import { idSchema } from './common';

/** How a public page was opened: the scene on WeChat, the `from=` mark and referrer on the web. */
export const arrivalSchema = z
  .object({
    scene: z.number({ error: '场景值须为数字' }).int('场景值须为整数').min(0).max(100_000).nullable().optional(),
    inApp: z.boolean({ error: 'inApp 须为布尔值' }).optional(),
    from: z.string({ error: '来源标记须为文字' }).max(40, '来源标记过长').nullable().optional(),
    referrer: z.string({ error: '来源地址须为文字' }).max(1000, '来源地址过长').nullable().optional(),
  })
  .strict();

export const targetSchema = z.object({ kind: z.enum(TARGET_KINDS, { error: '只能是品牌或项目' }), id: idSchema }).strict();

const likeState = z.object({ liked: z.boolean(), likes: z.number() });

const channelCounts = z.object(Object.fromEntries(CHANNELS.map((c) => [c, z.number()])) as Record<(typeof CHANNELS)[number], z.ZodNumber>);
const shareCounts = z.object(Object.fromEntries(SHARE_KINDS.map((k) => [k, z.number()])) as Record<(typeof SHARE_KINDS)[number], z.ZodNumber>);

/** A page's measured influence: all-time totals, views by channel, the last 90 days, the last fold. */
export const influenceFigures = z.object({
  totals: z.object({ views: z.number(), visitors: z.number(), shares: z.number(), likes: z.number() }),
  byChannel: channelCounts,
  shares: shareCounts,
  /** Oldest first, one entry per day up to today (Asia/Shanghai). */
  series: z.array(z.object({ day: z.string(), views: z.number(), visitors: z.number() })),
  /** When the timed job last folded buffered views into the figures; null before the first fold. */
  lastFoldAt: z.string().nullable(),
});
export type InfluenceFigures = z.output<typeof influenceFigures>;

export const wallItem = z.object({
  _id: z.string(),
  name: z.string(),
  committeeName: z.string(),
  logoUrl: z.string().nullable(),
  views: z.number(),
  likes: z.number(),
  score: z.number(),
  /** Views of the last 30 days, oldest first. */
  spark: z.array(z.number()),
});
export type WallItem = z.output<typeof wallItem>;

export const influenceContracts = {
  /** A share hook fired (chat, Moments) or a poster was saved to the album. Buffered: no store write per call. */
  'influence.share': { input: z.object({ target: targetSchema, kind: z.enum(SHARE_KINDS, { error: '分享方式无效' }) }).strict(), output: z.object({ counted: z.boolean() }) },
  /** 点赞, or takes one's like back: one per WeChat user or browser and page; only on a public page. */
  'influence.like': { input: z.object({ target: targetSchema }).strict(), output: likeState },
  /** The page's likes and whether this caller liked it. */
  'influence.likes': { input: z.object({ target: targetSchema }).strict(), output: likeState },
  'brand.influence': { input: z.object({ brandId: idSchema }).strict(), output: influenceFigures },
  'project.influence': { input: z.object({ projectId: idSchema }).strict(), output: influenceFigures },
  /** 品牌墙: every promoted brand, ranked by this year's views and likes. */
  'brand.wall': {
    input: z.object({}).strict(),
    output: z.object({ year: z.number(), formula: z.string(), items: z.array(wallItem), lastFoldAt: z.string().nullable() }),
  },
} as const;
