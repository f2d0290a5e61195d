import type { RunSummary } from '@shared/contracts/reminders';
import type { User } from '@shared/domain/person';
import { planReminders, type DueReminder } from '@shared/domain/reminders/plan';
import { messageLines, renderMessage, templateFor, type ReminderConfig } from '@shared/domain/reminders/templates';
import { formatInstant, deadlineEnd } from '@shared/time/deadline';
import type { Notifier, SendOutcome } from '../ports/notifier';
import { StoreError, type Store } from '../ports/store';
import { allDuties, readEvery } from '../procedures/reminders/duties';
import { grantId, type ReminderEntry, type SubscriptionGrant } from './reminder-docs';

export interface RemindDeps {
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

const MINUTE = 60_000;
/** Transient failures wait 5, 10, 20, 40 minutes. */
export const backoffMs = (attempts: number) => 5 * MINUTE * 2 ** Math.max(0, attempts - 1);

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

const dutyKey = (e: { personId: string; duty: string; deadline: string }) => `${e.personId}:${e.duty}:${e.deadline}`;

function newEntry(r: DueReminder, at: string): Omit<ReminderEntry, 'version'> {
  return { _id: r.key, ...r, status: 'pending', attempts: 0, nextAttemptAt: at, claimedAt: null, sentAt: null, lastError: null, createdAt: at };
}

/**
 * The reminder job: plan what is due → queue it in the outbox (insert-if-absent by key) → send
 * with bounded concurrency → mark the outcome.
 *
 * AT MOST ONCE. Each entry is claimed — status 'sending', written with a versioned update inside
 * the same transaction that spends one of the person's grants — BEFORE the notifier is called.
 * Whatever stops the run afterwards (a crash between the send and marking it sent, a timeout
 * whose outcome cannot be told), the entry is left 'sending', and a later run never sends it
 * again: it reports it as 'interrupted' and the duty stays in 我的待办. Planning twice cannot
 * queue twice (the key is the `_id`), and two runs cannot both claim one entry (versioned write).
 * A lost reminder is preferred to a duplicate one: 我的待办 still shows every open duty.
 */
export async function runReminders(deps: RemindDeps): Promise<RunSummary> {
  const { store, config, now } = deps;
  const at = now.toISOString();
  const log = deps.logger ?? { error: (m: string, d?: unknown) => console.error(m, d) };
  const summary: RunSummary = { asOf: at, planned: 0, queued: 0, sent: 0, skippedNoGrant: 0, failed: 0, interrupted: 0, retried: 0 };

  const duties = await allDuties(store, now, Math.max(...config.offsets));
  const openDuties = new Set(duties.map((d) => dutyKey({ personId: d.personId, duty: d.kind, deadline: d.deadline })));
  const due = planReminders(now, duties, config);
  summary.planned = due.length;

  await pool(due, 10, async (r) => {
    try {
      await store.insert<ReminderEntry>('reminderOutbox', newEntry(r, at));
      summary.queued += 1;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'DUPLICATE')) throw err;
    }
  });

  // Claimed by a run that stopped: never resent, reported once.
  const lease = deps.leaseMs ?? 2 * MINUTE;
  for (const e of await readEvery<ReminderEntry>(store, 'reminderOutbox', { status: 'sending' })) {
    if (e.claimedAt && now.getTime() - Date.parse(e.claimedAt) < lease) continue;
    try {
      await store.update<ReminderEntry>('reminderOutbox', e._id, e.version, { status: 'interrupted', lastError: '发送过程中断，未重发（至多一次）' });
      summary.interrupted += 1;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
    }
  }

  const ready = await readEvery<ReminderEntry>(store, 'reminderOutbox', { status: 'pending', nextAttemptAt: { $lte: at } });
  await pool(ready, deps.concurrency ?? 5, async (entry) => {
    try {
      await deliver(entry);
    } catch (err) {
      // A store failure on one entry must not stop the others; the entry is retried or reported later.
      log.error(`reminder ${entry.key}: ${err instanceof Error ? err.message : String(err)}`, err);
    }
  });
  return summary;

  async function mark(id: string, version: number, patch: Partial<ReminderEntry>): Promise<void> {
    await store.update<ReminderEntry>('reminderOutbox', id, version, patch);
  }

  /** Gives back the grant a send did not use (refused before delivery). */
  async function refund(userId: string, templateKey: string): Promise<void> {
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
  }

  async function deliver(entry: ReminderEntry): Promise<void> {
    if (!openDuties.has(dutyKey(entry))) {
      // Done since it was queued (or the deadline passed): nothing to remind of.
      await mark(entry._id, entry.version, { status: 'obsolete' });
      return;
    }
    const template = templateFor(config, entry.duty);
    const user = await store.get<User>('users', entry.personId);
    if (!user) {
      await mark(entry._id, entry.version, { status: 'failed', lastError: '用户不存在' });
      summary.failed += 1;
      return;
    }
    const gid = grantId(entry.personId, template.key);
    // Claim and spend one grant together: from here on the entry is never sent again.
    const claimed = await store.transaction(async (tx) => {
      const current = await tx.get<ReminderEntry>('reminderOutbox', entry._id);
      if (!current || current.status !== 'pending' || current.version !== entry.version) return null;
      const grant = await tx.get<SubscriptionGrant>('subscriptions', gid);
      if (!grant || grant.remaining <= 0) {
        return tx.update<ReminderEntry>('reminderOutbox', entry._id, current.version, { status: 'noGrant', lastError: '未订阅或订阅次数已用完' });
      }
      await tx.update<SubscriptionGrant>('subscriptions', gid, grant.version, { remaining: grant.remaining - 1, updatedAt: at });
      return tx.update<ReminderEntry>('reminderOutbox', entry._id, current.version, { status: 'sending', claimedAt: at, attempts: current.attempts + 1 });
    });
    if (!claimed) return;
    if (claimed.status === 'noGrant') {
      summary.skippedNoGrant += 1;
      return;
    }

    const data = renderMessage(template, {
      matter: entry.title,
      deadline: formatInstant(deadlineEnd(entry.deadline)),
      status: entry.offset === 0 ? '今日截止' : '即将截止',
      note: entry.offset === 0 ? `今天截止，${entry.detail}` : `还剩${entry.offset}天，${entry.detail}`,
      count: String(entry.count),
    });
    let outcome: SendOutcome;
    try {
      outcome = await deps.notifier.send({ toUserId: user._id, openid: user.openid, templateId: template.id, title: template.title, page: entry.link.replace(/^\//, ''), data, lines: messageLines(template, data) });
    } catch (err) {
      outcome = { ok: false, kind: 'unknown', code: 'thrown', message: err instanceof Error ? err.message : String(err) };
    }
    await settle(claimed, outcome, template.key);
  }

  async function settle(entry: ReminderEntry, outcome: SendOutcome, templateKey: string): Promise<void> {
    if (outcome.ok) {
      await mark(entry._id, entry.version, { status: 'sent', sentAt: at, lastError: null });
      summary.sent += 1;
      return;
    }
    const why = `${outcome.code} ${outcome.message}`;
    switch (outcome.kind) {
      case 'noGrant': {
        // 43101: refused or used up on WeChat's side — our counter was wrong; trust WeChat.
        const g = await store.get<SubscriptionGrant>('subscriptions', grantId(entry.personId, templateKey));
        if (g) await store.update<SubscriptionGrant>('subscriptions', g._id, g.version, { remaining: 0, updatedAt: at });
        await mark(entry._id, entry.version, { status: 'noGrant', lastError: why });
        summary.skippedNoGrant += 1;
        return;
      }
      case 'badData':
        log.error(`ALERT reminder ${entry.key} rejected as bad data: ${why}`);
        await refund(entry.personId, templateKey);
        await mark(entry._id, entry.version, { status: 'failed', lastError: why });
        summary.failed += 1;
        return;
      case 'transient':
        await refund(entry.personId, templateKey);
        if (entry.attempts >= (deps.maxAttempts ?? 5)) {
          log.error(`reminder ${entry.key} failed after ${entry.attempts} attempts: ${why}`);
          await mark(entry._id, entry.version, { status: 'failed', lastError: why });
          summary.failed += 1;
        } else {
          await mark(entry._id, entry.version, { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(entry.attempts)).toISOString(), lastError: why });
          summary.retried += 1;
        }
        return;
      case 'unknown':
        // It may have arrived: not retried (at most once), shown as interrupted.
        await mark(entry._id, entry.version, { status: 'interrupted', lastError: why });
        summary.interrupted += 1;
        return;
    }
  }
}
