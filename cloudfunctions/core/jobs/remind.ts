import type { RunSummary } from '@shared/contracts/reminders';
import { planReminders, type DueReminder } from '@shared/domain/reminders/plan';
import type { ReminderConfig } from '@shared/domain/reminders/templates';
import { formatInstant, deadlineEnd } from '@shared/time/deadline';
import { StoreError } from '../ports/store';
import { allDuties } from '../procedures/reminders/duties';
import { newEntry, type OutboxEntry } from '../services/outbox';
import { deliver, pool, readyEntries, recoverInterrupted, type DeliveryDeps } from './deliver';
import { fanOutGroupNotices } from './fan-out';
import { resumeReleases } from './release';

export { backoffMs } from './deliver';

export interface RemindDeps extends DeliveryDeps {
  config: ReminderConfig;
  /**
   * Plan the deadline reminders in this run (default). The timer runs every few minutes so that
   * event messages go out soon; planning (which reads every open duty) is needed once an hour,
   * and reminders wait for a planning run, which knows whether their duty is still open.
   */
  plan?: boolean;
}

const dutyKey = (e: { personId: string; duty: string; deadline: string }) => `${e.personId}:${e.duty}:${e.deadline}`;

/** A planned reminder as a message: in 消息 and, with a grant, a subscription message. */
function reminderEntry(r: DueReminder, at: string) {
  return newEntry({
    key: r.key,
    kind: 'reminder',
    recipientId: r.personId,
    title: r.title,
    body: r.offset === 0 ? `今天截止，${r.detail}` : `还剩${r.offset}天，${r.detail}`,
    link: r.link,
    entityId: r.key,
    createdAt: at,
    duty: r.duty,
    deadline: r.deadline,
    offset: r.offset,
    slots: {
      matter: r.title,
      deadline: formatInstant(deadlineEnd(r.deadline)),
      status: r.offset === 0 ? '今日截止' : '即将截止',
      note: r.offset === 0 ? `今天截止，${r.detail}` : `还剩${r.offset}天，${r.detail}`,
      count: String(r.count),
      time: formatInstant(at),
    },
  });
}

/**
 * The timed job: finish any release that stopped half way, write the notices addressed to a
 * committee's secretaries out as one message each (jobs/fan-out.ts), plan the deadline reminders due now
 * and queue them (insert-if-absent by key: planning twice cannot queue twice), then hand every
 * ready message — reminders and events alike — to the one sender (jobs/deliver.ts).
 * A reminder whose duty was done meanwhile is dropped as obsolete; 我的待办 shows every open duty.
 */
export async function runReminders(deps: RemindDeps): Promise<RunSummary> {
  const { store, config, now } = deps;
  const at = now.toISOString();
  const summary: RunSummary = { asOf: at, planned: 0, queued: 0, fannedOut: 0, sent: 0, skippedNoGrant: 0, failed: 0, interrupted: 0, retried: 0 };

  await resumeReleases(store, now);
  summary.fannedOut = await fanOutGroupNotices(store, deps.logger);

  if (deps.plan === false) {
    await recoverInterrupted(deps, summary);
    await deliver(deps, (await readyEntries(deps)).filter((e) => e.kind !== 'reminder'), summary);
    return summary;
  }
  const duties = await allDuties(store, now, Math.max(...config.offsets));
  const openDuties = new Set(duties.map((d) => dutyKey({ personId: d.personId, duty: d.kind, deadline: d.deadline })));
  const due = planReminders(now, duties, config);
  summary.planned = due.length;

  await pool(due, 10, async (r) => {
    try {
      await store.insert<OutboxEntry>('outbox', reminderEntry(r, at));
      summary.queued += 1;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'DUPLICATE')) throw err;
    }
  });

  await recoverInterrupted(deps, summary);
  const stillDue = (e: OutboxEntry) => e.kind !== 'reminder' || (e.duty !== null && e.deadline !== null && openDuties.has(dutyKey({ personId: e.recipientId, duty: e.duty, deadline: e.deadline })));
  await deliver(deps, await readyEntries(deps), summary, stillDue);
  return summary;
}
