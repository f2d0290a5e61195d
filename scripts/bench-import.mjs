// Benchmark of the org and roster import on SQLite, from an empty database: the 组织部 previews
// and applies an org sheet of 60 committees × 10 branches (600 branches), then a roster of 30 000
// people. For each step: wall time, cpu time, peak memory (rss and heap sampled every 5 ms) and
// the store round trips (each get/insert/update/remove/find/count and each transaction is one
// request on the WeChat cloud database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createLocalFiles } from '../cloudfunctions/core/adapters/local/files.ts';
import { createApp } from '../cloudfunctions/core/app.ts';
import { issueSetupCode } from '../cloudfunctions/core/services/setup-code.ts';
import { orgBook, rosterBook, rosterPeople } from '../test/support/org-sheets.ts';
import { countingStore } from './bench/counting-store.ts';

const COMMITTEES = 60;
const BRANCHES_EACH = 10;
const PEOPLE = 30_000;
const now = new Date('2026-11-27T02:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
const raw = openSqliteStore(path.join(dir, 'bench.sqlite'));
const { store, counter, reset } = countingStore(raw);
const files = createLocalFiles(path.join(dir, 'files'));
const router = createApp({ store, clock: () => now, files, logger: { error: (m, e) => console.error(m, e) }, publicRateLimit: null });
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let n = 0;
async function call(procedure, input) {
  const r = await router.call({ openid: 'bench-admin' }, { procedure, input, requestId: `b${++n}` });
  if (!r.ok) throw new Error(`${procedure}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Runs `fn`, answering its result with wall and cpu ms, peak rss/heap and round trips. */
async function measure(fn) {
  reset();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 5);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  const wall = performance.now() - t;
  clearInterval(timer);
  sample();
  const c = process.cpuUsage(cpu);
  return { result, wall, cpu: (c.user + c.system) / 1000, rss, heap, trips: counter.trips };
}

const code = await issueSetupCode(raw, now, () => {});
await call('setup.claim', { code, name: '组织部管理员', staffNo: 'T0001', kind: 'teacher', politicalStatus: 'full_member' });

const orgBytes = await orgBook(COMMITTEES, BRANCHES_EACH);
const rosterBytes = await rosterBook(rosterPeople(PEOPLE, COMMITTEES, BRANCHES_EACH));
const baseline = process.memoryUsage().rss;
const upload = (bytes, name) => files.saveDocument(bytes, name).fileId;
const rows = [];
const step = async (label, fn, describe) => {
  const m = await measure(fn);
  rows.push({ label, ...m, what: describe(m.result) });
};

await step('org · preview', () => call('orgImport.preview', { sheet: 'org', fileId: upload(orgBytes, 'org.xlsx') }), (p) => `新增 ${p.add}，问题 ${p.problemCount}`);
const orgPreview = rows[0];
const orgId = (await call('orgImport.preview', { sheet: 'org', fileId: upload(orgBytes, 'org.xlsx') })).importId;
// Apply as the phone does: call again while `done` is false (each call at most 20 s of chunks).
const applyAll = async (importId) => {
  let r;
  let calls = 0;
  do {
    r = await call('orgImport.apply', { importId });
    calls += 1;
  } while (!r.done);
  return { ...r, calls };
};
await step('org · apply', () => applyAll(orgId), (r) => `新增 ${r.add}（${r.calls} 次调用）`);
await step('roster · preview', () => call('orgImport.preview', { sheet: 'roster', fileId: upload(rosterBytes, 'roster.xlsx') }), (p) => `新增 ${p.add}，问题 ${p.problemCount}`);
const rosterId = rows[2].result.importId;
await step('roster · apply', () => applyAll(rosterId), (r) => `新增 ${r.add}（${r.calls} 次调用）`);
await step('roster · preview again', () => call('orgImport.preview', { sheet: 'roster', fileId: upload(rosterBytes, 'roster.xlsx') }), (p) => `不变 ${p.unchanged}，新增 ${p.add}，修改 ${p.change}`);
void orgPreview;

console.log(`import of ${COMMITTEES} committees + ${COMMITTEES * BRANCHES_EACH} branches, then ${PEOPLE} roster rows (org sheet ${(orgBytes.length / 1024).toFixed(0)} KB, roster sheet ${(rosterBytes.length / 1024 / 1024).toFixed(1)} MB), SQLite on disk:`);
console.log(`rss before the first step (the bench's own two workbooks built): ${mb(baseline)}; peaks are of this whole process`);
console.log('| step | wall | cpu | peak rss | peak heap | store round trips | result |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.label} | ${(r.wall / 1000).toFixed(2)} s | ${(r.cpu / 1000).toFixed(2)} s | ${mb(r.rss)} | ${mb(r.heap)} | ${r.trips} | ${r.what} |`);
await raw.close();
rmSync(dir, { recursive: true, force: true });
