import type { ParsedInputOf, OutputOf } from '@shared/contracts';
import type { TodoItem } from '@shared/contracts/reminders';
import { daysLeft, formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { OutboxEntry } from '../../services/outbox';
import { dutiesOf, readEvery } from './duties';

/** 我的待办: every open duty of the caller, counted down in Beijing time, subscribed or not. */
export async function todoMine(ctx: Context, _input: ParsedInputOf<'todo.mine'>): Promise<OutputOf<'todo.mine'>> {
  const user = ctx.user;
  if (!user) return { count: 0, items: [] };
  const duties = await dutiesOf(ctx.store, user, ctx.now);
  // Which reminders stopped (no grant left): asked only when there is a duty to mark.
  const interrupted = new Set(
    duties.length === 0
      ? []
      : (await readEvery<OutboxEntry>(ctx.store, 'outbox', { recipientId: user._id, status: 'interrupted' })).filter((e) => e.kind === 'reminder').map((e) => `${e.duty}:${e.deadline}`),
  );
  const items: TodoItem[] = duties.map((d) => ({
    kind: d.kind,
    title: d.title,
    detail: d.detail,
    deadline: d.deadline,
    deadlineText: formatDeadline(d.deadline),
    daysLeft: daysLeft(d.deadline, ctx.now),
    link: d.link,
    reminderInterrupted: interrupted.has(`${d.kind}:${d.deadline}`),
  }));
  return { count: items.length, items };
}

/** How many open duties the caller has (the home page's badge): todo.mine's count, without the items' reminder marks. */
export async function todoCount(ctx: Context): Promise<number> {
  return ctx.user ? (await dutiesOf(ctx.store, ctx.user, ctx.now)).length : 0;
}
