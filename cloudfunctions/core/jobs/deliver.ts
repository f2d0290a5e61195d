import type { User } from '@shared/domain/person';
import { eventTemplate, messageLines, renderMessage, templateFor, type MessageTemplate, type ReminderConfig } from '@shared/domain/reminders/templates';
import type { Notifier, SendOutcome } from '../ports/notifier';
import { StoreError, type Store } from '../ports/store';
import { readEvery } from '../procedures/reminders/duties';
import type { OutboxEntry } from '../services/outbox';
import { getMany } from '../services/read-many';
import { grantId, type SubscriptionGrant } from './reminder-docs';

export interface DeliveryDeps {
  store: Store;
  notifier: Notifier;
  config: ReminderConfig;
  now: Date;
  logger?: { error(message: string, detail?: unknown): void };
  /** Sends in flight at once. */
  concurrency?: number;
  /** A 'sending' entry older than this belongs to a run that stopped; younger ones may be a run in progress. */
  leaseMs?: number;
  maxAttempts?: number;
}

export interface DeliveryCounts {
  sent: number;
  /** No grant left (or 43101): in 消息 / 我的待办 only. */
  skippedNoGrant: number;
  failed: number;
  interrupted: number;
  retried: number;
}

export const emptyCounts = (): DeliveryCounts => ({ sent: 0, skippedNoGrant: 0, failed: 0, interrupted: 0, retried: 0 });

const MINUTE = 60_000;
/** Transient failures wait 5, 10, 20, 40 minutes. */
export const backoffMs = (attempts: number) => 5 * MINUTE * 2 ** Math.max(0, attempts - 1);

/** Runs `fn` over `items` with at most `n` in flight. */
export async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** The template an entry goes by: its duty's for reminders and nudges, the event template otherwise. */
export function templateOf(config: ReminderConfig, entry: Pick<OutboxEntry, 'duty'>): MessageTemplate {
  return entry.duty ? templateFor(config, entry.duty) : eventTemplate(config);
}

/** Entries claimed by a run that stopped (older than the lease): never resent, reported once. */
export async function recoverInterrupted(deps: DeliveryDeps, counts: DeliveryCounts): Promise<void> {
  const lease = deps.leaseMs ?? 2 * MINUTE;
  for (const e of await readEvery<OutboxEntry>(deps.store, 'outbox', { status: 'sending' })) {
    if (e.claimedAt && deps.now.getTime() - Date.parse(e.claimedAt) < lease) continue;
    try {
      await deps.store.update<OutboxEntry>('outbox', e._id, e.version, { status: 'interrupted', lastError: '发送过程中断，未重发（至多一次）' });
      counts.interrupted += 1;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
    }
  }
}

/** Every entry due to be sent now (pending, past its backoff). */
export const readyEntries = (deps: DeliveryDeps) =>
  readEvery<OutboxEntry>(deps.store, 'outbox', { status: 'pending', nextAttemptAt: { $lte: deps.now.toISOString() } });

/**
 * THE sender, for reminders, events and nudges alike: claim → send → settle, one entry at a
 * time with bounded concurrency. Answers each entry's final status by id.
 *
 * AT MOST ONCE. An entry is claimed — status 'sending', written with a versioned update inside
 * the same transaction that spends one of the person's grants — BEFORE the notifier is called.
 * Whatever stops the run afterwards, the entry is left 'sending' and a later run reports it
 * 'interrupted' instead of sending it again. Two runs cannot both claim it (versioned write).
 * The message itself stays in 消息 whatever happens to the subscription message.
 *
 * `stillDue` drops an entry as obsolete before it is sent (a reminder whose duty is done).
 */
