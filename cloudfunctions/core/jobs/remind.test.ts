import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalNotifier, type DevInboxMessage } from '../adapters/local/notifier';
import { createApp } from '../app';
import type { Store } from '../ports/store';
import { readEvery } from '../procedures/reminders/duties';
import { DEADLINE, DONE_HOST, freshStore, HOST, Killed, killable, REVIEWER, scripted, SECRETARY } from './remind.fixture';
import { runReminders } from './remind';
import { DEFAULT_REMINDER_CONFIG } from './reminder-config';
import { grantId, type SubscriptionGrant } from './reminder-docs';
import type { OutboxEntry as ReminderEntry } from '../services/outbox';

const original = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = original;
});

const config = DEFAULT_REMINDER_CONFIG;
const at = (iso: string) => new Date(iso);
/** 2022-06-26 09:00 Beijing: 3 days before the submission deadline. */
const T3 = at('2022-06-26T01:00:00Z');
const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);
const quiet = { error: () => {} };
let ids = 0;
const newId = () => `m${++ids}`;

async function inbox(store: Store): Promise<DevInboxMessage[]> {
  return readEvery<DevInboxMessage>(store, 'devInbox', {});
}

async function todo(store: Store, userId: string, now: Date) {
  const router = createApp({ store, clock: () => now, logger: quiet });
  const r = await router.call({ openid: userId.slice(2) }, { procedure: 'todo.mine', input: {}, requestId: newId() });
  if (!r.ok) throw new Error(r.error.message);
  return r.data as { count: number; items: Array<{ kind: string; daysLeft: number; deadline: string; reminderInterrupted: boolean; deadlineText: string }> };
}

