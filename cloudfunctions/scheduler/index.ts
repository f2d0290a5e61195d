import cloud from 'wx-server-sdk';
import { createSchedulerMain } from '../core/adapters/wechat/scheduler-entry';
import { loadReminderConfig } from '../core/jobs/reminder-config';

// The SDK documents DYNAMIC_CURRENT_ENV (a symbol) for `env`, but its typings only list strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Read at cold start: a bad template configuration fails here, loudly, before any run.
export const main = createSchedulerMain(cloud as unknown as Parameters<typeof createSchedulerMain>[0], loadReminderConfig());
