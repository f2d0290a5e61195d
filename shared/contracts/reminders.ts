import { z } from 'zod';
import { QUEUE_KINDS } from '../domain/queue/kinds';
import { empty } from './common';

/**
 * Deadline reminders (DESIGN.md "Reminders"): 我的待办 for everyone, the one-time subscription
 * grants the phone records, and the scheduler's run on demand (local host, admin).
 */

export { DUTY_KINDS, type DutyKind } from '../domain/reminders/duty';

/** wx.requestSubscribeMessage answers one of these per template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

const templateKey = z.string({ error: '模板代码须为文字' }).regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '模板代码格式有误');

export const todoItem = z.object({
  kind: z.enum(QUEUE_KINDS),
  title: z.string(),
  detail: z.string(),
  /** How many things the item stands for (applications, projects, people): its share of every count. */
  count: z.number(),
  /** YYYY-MM-DD, a date in Beijing time holding until 23:59:59 there; null for work without a calendar date. */
  deadline: z.string().nullable(),
  /** "2022年6月29日 23:59（北京时间）". */
  deadlineText: z.string().nullable(),
  /** Calendar days left in Beijing time: 0 on the day. */
  daysLeft: z.number().nullable(),
  /** Without a deadline: since when the oldest of it has waited (ISO), and that in words ("已等待 3 天"). */
  since: z.string().nullable(),
  waitedText: z.string().nullable(),
  /** The page where the work is done, already filtered to it, e.g. "/packages/admin/funded/index?batchId=b1&tranche=1". */
  link: z.string(),
  /**
   * A reminder of this item whose send was interrupted (the job stopped after claiming it):
   * it was perhaps not delivered, so the item says so instead of sending again.
   */
  reminderInterrupted: z.boolean(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const grantView = z.object({
  templateKey: z.string(),
  /** Messages of this template the server may still send (one per accepted tap). */
  remaining: z.number(),
  lastResult: z.enum(SUBSCRIBE_RESULTS).nullable(),
});
export type GrantView = z.infer<typeof grantView>;

export const runSummary = z.object({
  asOf: z.string(),
  /** Reminders due now by the plan (before dropping those already queued). */
  planned: z.number(),
  /** Newly written to the outbox by this run. */
  queued: z.number(),
  /** Messages written out of notices addressed to a committee's secretaries (one per secretary). */
  fannedOut: z.number(),
  sent: z.number(),
  /** No grant left (or 43101): shown in 我的待办 only. */
  skippedNoGrant: z.number(),
  /** Bad data (47003) or retries exhausted: logged, marked failed. */
  failed: z.number(),
  /** Found 'sending' from an earlier run that stopped mid-send: never resent (at most once). */
  interrupted: z.number(),
  /** Transient errors: left to retry after a backoff. */
  retried: z.number(),
});
export type RunSummary = z.infer<typeof runSummary>;

export const remindersContracts = {
  /**
   * 我的待办: everything waiting on the caller, with or without a deadline; works with or without
   * subscriptions. `count` is queueTotal(items): the figure every badge and card shows.
   */
  'todo.mine': {
    input: empty,
    output: z.object({ count: z.number(), items: z.array(todoItem) }),
  },
  /** Records the answers of wx.requestSubscribeMessage: accept adds one message, the others are noted. */
  'subscribe.record': {
    input: z
      .object({
        results: z
          .record(templateKey, z.enum(SUBSCRIBE_RESULTS, { error: '订阅结果无效' }))
          .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, '一次最多记录3个模板的订阅结果'),
      })
      .strict(),
    output: z.object({ grants: z.array(grantView) }),
  },
  /** The templates the phone should ask for (at most 3, WeChat's limit per request), with the caller's grants. */
  'subscribe.templates': {
    input: empty,
    output: z.object({
      templates: z.array(z.object({ key: z.string(), templateId: z.string(), title: z.string() })).max(3),
      grants: z.array(grantView),
    }),
  },
  /** Runs the reminder job now, "as of" a moment when given (local host and tests). */
  'scheduler.run': {
    input: z.object({ asOf: z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).optional() }).strict(),
    output: runSummary,
  },
} as const;
