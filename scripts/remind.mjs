// Runs the reminder job once against the local host's database (.data/local.sqlite), sending to
// the dev inbox (GET /dev/inbox). `npm run remind -- --as-of 2022-06-26T09:00:00+08:00` runs it
// "as of" an instant. Run with tsx (see the "remind" script) so the TypeScript sources load as is.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createLocalNotifier } from '../cloudfunctions/core/adapters/local/notifier.ts';
import { runReminders } from '../cloudfunctions/core/jobs/remind.ts';
import { loadReminderConfig } from '../cloudfunctions/core/jobs/reminder-config.ts';

const args = process.argv.slice(2);
const i = args.indexOf('--as-of');
const asOfText = i >= 0 ? args[i + 1] : process.env.FAKE_NOW;
if (asOfText !== undefined && Number.isNaN(Date.parse(asOfText))) {
  console.error(`--as-of must be an ISO 8601 instant, got ${asOfText}`);
  process.exit(2);
}
const now = asOfText ? new Date(asOfText) : new Date();
const file = path.join(process.env.DATA_DIR ?? '.data', process.env.DB_FILE ?? 'local.sqlite');
if (!existsSync(file)) {
  console.error(`没有找到本地数据库 ${file}：请先运行 npm start（首次运行会创建并填充演示数据），再运行提醒任务。`);
  process.exit(1);
}
const config = loadReminderConfig();
const store = openSqliteStore(file);
try {
  const summary = await runReminders({ store, notifier: createLocalNotifier(store, () => now, () => randomUUID().replace(/-/g, '')), config, now });
  console.log(`reminders as of ${now.toISOString()} (${file}):`, summary);
} finally {
  await store.close();
}
