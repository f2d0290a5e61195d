import { describe, expect, it } from 'vitest';
import { createLocalNotifier, type DevInboxMessage } from '../adapters/local/notifier';
import type { Store } from '../ports/store';
import { readEvery } from '../procedures/reminders/duties';
import { enqueue, type OutboxEntry } from '../services/outbox';
import { HOST, Killed, killable, SECRETARY, freshStore } from './remind.fixture';
import { runReminders } from './remind';
import { DEFAULT_REMINDER_CONFIG } from './reminder-config';
import { grantId, type SubscriptionGrant } from './reminder-docs';
import { releaseIdOf, showHeld } from './release';

const config = DEFAULT_REMINDER_CONFIG;
/** 08:00 Beijing: before the reminders' send hour, so only event messages are due. */
const NOW = new Date('2022-06-20T00:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const quiet = { error: () => {} };
let ids = 0;
const newId = () => `card${++ids}`;
const RELEASE = releaseIdOf('b2022', 'approval');

/** Two event messages told now (host, secretary), one staged in a release (host), both with a result grant. */
async function world(): Promise<Store> {
  const store = await freshStore();
  for (const u of [HOST, SECRETARY]) await store.insert<SubscriptionGrant>('subscriptions', { _id: grantId(u, 'result'), userId: u, templateKey: 'result', remaining: 5, lastResult: 'accept', updatedAt: 'x' });
  await store.transaction(async (tx) => {
    await enqueue(tx, { kind: 'project.return', recipientIds: [HOST, SECRETARY], title: '「项目p1」退回修改', body: '请补充', entityId: 'p1', eventId: 'e1' }, NOW.toISOString());
    await enqueue(tx, { kind: 'project.approve', recipientIds: [HOST], title: '「项目p1」已立项', body: '', entityId: 'p1', eventId: 'e2', releaseId: RELEASE }, NOW.toISOString());
  });
  return store;
}

const cards = async (store: Store) => (await readEvery<DevInboxMessage>(store, 'devInbox', {})).filter((c) => c.title === '审核结果通知');

describe('the one sender, for event messages', () => {
  it('killed at every step and rerun: never sent twice, never gone from 消息, a staged one never sent before its release', async () => {
    const full = await world();
    let writes = 0;
    const k = killable(full, Number.MAX_SAFE_INTEGER);
    const counting: Store = { ...k.store, insert: (c, d) => (writes++, k.store.insert(c, d)), update: (c, i, v, p) => (writes++, k.store.update(c, i, v, p)), transaction: (fn) => (writes++, k.store.transaction(fn)) };
    await runReminders({ store: counting, notifier: createLocalNotifier(counting, () => NOW, newId), config, now: NOW, logger: quiet });
    expect((await cards(full)).map((c) => c.toUserId).sort()).toEqual([HOST, SECRETARY]);
    expect(writes).toBeGreaterThan(4);

    for (let budget = 0; budget <= writes; budget++) {
      const base = await world();
      const dying = killable(base, budget);
      await runReminders({ store: dying.store, notifier: createLocalNotifier(dying.store, () => NOW, newId), config, now: NOW, logger: quiet }).catch((err: unknown) => {
        if (!(err instanceof Killed)) throw err;
      });
      for (const minutes of [5, 30]) await runReminders({ store: base, notifier: createLocalNotifier(base, () => later(minutes), newId), config, now: later(minutes), logger: quiet });
      const sent = (await cards(base)).map((c) => c.toUserId);
      expect(new Set(sent).size, `killed after ${budget} writes`).toBe(sent.length);
      const entries = await readEvery<OutboxEntry>(base, 'outbox', {});
      const told = entries.filter((e) => e.box === 'inbox');
      expect(told.map((e) => e.recipientId).sort(), `killed after ${budget} writes`).toEqual([HOST, SECRETARY]);
      expect(told.map((e) => e.status).filter((s) => s !== 'sent' && s !== 'interrupted'), `killed after ${budget} writes`).toEqual([]);
      expect(entries.find((e) => e.releaseId === RELEASE)).toMatchObject({ box: 'held', status: 'held' });

      // Released (twice over), then sent once.
      await Promise.all([showHeld(base, RELEASE, later(40)), showHeld(base, RELEASE, later(40))]);
      await runReminders({ store: base, notifier: createLocalNotifier(base, () => later(41), newId), config, now: later(41), logger: quiet });
      await runReminders({ store: base, notifier: createLocalNotifier(base, () => later(90), newId), config, now: later(90), logger: quiet });
      const approvals = (await cards(base)).filter((c) => c.lines.some((l) => l.value.includes('已立项')));
      expect(approvals.map((c) => c.toUserId), `killed after ${budget} writes`).toEqual([HOST]);
    }
  });
});

describe('the timer between planning runs', () => {
  it('sends event messages and leaves reminders for the hour’s planning run', async () => {
    const store = await world();
    // 09:30 Beijing, 3 days before the deadline: a reminder is due, but this run does not plan.
    const at = new Date('2022-06-26T01:30:00Z');
    await store.insert<OutboxEntry>('outbox', { ...(await readEvery<OutboxEntry>(store, 'outbox', {}))[0], _id: 'r1', key: 'r1', kind: 'reminder', duty: 'submitDraft', deadline: '2022-06-29', offset: 3, status: 'pending', nextAttemptAt: at.toISOString() });
    const quick = await runReminders({ store, notifier: createLocalNotifier(store, () => at, newId), config, now: at, logger: quiet, plan: false });
    expect(quick).toMatchObject({ planned: 0, queued: 0, sent: 2 });
    expect((await store.get<OutboxEntry>('outbox', 'r1'))?.status).toBe('pending');
    const hourly = await runReminders({ store, notifier: createLocalNotifier(store, () => at, newId), config, now: at, logger: quiet });
    expect(hourly.planned).toBeGreaterThan(0);
    expect((await store.get<OutboxEntry>('outbox', 'r1'))?.status).not.toBe('pending');
  });
});