describe('the reminder job', () => {
  it('reminds the host with a draft 3 days before, not the host who already submitted', async () => {
    const store = await freshStore();
    const summary = await runReminders({ store, notifier: createLocalNotifier(store, () => T3, newId), config, now: T3, logger: quiet });
    const messages = await inbox(store);
    expect(messages.map((m) => m.toUserId)).toEqual([HOST]);
    expect(messages.map((m) => m.toUserId)).not.toContain(DONE_HOST);
    expect(messages[0].lines).toContainEqual({ label: '截止时间', value: '2022年6月29日 23:59' });
    expect(summary).toMatchObject({ planned: 1, queued: 1, sent: 1, failed: 0, interrupted: 0 });
  });

  it('reminds the secretary of undecided applications and the reviewer with a missing score', async () => {
    const store = await freshStore();
    // 2022-07-06 is the recommendation deadline (day 0) and the 2021 batch's midterm date.
    const now = at('2022-07-06T01:30:00Z');
    await runReminders({ store, notifier: createLocalNotifier(store, () => now, newId), config, now, logger: quiet });
    const to = (await inbox(store)).map((m) => `${m.toUserId}:${m.title}`).sort();
    expect(to).toEqual([`${HOST}:截止提醒`, `${SECRETARY}:待办任务提醒`]);
    const later14 = at('2022-07-13T01:30:00Z'); // reviewEnd 2022-07-20 − 7
    await runReminders({ store, notifier: createLocalNotifier(store, () => later14, newId), config, now: later14, logger: quiet });
    expect((await inbox(store)).map((m) => m.toUserId)).toContain(REVIEWER);
  });

  it('sends nothing before 09:00 Beijing time and nothing twice on a rerun', async () => {
    const store = await freshStore();
    const notifier = scripted();
    const early = at('2022-06-26T00:30:00Z'); // 08:30 Beijing
    expect((await runReminders({ store, notifier, config, now: early, logger: quiet })).planned).toBe(0);
    await runReminders({ store, notifier, config, now: T3, logger: quiet });
    const again = await runReminders({ store, notifier, config, now: later(T3, 60), logger: quiet });
    expect(notifier.sent).toHaveLength(1);
    expect(again).toMatchObject({ planned: 1, queued: 0, sent: 0 });
  });

  it('spends one grant per send, and without a grant leaves the duty to 我的待办', async () => {
    const store = await freshStore(0);
    const notifier = scripted();
    const summary = await runReminders({ store, notifier, config, now: T3, logger: quiet });
    expect(notifier.sent).toHaveLength(0);
    expect(summary.skippedNoGrant).toBe(1);
    const list = await todo(store, HOST, T3);
    expect(list.items).toContainEqual(expect.objectContaining({ kind: 'submitDraft', deadline: DEADLINE, daysLeft: 3, deadlineText: '2022年6月29日 23:59（北京时间）' }));

    const granted = await freshStore(1);
    await runReminders({ store: granted, notifier: scripted(), config, now: T3, logger: quiet });
    expect((await granted.get<SubscriptionGrant>('subscriptions', grantId(HOST, 'deadline')))?.remaining).toBe(0);
  });

  it('43101 (refused): not retried, the grant counter is zeroed, the item stays in 我的待办', async () => {
    const store = await freshStore();
    const notifier = scripted([{ ok: false, kind: 'noGrant', code: '43101', message: 'user refuse to accept the msg' }]);
    const first = await runReminders({ store, notifier, config, now: T3, logger: quiet });
    expect(first).toMatchObject({ sent: 0, skippedNoGrant: 1, retried: 0 });
    await runReminders({ store, notifier, config, now: later(T3, 120), logger: quiet });
    expect(notifier.sent).toHaveLength(1);
    expect((await store.get<SubscriptionGrant>('subscriptions', grantId(HOST, 'deadline')))?.remaining).toBe(0);
    expect((await todo(store, HOST, T3)).items.map((i) => i.kind)).toContain('submitDraft');
  });

  it('47003 (bad data): alerts, marks failed, does not stop the other sends', async () => {
    const store = await freshStore();
    const alerts: string[] = [];
    const now = at('2022-07-06T01:30:00Z');
    const notifier = scripted([{ ok: false, kind: 'badData', code: '47003', message: 'argument invalid' }]);
    const summary = await runReminders({ store, notifier, config, now, logger: { error: (m) => alerts.push(m) }, concurrency: 1 });
    expect(summary).toMatchObject({ failed: 1, sent: 1 });
    expect(alerts.some((a) => a.includes('ALERT') && a.includes('47003'))).toBe(true);
  });

  it('a transient error is retried on a later run, after the backoff', async () => {
    const store = await freshStore();
    const notifier = scripted([{ ok: false, kind: 'transient', code: '-1', message: 'system busy' }]);
    expect(await runReminders({ store, notifier, config, now: T3, logger: quiet })).toMatchObject({ retried: 1, sent: 0 });
    expect(await runReminders({ store, notifier, config, now: later(T3, 2), logger: quiet })).toMatchObject({ sent: 0 });
    expect(await runReminders({ store, notifier, config, now: later(T3, 6), logger: quiet })).toMatchObject({ sent: 1 });
    expect(notifier.sent).toHaveLength(2);
    const entry = (await readEvery<ReminderEntry>(store, 'outbox', {}))[0];
    expect(entry).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a crash after the send and before marking it sent: never sent again, reported interrupted, still in 我的待办', async () => {
    const store = await freshStore();
    const crashing = { send: async () => Promise.reject(new Killed('process died after the send')) };
    await runReminders({ store, notifier: crashing, config, now: T3, logger: quiet });
    const notifier = scripted();
    // A send that ends without an answer may have arrived: marked interrupted at once, never resent.
    // (An entry left 'sending' by a killed process is covered by the kill-at-every-step test below.)
    const entry = (await readEvery<ReminderEntry>(store, 'outbox', {}))[0];
    expect(entry.status).toBe('interrupted');
    await runReminders({ store, notifier, config, now: later(T3, 10), logger: quiet });
    expect(notifier.sent).toHaveLength(0);
    const list = await todo(store, HOST, later(T3, 10));
    expect(list.items.find((i) => i.kind === 'submitDraft')?.reminderInterrupted).toBe(true);
  });

  it('killed at every step and rerun: no reminder is ever sent twice, and each is sent or reported', async () => {
    const now = at('2022-07-06T01:30:00Z'); // two reminders due (host, secretary)
    const fullRun = await freshStore();
    let writes = 0;
    const counting = killable(fullRun, Number.MAX_SAFE_INTEGER);
    const countingStore: Store = { ...counting.store, insert: (c, d) => (writes++, counting.store.insert(c, d)), update: (c, i, v, p) => (writes++, counting.store.update(c, i, v, p)), transaction: (fn) => (writes++, counting.store.transaction(fn)) };
    await runReminders({ store: countingStore, notifier: createLocalNotifier(countingStore, () => now, newId), config, now, logger: quiet });
    expect(writes).toBeGreaterThan(4);

    for (let budget = 0; budget <= writes; budget++) {
      const base = await freshStore();
      const k = killable(base, budget);
      await runReminders({ store: k.store, notifier: createLocalNotifier(k.store, () => now, newId), config, now, logger: quiet }).catch((err: unknown) => {
        if (!(err instanceof Killed)) throw err;
      });
      let interrupted = 0;
      for (const minutes of [5, 30, 90]) {
        const rerun = later(now, minutes);
        const s = await runReminders({ store: base, notifier: createLocalNotifier(base, () => rerun, newId), config, now: rerun, logger: quiet });
        interrupted += s.interrupted;
      }
      const sent = (await inbox(base)).map((m) => m.toUserId);
      expect(new Set(sent).size, `killed after ${budget} writes`).toBe(sent.length);
      const entries = await readEvery<ReminderEntry>(base, 'outbox', {});
      // Each reminder ends sent or reported interrupted (perhaps delivered just before the kill).
      expect(entries.map((e) => e.status).filter((st) => st !== 'sent' && st !== 'interrupted'), `killed after ${budget} writes`).toEqual([]);
      expect(entries, `killed after ${budget} writes`).toHaveLength(2);
      expect(interrupted, `killed after ${budget} writes`).toBe(entries.filter((e) => e.status === 'interrupted').length);
      for (const e of entries.filter((x) => x.status === 'sent')) expect(sent).toContain(e.recipientId);
    }
  });
});