export async function deliver(deps: DeliveryDeps, entries: readonly OutboxEntry[], counts: DeliveryCounts, stillDue: (e: OutboxEntry) => boolean = () => true): Promise<Map<string, OutboxEntry['status']>> {
  const { store, config, now } = deps;
  const at = now.toISOString();
  const log = deps.logger ?? { error: (m: string, d?: unknown) => console.error(m, d) };
  const outcome = new Map<string, OutboxEntry['status']>();
  // One read per hundred people for their profiles and grants, instead of one each.
  const [users, grants] = await Promise.all([
    getMany<User>(store, 'users', entries.map((e) => e.recipientId)),
    getMany<SubscriptionGrant>(store, 'subscriptions', entries.map((e) => grantId(e.recipientId, templateOf(config, e).key))),
  ]);

  const mark = async (entry: OutboxEntry, patch: Partial<OutboxEntry>): Promise<void> => {
    try {
      await store.update<OutboxEntry>('outbox', entry._id, entry.version, patch);
    } catch (err) {
      // Read in 消息 meanwhile (the only other writer of a claimed entry): apply to the new version.
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
      const current = await store.get<OutboxEntry>('outbox', entry._id);
      if (!current || current.status !== entry.status) throw err;
      await store.update<OutboxEntry>('outbox', entry._id, current.version, patch);
    }
    if (patch.status) outcome.set(entry._id, patch.status);
  };

  /** Gives back the grant a send did not use (refused before delivery). */
  const refund = async (userId: string, templateKey: string): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      const g = await store.get<SubscriptionGrant>('subscriptions', grantId(userId, templateKey));
      if (!g) return;
      try {
        await store.update<SubscriptionGrant>('subscriptions', g._id, g.version, { remaining: g.remaining + 1, updatedAt: at });
        return;
      } catch (err) {
        if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
      }
    }
  };

  const one = async (entry: OutboxEntry): Promise<void> => {
    if (!stillDue(entry)) {
      await mark(entry, { status: 'obsolete' });
      return;
    }
    const template = templateOf(config, entry);
    const user = users.get(entry.recipientId);
    if (!user) {
      await mark(entry, { status: 'failed', lastError: '用户不存在' });
      counts.failed += 1;
      return;
    }
    const gid = grantId(entry.recipientId, template.key);
    const known = grants.get(gid);
    if (!known || known.remaining <= 0) {
      // No grant: nothing to claim; the versioned write keeps a concurrent run from sending it.
      await mark(entry, { status: 'noGrant', lastError: '未订阅或订阅次数已用完' });
      counts.skippedNoGrant += 1;
      return;
    }
    // Claim and spend one grant together: from here on the entry is never sent again.
    const claimed = await store.transaction(async (tx) => {
      const current = await tx.get<OutboxEntry>('outbox', entry._id);
      if (!current || current.status !== 'pending' || current.version !== entry.version) return null;
      const grant = await tx.get<SubscriptionGrant>('subscriptions', gid);
      if (!grant || grant.remaining <= 0) {
        return tx.update<OutboxEntry>('outbox', entry._id, current.version, { status: 'noGrant', lastError: '未订阅或订阅次数已用完' });
      }
      await tx.update<SubscriptionGrant>('subscriptions', gid, grant.version, { remaining: grant.remaining - 1, updatedAt: at });
      return tx.update<OutboxEntry>('outbox', entry._id, current.version, { status: 'sending', claimedAt: at, attempts: current.attempts + 1 });
    });
    if (!claimed) return;
    outcome.set(entry._id, claimed.status);
    if (claimed.status === 'noGrant') {
      counts.skippedNoGrant += 1;
      return;
    }
    const data = renderMessage(template, entry.slots);
    let result: SendOutcome;
    try {
      result = await deps.notifier.send({ toUserId: user._id, openid: user.openid, templateId: template.id, title: template.title, page: entry.link.replace(/^\//, ''), data, lines: messageLines(template, data) });
    } catch (err) {
      result = { ok: false, kind: 'unknown', code: 'thrown', message: err instanceof Error ? err.message : String(err) };
    }
    await settle(claimed, result, template.key);
  };

  const settle = async (entry: OutboxEntry, result: SendOutcome, templateKey: string): Promise<void> => {
    if (result.ok) {
      await mark(entry, { status: 'sent', sentAt: at, lastError: null });
      counts.sent += 1;
      return;
    }
    const why = `${result.code} ${result.message}`;
    switch (result.kind) {
      case 'noGrant': {
        // 43101: refused or used up on WeChat's side — our counter was wrong; trust WeChat.
        const g = await store.get<SubscriptionGrant>('subscriptions', grantId(entry.recipientId, templateKey));
        if (g) await store.update<SubscriptionGrant>('subscriptions', g._id, g.version, { remaining: 0, updatedAt: at });
        await mark(entry, { status: 'noGrant', lastError: why });
        counts.skippedNoGrant += 1;
        return;
      }
      case 'badData':
        log.error(`ALERT message ${entry.key} rejected as bad data: ${why}`);
        await refund(entry.recipientId, templateKey);
        await mark(entry, { status: 'failed', lastError: why });
        counts.failed += 1;
        return;
      case 'transient':
        await refund(entry.recipientId, templateKey);
        if (entry.attempts >= (deps.maxAttempts ?? 5)) {
          log.error(`message ${entry.key} failed after ${entry.attempts} attempts: ${why}`);
          await mark(entry, { status: 'failed', lastError: why });
          counts.failed += 1;
        } else {
          await mark(entry, { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(entry.attempts)).toISOString(), lastError: why });
          counts.retried += 1;
        }
        return;
      case 'unknown':
        // It may have arrived: not retried (at most once), shown as interrupted.
        await mark(entry, { status: 'interrupted', lastError: why });
        counts.interrupted += 1;
        return;
    }
  };

  await pool(entries, deps.concurrency ?? 5, async (entry) => {
    try {
      await one(entry);
    } catch (err) {
      // A store failure on one entry must not stop the others; the entry is retried or reported later.
      log.error(`message ${entry.key}: ${err instanceof Error ? err.message : String(err)}`, err);
    }
  });
  return outcome;
}
