// The 体验评分 figures of WeChat DevTools' Audits, per page of the weapp build, in the runtime
// double (test/weapp/support): every page of pages.table.ts opened on the fixture world by the
// person who uses it, then a thumb typing into the 申报书 (a key every 100 ms, autosave on).
// For each: setData calls, the largest payload (JSON bytes), the most calls in any 1 s window
// (the double's clock), and the drawn tree's nodes, depth and most children under one node
// (the page's data drawn through WeChat's compiled WXML). Thresholds: setData ≤ 256 KB and
// ≤ 20 a second; nodes < 1000, depth < 30, children < 60 — the same checks test/weapp asserts.
// At scale: 批次管理 again with 20 more batches (it draws 10 at a time). Prints a table and writes bench-results/weapp-experience.json. Builds dist/weapp when it is
// older than the sources.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { buildWorld, removeWorldFiles, WORLD_NOW } from '../test/security/world.ts';
import { ADMIN, HOST } from '../test/support/harness.ts';
import { KEY_EVERY_MS, TYPED } from '../test/weapp/support/typing.ts';
import { PAGES } from '../test/weapp/pages.table.ts';
import { AUDIT, figures, overThresholds } from '../test/weapp/support/audit.ts';
import { startCloud } from '../test/weapp/support/cloud.ts';
import { person } from '../test/weapp/support/person.ts';
import { createRuntime } from '../test/weapp/support/runtime.ts';
import { newest } from './bench/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const appJson = path.join(root, 'dist', 'weapp', 'app.json');
const sources = Math.max(newest(path.join(root, 'miniprogram')), newest(path.join(root, 'shared')), newest(path.join(root, 'config')));
if (!existsSync(appJson) || statSync(appJson).mtimeMs < sources) {
  console.log('building dist/weapp …');
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('taro build --type weapp failed');
}

const world = await buildWorld();
const file = `${world.file}.bench-weapp.sqlite`;
copyFileSync(world.file, file);
const cloud = await startCloud({ store: openSqliteStore(file), now: WORLD_NOW });
const rt = createRuntime(cloud);
const me = person(rt);
const rows = [];
const SCALE_BATCHES = 20;
const measure = (label, as, frames) => {
  const f = figures(frames);
  rows.push({ page: label, as, ...f, over: overThresholds(f) });
};

try {
  for (const [route, entry] of Object.entries(PAGES)) {
    rt.as(entry.as);
    const query = entry.query(world);
    const start = rt.frames.length;
    await me.open(`/${route}${query ? `?${query}` : ''}`);
    await me.waitFor(entry.shows);
    measure(route, entry.as, rt.frames.slice(start).filter((f) => f.route === route));
  }
  rt.as(HOST);
  const edit = 'packages/project/edit/index';
  await me.open(`/${edit}?id=${world.projects.draft.cs.id}`);
  await me.waitFor('基本信息');
  const start = rt.frames.length;
  for (const [field, text] of Object.entries(TYPED)) await me.typeKeys(field, text, KEY_EVERY_MS);
  await me.waitFor(/已自动保存 \d{2}:\d{2}/, 10_000);
  measure(`${edit} typing (a key every ${KEY_EVERY_MS} ms, autosave)`, HOST, rt.frames.slice(start).filter((f) => f.route === edit));
  // At scale: the fixture world has 13 batches; a university's 组织部 sees the school's batches
  // and every committee's own (30 committees: 30 a year). 批次管理 with 20 more.
  for (let i = 1; i <= SCALE_BATCHES; i++) {
    const input = { name: `规模批次${i}`, year: 2026, level: 'school', calendar: { submissionDeadline: '2026-12-27', recommendationDeadline: '2027-01-06' }, grantPerProject: 2_000_000, quota: 5, noticeTitle: '', paperInstructions: '' };
    const r = await cloud.router.call({ openid: ADMIN }, { procedure: 'batch.create', input, requestId: `bench-scale-${i}` });
    if (!r.ok) throw new Error(`batch.create: ${r.error.code} ${r.error.message}`);
  }
  rt.as(ADMIN);
  const batches = 'packages/admin/batches/index';
  const before = rt.frames.length;
  await me.open(`/${batches}`);
  await me.waitFor('显示更早的批次');
  measure(`${batches} with ${SCALE_BATCHES} more batches`, ADMIN, rt.frames.slice(before).filter((f) => f.route === batches));
  if (rt.warnings.length) throw new Error(`WXML runtime warnings:\n${rt.warnings.join('\n')}`);
} finally {
  await cloud.close();
  removeWorldFiles();
}

const drawMs = rt.frames.reduce((s, f) => s + f.drawMs, 0);
const head = ['page', 'setData calls', 'largest setData KB', 'setData /s (max 1 s)', 'nodes', 'depth', 'children', 'within'];
const table = [head, ...rows.map((r) => [r.page, r.calls, (r.maxBytes / 1024).toFixed(1), r.perSecond, r.nodes, r.depth, r.children, r.over.length ? `NO: ${r.over.join('; ')}` : 'yes'])];
const widths = head.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
console.log(`体验评分 figures per page (thresholds: setData ≤ ${AUDIT.setDataBytes / 1024} KB and ≤ ${AUDIT.setDataPerSecond}/s; nodes < ${AUDIT.nodes}, depth < ${AUDIT.depth}, children < ${AUDIT.children})`);
for (const row of table) console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
console.log(`drawing ${rt.frames.length} frames through the compiled WXML took ${(drawMs / 1000).toFixed(1)} s in all (${(drawMs / rt.frames.length).toFixed(1)} ms a frame)`);

mkdirSync(path.join(root, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench-results', 'weapp-experience.json'),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, thresholds: AUDIT, drawMsPerFrame: Number((drawMs / rt.frames.length).toFixed(2)), pages: rows }, null, 2)}\n`,
);
if (rows.some((r) => r.over.length)) process.exit(1);
