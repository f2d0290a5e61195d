// Benchmark of one release of a round's results on SQLite: 3 000 projects in publicity across 60
// committees (host + one team member each, a secretary per committee), decided through the real
// router in calls of 200 (review.finalize's limit), previewed, released in steps (release.run),
// then their messages delivered by the one sender (the timed job) to the local dev inbox, half
// of the hosts having allowed the result template. Round trips are store calls (each one WeChat
// cloud database request on the cloud).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createApp } from '../cloudfunctions/core/app.ts';
import { runReminders } from '../cloudfunctions/core/jobs/remind.ts';
import { DEFAULT_REMINDER_CONFIG } from '../cloudfunctions/core/jobs/reminder-config.ts';
import { countingStore } from './bench/counting-store.ts';

const PROJECTS = 3_000;
const COMMITTEES = 60;
const STEP = 200;
const NOW = new Date('2027-01-20T02:00:00Z'); // 10:00 Beijing, the day after the publicity period
const dir = mkdtempSync(path.join(tmpdir(), 'bench-release-'));
const base = openSqliteStore(path.join(dir, 'bench.sqlite'));
const counted = countingStore(base);
const ms = (t) => performance.now() - t;
const user = (id, committeeId, roles) => ({ _id: `u_${id}`, openid: id, profile: { name: `用户${id}`, staffNo: id, kind: 'teacher', committeeId, branchId: 'x', politicalStatus: 'full_member', isPartyWorker: true }, profileStatus: 'confirmed', roles: [{ role: 'member' }, ...roles], createdAt: 'x' });

let t = performance.now();
await base.transaction(async (tx) => {
  await tx.insert('batches', { _id: 'b', name: '基准批次', year: 2027, level: 'school', calendar: { submissionDeadline: '2026-12-01', recommendationDeadline: '2026-12-10', reviewStart: '2026-12-11', reviewEnd: '2027-01-05', publicityStart: '2027-01-10', publicityEnd: '2027-01-19' }, grantPerProject: 2_000_000, quota: PROJECTS });
  await tx.insert('users', user('admin', 'org', [{ role: 'admin' }]));
  await tx.insert('roleIndex', { _id: 'admin:-:u_admin', role: 'admin', userId: 'u_admin', committeeId: null });
  for (let c = 0; c < COMMITTEES; c++) {
    await tx.insert('users', user(`sec${c}`, `c${c}`, [{ role: 'secretary', committeeId: `c${c}` }]));
    await tx.insert('roleIndex', { _id: `secretary:c${c}:u_sec${c}`, role: 'secretary', userId: `u_sec${c}`, committeeId: `c${c}` });
  }
  for (let p = 0; p < PROJECTS; p++) {
    const committeeId = `c${p % COMMITTEES}`;
    await tx.insert('users', user(`h${p}`, committeeId, []));
    await tx.insert('users', user(`m${p}`, committeeId, []));
    await tx.insert('projects', { _id: `p${p}`, batchId: 'b', committeeId, hostId: `u_h${p}`, hostName: `用户h${p}`, state: 'in_publicity', fields: { title: `项目${p}` }, createdAt: 'x', updatedAt: 'x', submittedAt: 'x' });
    await tx.insert('teamMembers', { _id: `p${p}:u_m${p}`, projectId: `p${p}`, userId: `u_m${p}`, name: `用户m${p}`, kind: 'teacher', committeeId, politicalStatus: 'full_member', joinedAt: 'x' });
    if (p % 2 === 0) await tx.insert('subscriptions', { _id: `u_h${p}:result`, userId: `u_h${p}`, templateKey: 'result', remaining: 1, lastResult: 'accept', updatedAt: 'x' });
  }
});
console.log(`seed: ${PROJECTS} projects in publicity, ${2 * PROJECTS + COMMITTEES + 1} users: ${ms(t).toFixed(0)} ms`);

