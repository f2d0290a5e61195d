// Benchmark of the 纸质材料包 on SQLite with files on disk, as the local host has them: one
// committee's 50 recommended applications (long texts, teams), each with two photos and a PDF as
// 支撑材料 (photos of noise, so they do not compress: as a phone's JPEG), and the committee's
// brand report with six photos, one of them gone from storage. Built through the router as the
// committee's secretary: wall and cpu time, the .zip's size and file count, peak memory (rss
// sampled every 5 ms), and what it named as left out. Written to bench-results/packet.json.
// `--keep <dir>` keeps the zip and the 立项通知 of the same batch there (to render them).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createLocalFiles } from '../cloudfunctions/core/adapters/local/files.ts';
import { createApp } from '../cloudfunctions/core/app.ts';
import { seedIfEmpty } from '../cloudfunctions/local/seed.ts';
import { png } from '../cloudfunctions/local/demo/pictures.ts';
import { applicationFields, long } from './bench/application-fields.mjs';

const APPLICATIONS = 50;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keepAt = process.argv.includes('--keep') ? path.resolve(process.argv[process.argv.indexOf('--keep') + 1]) : null;
const now = new Date('2026-11-27T02:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-packet-'));
const store = openSqliteStore(path.join(dir, 'bench.sqlite'));
const files = createLocalFiles(path.join(dir, 'files'));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** An RGB PNG of noise: it does not compress, so its size is what a phone photo of that size weighs. */
const noise = () => [Math.floor(Math.random() * 256), Math.floor(Math.random() * 256), Math.floor(Math.random() * 256)];
const noisePng = (width, height) => png(width, height, noise);

await seedIfEmpty(store, now);
const batchId = 'batch-2026-open';
let t = performance.now();
const photo = () => files.saveDocument(noisePng(640, 480), '活动照片.png');
const pdf = () => files.saveDocument(Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]), '工作方案.pdf');
await store.transaction(async (tx) => {
  for (let p = 0; p < APPLICATIONS; p++) {
    const hostId = `u_bench-host-${p}`;
    await tx.insert('users', {
      _id: hostId,
      openid: `bench-host-${p}`,
      profile: { name: `主持人${p}`, staffNo: `B${p}`, kind: 'teacher', committeeId: 'c-cs', branchId: 'b-cs-t1', politicalStatus: 'full_member', isPartyWorker: true },
      profileStatus: 'confirmed',
      roles: [{ role: 'member' }],
      createdAt: now.toISOString(),
    });
    const at = new Date(now.getTime() - (APPLICATIONS - p) * 60_000).toISOString();
    const attachments = [photo(), photo(), pdf()].map((f) => ({ fileId: f.fileId, name: f.name, size: f.size }));
    await tx.insert('projects', {
      _id: `p${String(p).padStart(3, '0')}`,
      batchId,
      committeeId: 'c-cs',
      hostId,
      hostName: `主持人${p}`,
      state: 'recommended',
      committeeRank: p + 1,
      committeeOpinion: long(300, '经党委会研究，同意推荐。'),
      fields: applicationFields({ title: `党建精品项目${p + 1}：支部建在团队上`, milestones: [{ date: '2027-03-01', task: '完成方案' }, { date: '2027-09-30', task: '形成阶段成果' }], budgetExtraFen: p, attachments: attachments }),
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
    });
    for (let m = 0; m < 3; m++) {
      await tx.insert('teamMembers', { _id: `p${p}:m${m}`, projectId: `p${String(p).padStart(3, '0')}`, userId: `u_m${p}-${m}`, name: `成员${m}`, kind: 'student', committeeId: 'c-cs', politicalStatus: 'full_member', joinedAt: at });
    }
  }
});
const router = createApp({ store, clock: () => now, files, logger: { error: (...a) => console.error(...a) } });
const call = async (openid, procedure, input) => {
  const r = await router.call({ openid }, { procedure, input, requestId: `bench-${procedure}-${Math.random()}` });
  if (!r.ok) throw new Error(`${procedure}: ${r.error.code} ${r.error.message}`);
  return r.data;
};
// The committee's brand report: six photos, one gone from storage.
const brand = await call('dev-secretary-cs', 'brand.create', { year: 2026 });
const report = await call('dev-secretary-cs', 'brand.get', { id: brand._id });
const images = [0, 1, 2, 3, 4].map(() => files.saveImage(noisePng(800, 600)).fileId);
await call('dev-secretary-cs', 'brand.save', {
  id: brand._id,
  version: report.version ?? brand.version,
  report: {
    ...report.report,
    name: '红色引擎·智汇先锋',
    connotation: long(600, '以党建引领科研攻关。'),
    approach: long(600, '实践—总结—规范—提高—定型—推广。'),
    carriers: [
      { title: '先锋讲堂', description: long(300, '每月一次的党员讲堂。'), projectId: 'p000', photos: images.slice(0, 3) },
      { title: '科研攻关', description: long(300, '党员带头攻关。'), projectId: null, photos: [...images.slice(3), 'local:gone.png'] },
    ],
  },
});
console.log(`seed: ${APPLICATIONS} recommended applications, each with 2 photos (~0.9 MB) and a 200 KB PDF; a brand report with 6 photos (1 missing): ${(performance.now() - t).toFixed(0)} ms`);

