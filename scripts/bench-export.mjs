// Benchmark of the .xlsx exports on SQLite: 3 000 submitted applications in one batch (long texts,
// teams of up to four), exported through the router as the 组织部 — 申报汇总 of the whole batch,
// then 推荐名单 — with the time, the file size and the memory the process used (rss and heap
// sampled every 5 ms; with --expose-gc the heap is also measured after a collection). Wall time
// depends on what else the machine runs; the cpu time of this process is printed beside it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createLocalFiles } from '../cloudfunctions/core/adapters/local/files.ts';
import { createApp } from '../cloudfunctions/core/app.ts';
import { seedIfEmpty } from '../cloudfunctions/local/seed.ts';
import { applicationFields, long } from './bench/application-fields.mjs';

const PROJECTS = 3_000;
const now = new Date('2026-11-27T02:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-export-'));
const store = openSqliteStore(path.join(dir, 'bench.sqlite'));
const files = createLocalFiles(path.join(dir, 'files'));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gc = globalThis.gc;

await seedIfEmpty(store, now);
const batchId = 'batch-2026-open';
const committees = [
  ['c-cs', ['b-cs-t1', 'b-cs-s1', 'b-cs-s2']],
  ['c-me', ['b-me-t1', 'b-me-s1']],
  ['c-med', ['b-med-t1', 'b-med-s1']],
  ['c-art', ['b-art-t1']],
  ['c-pe', ['b-pe-t1']],
];

let t = performance.now();
await store.transaction(async (tx) => {
  for (let p = 0; p < PROJECTS; p++) {
    const [committeeId, branches] = committees[p % committees.length];
    const hostId = `u_bench-host-${p}`;
    await tx.insert('users', {
      _id: hostId,
      openid: `bench-host-${p}`,
      profile: { name: `主持人${p}`, staffNo: `B${p}`, kind: 'teacher', committeeId, branchId: branches[p % branches.length], politicalStatus: 'full_member', isPartyWorker: true },
      profileStatus: 'confirmed',
      roles: [{ role: 'member' }],
      createdAt: now.toISOString(),
    });
    const submittedAt = new Date(now.getTime() - (PROJECTS - p) * 60_000).toISOString();
    await tx.insert('projects', {
      _id: `p${String(p).padStart(5, '0')}`,
      batchId,
      committeeId,
      hostId,
      hostName: `主持人${p}`,
      state: p % 4 === 0 ? 'recommended' : 'submitted',
      committeeRank: p % 4 === 0 ? Math.floor(p / 20) + 1 : null,
      committeeOpinion: p % 4 === 0 ? long(300, '经党委会研究，同意推荐。') : null,
      fields: applicationFields({ title: `党建精品项目${p}：支部建在团队上`, milestones: [{ date: '2027-03-01', task: '完成方案' }], budgetExtraFen: p, attachments: [] }),
      createdAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
    });
    for (let m = 0; m < p % 4; m++) {
      await tx.insert('teamMembers', { _id: `p${p}:m${m}`, projectId: `p${String(p).padStart(5, '0')}`, userId: `u_m${p}-${m}`, name: `成员${m}`, kind: 'student', committeeId, politicalStatus: 'full_member', joinedAt: submittedAt });
    }
  }
});
console.log(`seed: ${PROJECTS} submitted applications (about 10 000 characters each) in one batch: ${(performance.now() - t).toFixed(0)} ms`);

const router = createApp({ store, clock: () => now, files, logger: { error: (...a) => console.error(...a) } });

let calls = 0;
async function measure(label, procedure, input) {
  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const r = await router.call({ openid: 'dev-admin' }, { procedure, input, requestId: `bench-${procedure}-${++calls}` });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  if (!r.ok) throw new Error(`${procedure}: ${r.error.code} ${r.error.message}`);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  gc?.();
  const retained = gc ? ` · heap retained after gc ${mb(process.memoryUsage().heapUsed - base.heapUsed)}` : '';
  console.log(
    `${label}: ${r.data.rows} rows, ${mb(r.data.size)} file in ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu (${((r.data.rows / ms) * 1000).toFixed(0)} rows/s) · ` +
      `peak rss ${mb(peakRss)} (+${mb(peakRss - base.rss)}) · peak heap ${mb(peakHeap)} (+${mb(peakHeap - base.heapUsed)})${retained}`,
  );
  return r.data;
}

const applications = await measure('申报汇总（全校）', 'export.applications', { batchId });
await measure('申报汇总（计算机与软件学院党委）', 'export.applications', { batchId, committeeId: 'c-cs' });
await measure('推荐名单（全校）', 'export.recommendations', { batchId });

// The file opens and holds every application once.
const saved = path.join(dir, 'files', applications.fileId.replace(/^local:/, ''));
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(saved);
const ws = wb.getWorksheet('申报汇总');
const dataRows = ws.actualRowCount - 3;
if (dataRows !== PROJECTS) throw new Error(`expected ${PROJECTS} rows in the file, found ${dataRows}`);
console.log(`check: ${path.basename(saved)} (${mb(statSync(saved).size)}) opens with ${dataRows} data rows; last row 序号 ${ws.getRow(ws.actualRowCount).getCell(1).value}`);

await store.close();
rmSync(dir, { recursive: true, force: true });
