import type { RunSummary } from '@shared/contracts/reminders';
import type { ReminderConfig } from '@shared/domain/reminders/templates';
import { expireDownloads } from '../../jobs/expire';
import { backfillNameKeys } from '../../jobs/name-keys';
import { runReminders } from '../../jobs/remind';
import { foldInfluence } from '../../jobs/fold-influence';
import { guardUnhandledRejections } from '../../process-guard';
import { purgeRequests } from '../../services/idempotency';
import { createWechatFiles, type WechatDownload, type WechatStorage } from './files';
import { createWechatNotifier, type WechatSubscribeApi } from './notifier';
import { createWechatStore, type WechatDatabase } from './store';
import { isTimerTrigger, type WxContext } from './trigger';

/** How long a request id is remembered for retries (a phone retries within seconds; a week is ample). */
const REQUEST_MEMORY_MS = 7 * 24 * 3600_000;
/** How long one run spends giving people bound before the pinyin keys their keys. */
const NAME_KEYS_BUDGET_MS = 1_000;

/** The slice of wx-server-sdk the timer function needs (after `cloud.init`). */
export interface SchedulerCloud extends WechatStorage, WechatDownload {
  database(): WechatDatabase;
  getWXContext(): WxContext;
  openapi: Record<string, unknown>;
}

export type SchedulerAnswer = { ok: true; data: RunSummary } | { ok: false; error: { code: 'FORBIDDEN'; message: string } };

function subscribeApi(cloud: SchedulerCloud): WechatSubscribeApi {
  const api = (cloud.openapi as { subscribeMessage?: { send?: unknown } }).subscribeMessage;
  if (typeof api?.send !== 'function') throw new Error('wx-server-sdk openapi lacks subscribeMessage.send (config.json permissions)');
  return cloud.openapi as unknown as WechatSubscribeApi;
}

/**
 * The timer function's `main` (every 5 minutes): finishes releases, sends the messages of events;
 * in the first run of each hour it also plans and sends the deadline reminders due now; then the
 * housekeeping. Any caller but its own timer is refused before anything runs: a mini-program
 * user can call every function of the environment.
 */
export function createSchedulerMain(cloud: SchedulerCloud, config: ReminderConfig, clock: () => Date = () => new Date()): (event: unknown) => Promise<SchedulerAnswer> {
  guardUnhandledRejections();
  return async (event) => {
    if (!isTimerTrigger(event, cloud.getWXContext())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务只由定时触发器运行；如需立即运行，请由党委组织部在小程序中操作' } };
    }
    const store = createWechatStore(cloud.database());
    const now = clock();
    const data = await runReminders({ store, notifier: createWechatNotifier(subscribeApi(cloud)), config, now, plan: now.getUTCMinutes() < 5 });
    console.log('reminders', JSON.stringify(data));
    // Once an hour, the views and shares the api instances buffered are folded into the per-day
    // figures (at most once each; a failed fold leaves them for the next run).
    if (now.getUTCMinutes() < 5) {
      try {
        console.log('influence fold', JSON.stringify(await foldInfluence({ store, now })));
      } catch (err) {
        console.error('influence fold failed; the next run retries', err);
      }
    }
    // Housekeeping, safe to rerun: forget request ids older than a week (at most 1 000 per run),
    // delete exports and packet progress older than a day.
    try {
      const purged = await purgeRequests(store, new Date(now.getTime() - REQUEST_MEMORY_MS).toISOString());
      if (purged) console.log('purged request records', purged);
      const expired = await expireDownloads(store, createWechatFiles(cloud), now);
      if (expired.exports || expired.packetJobs) console.log('expired downloads', JSON.stringify(expired));
    } catch (err) {
      console.error('housekeeping failed; the next run retries', err);
    }
    // People bound before the pinyin keys existed get them, a little each run (one empty read once done).
    try {
      const keys = await backfillNameKeys(store, Date.now() + NAME_KEYS_BUDGET_MS);
      if (keys.updated) console.log('pinyin keys backfilled', JSON.stringify(keys));
    } catch (err) {
      console.error('backfilling pinyin keys failed; the next run retries', err);
    }
    return { ok: true, data };
  };
}
