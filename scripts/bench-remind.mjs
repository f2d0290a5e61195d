// Benchmark of the reminder job on SQLite: 30 000 users and 3 000 projects, one batch whose
// submission deadline is 3 days away. Times planning (reading duties + plan) and a full run
// (queue + send to the local dev inbox + mark), then a rerun (everything already queued).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createLocalNotifier } from '../cloudfunctions/core/adapters/local/notifier.ts';
import { runReminders } from '../cloudfunctions/core/jobs/remind.ts';
import { DEFAULT_REMINDER_CONFIG } from '../cloudfunctions/core/jobs/reminder-config.ts';
import { allDuties } from '../cloudfunctions/core/procedures/reminders/duties.ts';
import { planReminders } from '../shared/domain/reminders/plan.ts';

const USERS = 30_000;
const PROJECTS = 3_000;
const COMMITTEES = 30;
const now = new Date('2022-06-26T01:30:00Z'); // 09:30 Beijing, 3 days before 2022-06-29
const dir = mkdtempSync(path.join(tmpdir(), 'bench-remind-'));
const store = openSqliteStore(path.join(dir, 'bench.sqlite'));
const ms = (t) => `${(performance.now() - t).toFixed(0)} ms`;

let t = performance.now();
await store.transaction(async (tx) => {
  await tx.insert('batches', { _id: 'b', name: '基准批次', year: 2022, level: 'school', calendar: { submissionDeadline: '2022-06-29', recommendationDeadline: '2022-06-29' }, grantPerProject: 0, quota: 100 });
  for (let u = 0; u < USERS; u++) {
    const committeeId = `c${u % COMMITTEES}`;
    const secretary = u < COMMITTEES;
    await tx.insert('users', { _id: `u${u}`, openid: `o${u}`, profile: { name: `用户${u}`, staffNo: `s${u}`, kind: 'teacher', committeeId, branchId: 'x', politicalStatus: 'member', isPartyWorker: false }, profileStatus: 'confirmed', roles: secretary ? [{ role: 'member' }, { role: 'secretary', committeeId }] : [{ role: 'member' }], createdAt: 'x' });
    if (secretary) await tx.insert('roleIndex', { _id: `secretary:${committeeId}:u${u}`, role: 'secretary', userId: `u${u}`, committeeId });
  }
  for (let p = 0; p < PROJECTS; p++) {
    const hostId = `u${COMMITTEES + p * 7}`;
    const state = p % 3 === 0 ? 'submitted' : p % 3 === 1 ? 'draft' : 'returned';
    await tx.insert('projects', { _id: `p${p}`, batchId: 'b', committeeId: `c${p % COMMITTEES}`, hostId, hostName: hostId, state, fields: { title: `项目${p}` }, createdAt: 'x', updatedAt: 'x', submittedAt: null });
    // Two hosts in three granted one message.
    if (p % 3 !== 2) await tx.insert('subscriptions', { _id: `${hostId}:deadline`, userId: hostId, templateKey: 'deadline', remaining: 1, lastResult: 'accept', updatedAt: 'x' });
  }
});
console.log(`seed: ${USERS} users, ${PROJECTS} projects in one transaction: ${ms(t)}`);

t = performance.now();
const duties = await allDuties(store, now, 7);
const due = planReminders(now, duties, DEFAULT_REMINDER_CONFIG);
console.log(`planning: ${duties.length} duties → ${due.length} reminders due: ${ms(t)}`);

let n = 0;
const notifier = createLocalNotifier(store, () => now, () => `m${++n}`);
t = performance.now();
const first = await runReminders({ store, notifier, config: DEFAULT_REMINDER_CONFIG, now, logger: { error: () => {} } });
const firstMs = performance.now() - t;
console.log(`run (plan + queue + send, concurrency 5): ${firstMs.toFixed(0)} ms`, first);
t = performance.now();
const second = await runReminders({ store, notifier, config: DEFAULT_REMINDER_CONFIG, now: new Date(now.getTime() + 3_600_000), logger: { error: () => {} } });
console.log(`rerun an hour later (nothing new): ${ms(t)}`, second);
console.log(`throughput: ${((first.sent + first.skippedNoGrant) / (firstMs / 1000)).toFixed(0)} reminders/s`);
await store.close();
rmSync(dir, { recursive: true, force: true });