globalThis.gc?.();
const base = process.memoryUsage().rss;
let peak = base;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
t = performance.now();
const cpu = process.cpuUsage();
const packet = await call('dev-secretary-cs', 'export.packet', { batchId, committeeId: 'c-cs', jobId: 'bench-packet-0001' });
const wall = performance.now() - t;
const used = process.cpuUsage(cpu);
clearInterval(sampler);

const zipFile = path.join(dir, 'files', packet.fileId.replace(/^local:/, ''));
const zip = await JSZip.loadAsync((await import('node:fs')).readFileSync(zipFile));
const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
const docx = names.filter((n) => n.endsWith('.docx')).length;
if (packet.applications !== APPLICATIONS || docx !== APPLICATIONS + 2) throw new Error(`expected ${APPLICATIONS} 申报书, the 报送函 and the brand report, found ${docx} .docx`);
const result = {
  applications: packet.applications,
  files: names.length,
  zipBytes: packet.size,
  zipMB: Number((packet.size / 1024 / 1024).toFixed(1)),
  wallMs: Math.round(wall),
  cpuMs: Math.round((used.user + used.system) / 1000),
  peakRssMB: Number((peak / 1024 / 1024).toFixed(0)),
  rssGrowthMB: Number(((peak - base) / 1024 / 1024).toFixed(0)),
  leftOutCount: packet.leftOut.length,
  leftOutFirst: packet.leftOut.slice(0, 2),
  leftOutLast: packet.leftOut.slice(-1),
  node: process.version,
  at: new Date().toISOString(),
};
console.log(`纸质材料包（${APPLICATIONS} 份申报书，含图片）: ${result.files} files, ${mb(packet.size)} zip in ${result.wallMs} ms wall, ${result.cpuMs} ms cpu · peak rss ${result.peakRssMB} MB (+${result.rssGrowthMB} MB) · named as left out: ${packet.leftOut.length} (first: ${packet.leftOut[0] ?? '—'}; last: ${packet.leftOut.at(-1) ?? '—'})`);
writeFileSync(path.join(root, 'bench-results', 'packet.json'), `${JSON.stringify(result, null, 2)}\n`);

if (keepAt) {
  mkdirSync(keepAt, { recursive: true });
  copyFileSync(zipFile, path.join(keepAt, 'packet.zip'));
  for (const id of ['p000', 'p001']) await store.update('projects', id, (await store.get('projects', id)).version, { state: 'approved', grantFen: 2_000_000 });
  const notice = await call('dev-admin', 'notice.issue', { batchId, docNumber: '组〔2027〕3号', issuerName: '中共深圳大学委员会组织部', date: '2027-01-15' });
  copyFileSync(path.join(dir, 'files', notice.fileId.replace(/^local:/, '')), path.join(keepAt, 'notice.docx'));
  console.log(`kept ${statSync(path.join(keepAt, 'packet.zip')).size} bytes of packet and the 立项通知 in ${keepAt}`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
