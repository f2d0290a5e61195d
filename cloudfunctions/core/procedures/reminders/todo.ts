import type { ParsedInputOf, OutputOf } from '@shared/contracts';
import type { TodoItem } from '@shared/contracts/reminders';
import { queueTotal } from '@shared/domain/queue/counts';
import { waitedDays, waitedText } from '@shared/domain/queue/wait';
import { daysLeft, formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import type { OutboxEntry } from '../../services/outbox';
import { readEvery } from './duties';
import { queueOf, type QueueEntry } from './queue';

function itemOf(e: QueueEntry, now: Date, interrupted: ReadonlySet<string>): TodoItem {
  const waited = e.deadline === null && e.since ? waitedDays(e.since, now) : null;
  return {
    kind: e.kind,
    title: e.title,
    detail: e.detail,
    count: e.count,
    deadline: e.deadline,
    deadlineText: e.deadline ? formatDeadline(e.deadline) : null,
    daysLeft: e.deadline ? daysLeft(e.deadline, now) : null,
    since: e.deadline === null ? e.since : null,
    waitedText: waited === null ? null : waitedText(waited),
    link: e.link,
    reminderInterrupted: e.deadline !== null && interrupted.has(`${e.kind}:${e.deadline}`),
  };
}

/** 我的待办: everything waiting on the caller, with or without a deadline, subscribed or not. */
export async function todoMine(ctx: Context, _input: ParsedInputOf<'todo.mine'>): Promise<OutputOf<'todo.mine'>> {
  const user = ctx.user;
  if (!user) return { count: 0, items: [] };
  const queue = await queueOf(ctx.store, user, ctx.now);
  // Which reminders stopped (no grant left): asked only when there is a reminded duty to mark.
  const interrupted = new Set(
    queue.every((e) => e.deadline === null)
      ? []
      : (await readEvery<OutboxEntry>(ctx.store, 'outbox', { recipientId: user._id, status: 'interrupted' })).filter((e) => e.kind === 'reminder').map((e) => `${e.duty}:${e.deadline}`),
  );
  const items = queue.map((e) => itemOf(e, ctx.now, interrupted));
  return { count: queueTotal(items), items };
}
