import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { MessageView } from '@shared/contracts/messages';
import { EVENT_LABELS } from '@shared/domain/messages/events';
import { formatInstant } from '@shared/time/deadline';
import type { Context } from '../../context';
import { StoreError, type StoreOps } from '../../ports/store';
import type { OutboxEntry } from '../../services/outbox';
import { pool } from '../../jobs/deliver';

const READ_PAGE = 20;
/** Unread ones shown at once; beyond that the list says how many more there are. */
const UNREAD_PAGE = 100;

const mine = (userId: string, read: boolean) => ({ recipientId: userId, box: 'inbox' as const, read });

function toView(e: OutboxEntry): MessageView {
  return { _id: e._id, kind: e.kind, kindLabel: EVENT_LABELS[e.kind], title: e.title, body: e.body, link: e.link, createdAt: e.createdAt, timeText: formatInstant(e.createdAt), read: e.read };
}

function requireUser(ctx: Context) {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}

const unreadCountOf = (store: StoreOps, userId: string) => store.count('outbox', mine(userId, false));

/** 消息: unread first, then read, each newest first; only the caller's own, never a staged one. */
export async function listMessages(ctx: Context, input: ParsedInputOf<'messages.list'>): Promise<OutputOf<'messages.list'>> {
  const user = requireUser(ctx);
  const newest = [{ field: 'createdAt', direction: 'desc' as const }];
  const [unreadCount, unread, read] = await Promise.all([
    unreadCountOf(ctx.store, user._id),
    ctx.store.find<OutboxEntry>('outbox', { where: mine(user._id, false), orderBy: newest, limit: UNREAD_PAGE }),
    ctx.store.find<OutboxEntry>('outbox', { where: mine(user._id, true), orderBy: newest, limit: READ_PAGE + 1, skip: input.readSkip ?? 0 }),
  ]);
  return { unreadCount, unread: unread.map(toView), read: read.slice(0, READ_PAGE).map(toView), moreRead: read.length > READ_PAGE };
}

export async function unreadCount(ctx: Context): Promise<OutputOf<'messages.unreadCount'>> {
  return { count: await unreadCountOf(ctx.store, requireUser(ctx)._id) };
}

/** Marks one message read. Someone else's (or a staged one) is "not found": its existence is not revealed. */
export async function markRead(ctx: Context, input: ParsedInputOf<'messages.markRead'>): Promise<OutputOf<'messages.markRead'>> {
  const user = requireUser(ctx);
  const entry = await ctx.store.get<OutboxEntry>('outbox', input.id);
  if (!entry || entry.recipientId !== user._id || entry.box !== 'inbox') throw new AppError('NOT_FOUND', '没有找到这条消息，请返回消息列表刷新');
  if (!entry.read) {
    try {
      await ctx.store.update<OutboxEntry>('outbox', entry._id, entry.version, { read: true, readAt: ctx.now.toISOString() });
    } catch (err) {
      // The sender updated it meanwhile (or another tap read it): read again once.
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
      const again = await ctx.store.get<OutboxEntry>('outbox', entry._id);
      if (again && !again.read) await ctx.store.update<OutboxEntry>('outbox', again._id, again.version, { read: true, readAt: ctx.now.toISOString() });
    }
  }
  return { unreadCount: await unreadCountOf(ctx.store, user._id) };
}

export async function markAllRead(ctx: Context): Promise<OutputOf<'messages.markAllRead'>> {
  const user = requireUser(ctx);
  const at = ctx.now.toISOString();
  let marked = 0;
  // Pages until none is left unread; a message changed meanwhile is picked up by the next page.
  for (let round = 0; round < 50; round++) {
    const page = await ctx.store.find<OutboxEntry>('outbox', { where: mine(user._id, false), limit: 100 });
    if (page.length === 0) break;
    await pool(page, 10, async (e) => {
      try {
        await ctx.store.update<OutboxEntry>('outbox', e._id, e.version, { read: true, readAt: at });
        marked += 1;
      } catch (err) {
        if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
      }
    });
  }
  return { marked, unreadCount: await unreadCountOf(ctx.store, user._id) };
}