let ids = 0;
const router = createApp({ store: counted.store, clock: () => NOW, newId: () => `bench${++ids}`, logger: { error: (m, e) => console.error(m, e) } });
const call = async (procedure, input) => {
  const r = await router.call({ openid: 'admin' }, { procedure, input, requestId: `rq${++ids}` });
  if (!r.ok) throw new Error(`${procedure}: ${r.error.code} ${r.error.message}`);
  return r.data;
};
const measure = async (label, fn) => {
  counted.reset();
  const t0 = performance.now();
  const out = await fn();
  const took = ms(t0);
  console.log(`${label}: ${took.toFixed(0)} ms, ${counted.counter.trips} round trips`);
  return { out, took, trips: counted.counter.trips };
};

const results = {};
const decide = await measure(`decide (review.finalize × ${PROJECTS / STEP}, ${STEP} each)`, async () => {
  const per = [];
  for (let i = 0; i < PROJECTS; i += STEP) {
    const t0 = performance.now();
    await call('review.finalize', { batchId: 'b', approve: Array.from({ length: STEP }, (_, k) => `p${i + k}`), reject: [] });
    per.push(ms(t0));
  }
  return per;
});
results.decide = { ms: Math.round(decide.took), roundTrips: decide.trips, perCallMs: Math.round(decide.took / decide.out.length), roundTripsPerResult: +(decide.trips / PROJECTS).toFixed(2) };
const staged = await base.count('outbox', { releaseId: 'b:approval', box: 'held' });
const toldEarly = await base.count('outbox', { box: 'inbox' });
console.log(`staged: ${staged} messages, told before the release: ${toldEarly}`);

const preview = await measure('preview (release.preview)', () => call('release.preview', { batchId: 'b', stage: 'approval' }));
results.preview = { ms: Math.round(preview.took), roundTrips: preview.trips, groups: preview.out.groups.map((g) => `${g.label} ${g.count}`) };

const release = await measure('release (release.run until nothing is left)', async () => {
  let calls = 0;
  for (;;) {
    calls += 1;
    const r = await call('release.run', { batchId: 'b', stage: 'approval' });
    if (r.remaining === 0) return { calls, total: r.totalReleased };
  }
});
results.release = { ms: Math.round(release.took), roundTrips: release.trips, calls: release.out.calls, released: release.out.total };
const again = await measure('release tapped again', () => call('release.run', { batchId: 'b', stage: 'approval' }));
results.releaseAgain = { ms: Math.round(again.took), roundTrips: again.trips, released: again.out.released };

const deliver = await measure('deliver (the timed job: every released message)', () => runReminders({ store: counted.store, notifier: createNotifier(), config: DEFAULT_REMINDER_CONFIG, now: NOW, logger: { error: () => {} } }));
results.deliver = { ms: Math.round(deliver.took), roundTrips: deliver.trips, ...pick(deliver.out), messagesPerSecond: Math.round((deliver.out.sent + deliver.out.skippedNoGrant) / (deliver.took / 1000)) };
const rerun = await measure('deliver again (nothing new)', () => runReminders({ store: counted.store, notifier: createNotifier(), config: DEFAULT_REMINDER_CONFIG, now: new Date(NOW.getTime() + 3_600_000), logger: { error: () => {} } }));
results.deliverAgain = { ms: Math.round(rerun.took), roundTrips: rerun.trips, sent: rerun.out.sent };
const cards = await base.count('devInbox');
console.log(`dev inbox cards: ${cards}; messages in 消息: ${await base.count('outbox', { box: 'inbox' })}`);
const report = { at: new Date().toISOString(), projects: PROJECTS, staged, toldEarly, cards, ...results };
console.log(JSON.stringify(report, null, 1));
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'release.json'), `${JSON.stringify(report, null, 2)}\n`);
if (toldEarly !== 0 || again.out.released !== 0 || rerun.out.sent !== 0 || cards !== PROJECTS / 2) throw new Error('release or delivery was not exactly once');

function pick(s) {
  return { sent: s.sent, skippedNoGrant: s.skippedNoGrant, failed: s.failed, interrupted: s.interrupted };
}

function createNotifier() {
  let n = 0;
  return {
    async send(m) {
      await base.insert('devInbox', { _id: `card${++n}:${m.toUserId}`, toUserId: m.toUserId, openid: m.openid, templateId: m.templateId, title: m.title, page: m.page, lines: m.lines, at: NOW.toISOString() });
      return { ok: true };
    },
  };
}
await base.close();
rmSync(dir, { recursive: true, force: true });
