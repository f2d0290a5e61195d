import cloud from 'wx-server-sdk';
import type { RunSummary } from '@shared/contracts/reminders';
import { createWechatNotifier, type WechatSubscribeApi } from '../core/adapters/wechat/notifier';
import { createWechatStore, type WechatDatabase } from '../core/adapters/wechat/store';
import { runReminders } from '../core/jobs/remind';
import { loadReminderConfig } from '../core/jobs/reminder-config';
import { guardUnhandledRejections } from '../core/process-guard';
import { purgeRequests } from '../core/services/idempotency';

/** How long a request id is remembered for retries (a phone retries within seconds; a week is ample). */
const REQUEST_MEMORY_MS = 7 * 24 * 3600_000;

guardUnhandledRejections();

// The SDK documents DYNAMIC_CURRENT_ENV (a symbol) for `env`, but its typings only list strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Read at cold start: a bad template configuration fails here, loudly, before any run.
const config = loadReminderConfig();

function subscribeApi(): WechatSubscribeApi {
  const api = (cloud.openapi as unknown as { subscribeMessage?: { send?: unknown } }).subscribeMessage;
  if (typeof api?.send !== 'function') throw new Error('wx-server-sdk openapi lacks subscribeMessage.send (config.json permissions)');
  return cloud.openapi as unknown as WechatSubscribeApi;
}

/**
 * The timer function (every 5 minutes): finishes releases, sends the messages of events; in the
 * first run of each hour it also plans and sends the deadline reminders due now.
 */
export async function main(): Promise<{ ok: true; data: RunSummary }> {
  const store = createWechatStore(cloud.database() as unknown as WechatDatabase);
  const now = new Date();
  const data = await runReminders({ store, notifier: createWechatNotifier(subscribeApi()), config, now, plan: now.getUTCMinutes() < 5 });
  console.log('reminders', JSON.stringify(data));
  // Housekeeping, safe to rerun: forget request ids older than a week (at most 1 000 per run).
  try {
    const purged = await purgeRequests(store, new Date(Date.now() - REQUEST_MEMORY_MS).toISOString());
    if (purged) console.log('purged request records', purged);
  } catch (err) {
    console.error('purging request records failed; the next run retries', err);
  }
  return { ok: true, data };
}
