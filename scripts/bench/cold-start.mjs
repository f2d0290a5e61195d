// Cold start: each deployable function's bundle loaded by a fresh Node process (what a cold
// container pays before the first call), beside a floor function that only loads and inits
// wx-server-sdk, in the same run with the runs interleaved (floor, api, scheduler, floor, …) so
// the machine's load falls on all alike. Whole-process wall time and peak RSS; median of RUNS.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
export const COLD_START_GOAL = 1.2;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One whole process: load the file, answer its peak RSS; the parent times spawn to exit. */
function once(file) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)}); process.stdout.write(String(process.resourceUsage().maxRSS))`], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`loading ${file} failed:\n${r.stderr.slice(-2000)}`);
  return { ms, rssKb: Number(r.stdout) };
}

export function measureColdStart(root) {
  const dist = path.join(root, 'dist', 'cloudfunctions');
  // Always from the current sources (the build takes about a second).
  const b = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs')], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build-functions failed:\n${b.stderr}`);
  // The floor sits in dist/ (not among the functions, which the deploy uploads) and resolves the
  // same wx-server-sdk from the repo's node_modules.
  const floorDir = path.join(root, 'dist', '.bench-floor');
  mkdirSync(floorDir, { recursive: true });
  const floor = path.join(floorDir, 'index.js');
  writeFileSync(floor, "const cloud = require('wx-server-sdk');\ncloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });\nexports.main = async () => ({ ok: true });\n");
  const subjects = { floor, api: path.join(dist, 'api', 'index.js'), scheduler: path.join(dist, 'scheduler', 'index.js') };
  // BENCH_COLD_BEFORE=<another checkout's dist/cloudfunctions>: its api too, for a before/after in one run.
  if (process.env.BENCH_COLD_BEFORE) subjects['api (before)'] = path.join(path.resolve(process.env.BENCH_COLD_BEFORE), 'api', 'index.js');
  const samples = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  for (const f of Object.values(subjects)) once(f); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [k, f] of Object.entries(subjects)) samples[k].push(once(f));
  const summary = Object.fromEntries(
    Object.entries(samples).map(([k, xs]) => [k, { medianMs: Math.round(median(xs.map((x) => x.ms))), peakRssMiB: Math.round(Math.max(...xs.map((x) => x.rssKb)) / 1024), runs: xs.length, ms: xs.map((x) => Math.round(x.ms)) }]),
  );
  const ratio = (k) => Math.round((summary[k].medianMs / summary.floor.medianMs) * 100) / 100;
  const result = { goal: COLD_START_GOAL, ...summary, apiRatio: ratio('api'), schedulerRatio: ratio('scheduler') };
  for (const k of Object.keys(subjects)) {
    const r = k === 'floor' ? '' : `, ${ratio(k)}× the floor (goal ≤ ${COLD_START_GOAL}×)`;
    console.log(`cold start ${k}: ${summary[k].medianMs} ms median of ${RUNS}, peak ${summary[k].peakRssMiB} MiB${r}`);
  }
  return result;
}

// Alone: `node scripts/bench/cold-start.mjs` also writes bench-results/cold-start.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(process.argv[1]), '..', '..');
  const result = measureColdStart(root);
  mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  writeFileSync(path.join(root, 'bench-results', 'cold-start.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`);
}
