import { z } from 'zod';
import { EVENT_KINDS } from '../domain/messages/events';
import { DUTY_KINDS } from '../domain/reminders/duty';
import { empty, idSchema } from './common';

/**
 * 消息 (DESIGN.md "Messages"): every event that concerns a person, in the app whether or not
 * they allowed subscription messages; the release of a round's staged results; 催办.
 */

export const messageView = z.object({
  _id: z.string(),
  kind: z.enum(EVENT_KINDS),
  /** How the kind is named, e.g. 退回修改. */
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  /** The page it opens. */
  link: z.string(),
  createdAt: z.string(),
  /** "2026年11月27日 15:23" in Beijing time. */
  timeText: z.string(),
  read: z.boolean(),
});
export type MessageView = z.infer<typeof messageView>;

export const RELEASE_STAGE_VALUES = ['publicity', 'approval'] as const;
const stage = z.enum(RELEASE_STAGE_VALUES, { error: '发布的结果须为公示或立项' });
const byRelease = z.object({ batchId: idSchema, stage }).strict();

export const releaseGroup = z.object({
  kind: z.enum(EVENT_KINDS),
  label: z.string(),
  count: z.number(),
  /** The first messages of the kind as they will read (recipient and text). */
  samples: z.array(z.object({ recipientName: z.string(), title: z.string(), body: z.string() })),
});

export const nudgeCandidate = z.object({
  personId: z.string(),
  name: z.string(),
  duty: z.enum(DUTY_KINDS),
  title: z.string(),
  detail: z.string(),
  deadlineText: z.string(),
  /** Already nudged today (Beijing date): a second nudge waits for tomorrow. */
  nudgedToday: z.boolean(),
});
export type NudgeCandidate = z.infer<typeof nudgeCandidate>;

export const messagesContracts = {
  /** The caller's 消息: every unread one first (newest first), then a page of read ones. */
  'messages.list': {
    input: z.object({ readSkip: z.number({ error: '分页位置须为数字' }).int().min(0).max(100_000).optional() }).strict(),
    output: z.object({ unreadCount: z.number(), unread: z.array(messageView), read: z.array(messageView), moreRead: z.boolean() }),
  },
  /** The caller's unread count (home page, tab bar). */
  'messages.unreadCount': { input: empty, output: z.object({ count: z.number() }) },
  /** Marks one of the caller's messages read; another person's is NOT_FOUND. */
  'messages.markRead': { input: z.object({ id: idSchema.max(200, '编号过长') }).strict(), output: z.object({ unreadCount: z.number() }) },
  'messages.markAllRead': { input: empty, output: z.object({ marked: z.number(), unreadCount: z.number() }) },
  /** What a release of a round's results will send, grouped by kind, before anyone is told. */
  'release.preview': {
    input: byRelease,
    output: z.object({
      stage,
      state: z.enum(['none', 'staged', 'releasing', 'released']),
      held: z.number(),
      released: z.number(),
      groups: z.array(releaseGroup),
    }),
  },
  /** Releases the staged messages, exactly once; answers in steps (`remaining` > 0: call again). */
  'release.run': {
    input: byRelease,
    output: z.object({ released: z.number(), remaining: z.number(), totalReleased: z.number() }),
  },
  /** People the caller may nudge (own committee for a secretary, everyone for the 组织部). */
  'nudge.candidates': { input: empty, output: z.object({ items: z.array(nudgeCandidate) }) },
  /** 催办: at most once per person per Beijing day; counts reached by WeChat and in the app only. */
  'nudge.send': {
    input: z
      .object({
        personIds: z
          .array(idSchema, { error: '请选择要催办的人员' })
          .min(1, '请至少选择一位要催办的人员')
          .max(100, '一次最多催办100人')
          .refine((ids) => new Set(ids).size === ids.length, '催办人员有重复'),
      })
      .strict(),
    output: z.object({ wechat: z.number(), inApp: z.number(), skipped: z.array(z.object({ personId: z.string(), name: z.string() })) }),
  },
} as const;
