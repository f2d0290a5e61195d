import type { ParsedInputOf, OutputOf } from '@shared/contracts';
import type { GrantView } from '@shared/contracts/reminders';
import { AppError } from '@shared/contracts/errors';
import type { Context } from '../../context';
import { grantId, type SubscriptionGrant } from '../../jobs/reminder-docs';
import { StoreError, type StoreOps } from '../../ports/store';
import { readEvery } from './duties';

async function grantsOf(store: StoreOps, userId: string, templateKeys: readonly string[]): Promise<GrantView[]> {
  const stored = new Map((await readEvery<SubscriptionGrant>(store, 'subscriptions', { userId })).map((g) => [g.templateKey, g]));
  return templateKeys.map((templateKey) => {
    const g = stored.get(templateKey);
    return { templateKey, remaining: g?.remaining ?? 0, lastResult: g?.lastResult ?? null };
  });
}

/** The templates to ask for (WeChat allows 3 per request) and how many messages each may still carry. */
export async function subscribeTemplates(ctx: Context, _input: ParsedInputOf<'subscribe.templates'>): Promise<OutputOf<'subscribe.templates'>> {
  const templates = ctx.reminderConfig.templates.slice(0, 3).map((t) => ({ key: t.key, templateId: t.id, title: t.title }));
  const grants = ctx.user ? await grantsOf(ctx.store, ctx.user._id, templates.map((t) => t.key)) : [];
  return { templates, grants };
}

/** Records wx.requestSubscribeMessage's answers: 'accept' adds one message; the others are noted only. */
export async function subscribeRecord(ctx: Context, input: ParsedInputOf<'subscribe.record'>): Promise<OutputOf<'subscribe.record'>> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const known = new Set(ctx.reminderConfig.templates.map((t) => t.key));
  const keys = Object.keys(input.results);
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) throw new AppError('VALIDATION', `未知的订阅消息模板：${unknown.join('、')}`);
  const at = ctx.now.toISOString();
  // One transaction for every template's answer: all counted or none (a retry must not count twice).
  await ctx.store.transaction(async (tx) => {
    for (const key of keys) {
      const result = input.results[key];
      const id = grantId(user._id, key);
      // Taps on two phones at once: re-read and retry on a version conflict.
      for (let attempt = 0; ; attempt++) {
        const g = await tx.get<SubscriptionGrant>('subscriptions', id);
        try {
          if (!g) {
            await tx.insert<SubscriptionGrant>('subscriptions', { _id: id, userId: user._id, templateKey: key, remaining: result === 'accept' ? 1 : 0, lastResult: result, updatedAt: at });
          } else {
            // A ban turns the template off on WeChat's side: nothing can be sent until it is allowed again.
            const remaining = result === 'accept' ? g.remaining + 1 : result === 'ban' ? 0 : g.remaining;
            await tx.update<SubscriptionGrant>('subscriptions', id, g.version, { remaining, lastResult: result, updatedAt: at });
          }
          break;
        } catch (err) {
          const retry = err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE') && attempt < 3;
          if (!retry) throw err;
        }
      }
    }
  });
  return { grants: await grantsOf(ctx.store, user._id, ctx.reminderConfig.templates.map((t) => t.key)) };
}
