import { randomUUID } from 'node:crypto';
import { dateIn } from '@shared/time/deadline';
import type { LocalFiles } from '../../core/adapters/local/files';
import { createLocalNotifier } from '../../core/adapters/local/notifier';
import { createApp } from '../../core/app';
import { fanOutGroupNotices } from '../../core/jobs/fan-out';
import { runReminders } from '../../core/jobs/remind';
import { loadReminderConfig } from '../../core/jobs/reminder-config';
import type { Store } from '../../core/ports/store';
import { cultivating, finished2022, inPublicity, openBatch, underReview } from './batches';
import { seedBrands } from './brands';
import { DemoDriver } from './driver';
import { bindPeople, readAll, subscribeAll } from './people';
import { Projects } from './projects';

const EARLIEST_TODAY = '2024-09-01';

/**
 * The demo university on a new database (after the organisation and the demo identities are
 * seeded): people, brands and projects in every state, made by calling the real procedures as
 * each person on a clock moved from 2022 to now — so it can never show a state the rules forbid.
 */
export async function seedDemo(store: Store, files: LocalFiles, now: Date): Promise<void> {
  // The story starts with the notice's 2022 batch and spans the 430 days before today.
  if (dateIn(now) < EARLIEST_TODAY) throw new Error(`the demo needs today to be ${EARLIEST_TODAY} or later (FAKE_NOW is earlier); nothing was seeded`);
  const config = loadReminderConfig();
  const d = new DemoDriver(now, (clock) => {
    const newId = () => randomUUID().replace(/-/g, '');
    const notifier = createLocalNotifier(store, clock, newId);
    return {
      // Public procedures are not rate-limited here: the demo is one caller making many calls.
      router: createApp({ store, clock, files, notifier, reminderConfig: config, publicRateLimit: null }),
      reminders: (at) => runReminders({ store, notifier, config, now: at }),
    };
  });
  const p = new Projects(d, files);
  d.on('2022-05-20');
  await bindPeople(d);
  await subscribeAll(d);
  const { engine } = await finished2022(d, p);
  await cultivating(d, p);
  await seedBrands(d, files, { 'c-cs': engine });
  // Two months ago everyone had read their messages (the timed job had told each secretary what
  // was addressed to their committee); what came since is unread.
  d.day(-58);
  await fanOutGroupNotices(store);
  await readAll(d);
  await underReview(d, p);
  await inPublicity(d, p);
  await openBatch(d, p, `batch-${dateIn(now).slice(0, 4)}-open`);
  // As the timed job's last run would have: the secretaries are told of what reached their committee.
  await fanOutGroupNotices(store);
}
