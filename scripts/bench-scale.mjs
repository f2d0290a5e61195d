// Benchmark at university scale: a seeded SQLite university (scripts/bench/seed-university.mjs),
// each main procedure called N times through the real router as the right people, with its server
// time (p50/p95), its store round trips per call (what WeChat cloud database requests cost) and a
// hand-written SQL query reading the same data; then the weapp package sizes beside an empty Taro
// app, and the H5 first paint in headless Chromium. Prints a table, writes bench-results/scale.json.
//
//   npm run bench                          everything (about 3–4 minutes on 2 cores)
//   node --import tsx scripts/bench-scale.mjs --only-procedures   the procedure table only
//   node --import tsx scripts/bench-scale.mjs --only-h5           the H5 first paint only
//   BENCH_CALLS=50 …                       more calls per procedure (default 20)
//   BENCH_OUT=bench-results/x.json …       where the JSON goes
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createApp } from '../cloudfunctions/core/app.ts';
import { procedures } from '../cloudfunctions/core/procedures/index.ts';
import { BUDGETS, CLOUD_TIME_GOAL_MS, MODEL_HEADING, modelledCloudMs, TRIP_BUDGET } from './bench/budgets.ts';
import { caseLabel, procedureCases } from './bench/cases.ts';
import { countingStore } from './bench/counting-store.ts';
import { openHandSql } from './bench/hand-sql.mjs';
import { NOW, seedUniversity } from './bench/seed-university.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_CALLS ?? 20);
const onlyProcedures = process.argv.includes('--only-procedures');
/** --only-h5: the seeded university and the H5 first paint alone (no procedure table, sizes or cold start). */
const onlyH5 = process.argv.includes('--only-h5');
const out = path.resolve(root, process.env.BENCH_OUT ?? 'bench-results/scale.json');
const dir = mkdtempSync(path.join(tmpdir(), 'bench-scale-'));
const file = path.join(dir, 'university.sqlite');

// 1. The university.
let t = performance.now();
const raw = openSqliteStore(file);
const seeded = await seedUniversity(raw);
const seedMs = performance.now() - t;
const total = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
console.log(`seed: ${total} documents in ${(seedMs / 1000).toFixed(1)} s`, seeded.counts);
const { brands } = seeded;

// 2. The router on the counted store, the clock fixed at NOW.
const counted = countingStore(raw);
let ids = 0;
const exports = [];
const files = {
  urls: async () => new Map(),
  saveExport: async (bytes, fileName) => {
    exports.push({ fileName, size: bytes.length });
    return { fileId: `bench:${exports.length}`, url: `/files/${exports.length}`, fileName, size: bytes.length };
  },
};
const router = createApp({ store: counted.store, clock: () => NOW, newId: () => `bench${++ids}`, files, logger: { error: (m, e) => console.error(m, e) } });
const handSql = openHandSql(file);

const CASES = procedureCases(seeded);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const round = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

const rows = [];
for (const c of onlyH5 ? [] : CASES) {
  if (!(c.name in procedures)) {
    console.log(`(skipped ${c.name}: not registered yet)`);
    continue;
  }
  const calls = Math.min(c.calls ?? N, N);
  const times = [];
  const trips = [];
  const byOp = {};
  let error = null;
  let items = null;
  const unindexed = new Set();
  // One warm-up call for reads (JIT, statement cache); writes are each a fresh document.
  if (!c.write) {
    const [openid, input] = c.call(calls);
    await router.call(openid ? { openid } : null, { procedure: c.name, input });
  }
  for (let i = 0; i < calls; i++) {
    const [openid, input] = c.call(i);
    counted.reset();
    const t0 = performance.now();
    const r = await router.call(openid ? { openid } : null, { procedure: c.name, input, requestId: `bench-${c.name}-${i}` });
    times.push(performance.now() - t0);
    trips.push(counted.counter.trips);
    for (const [op, n] of Object.entries(counted.counter.byOp)) byOp[op] = (byOp[op] ?? 0) + n;
    for (const q of counted.counter.queries) {
      const plan = handSql.planOf(q);
      if (plan.scan) unindexed.add(`${plan.collection}: ${plan.detail.join(' / ')}`);
    }
    if (!r.ok) error ??= `${r.error.code}: ${r.error.message}`;
    else items ??= Array.isArray(r.data) ? r.data.length : Array.isArray(r.data?.items) ? r.data.items.length : Array.isArray(r.data?.applications) ? r.data.applications.length : null;
  }
  const handTimes = [];
  if (c.hand && handSql.hand[c.name]) {
    if (!c.write) handSql.hand[c.name](c.hand(calls));
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      handSql.hand[c.name](c.hand(i));
      handTimes.push(performance.now() - t0);
    }
  }
  const budget = BUDGETS[caseLabel(c)] ?? null;
  const row = {
    procedure: caseLabel(c),
    calls,
    p50: round(pct(times, 50)),
    p95: round(pct(times, 95)),
    roundTrips: pct(trips, 50),
    roundTripsMax: Math.max(...trips),
    byOp: Object.fromEntries(Object.entries(byOp).map(([op, n]) => [op, round(n / calls)])),
    items,
    handSqlMs: handTimes.length ? round(pct(handTimes, 50)) : null,
    /** The goal and, for a procedure over it today, the ceiling the budget test holds it to. */
    tripBudget: budget ? budget.trips : null,
    tripCeiling: budget?.over ? budget.over.trips : null,
    modelledCloudMs: round(modelledCloudMs(pct(trips, 50), pct(times, 50))),
    /** Store queries SQLite answered with a full table scan (a missing index), with their plans. */
    unindexed: [...unindexed],
    error,
  };
  rows.push(row);
  console.log(`${row.procedure}: p50 ${row.p50} ms, ${row.roundTrips} round trips${error ? `, ERROR ${error}` : ''}`);
}

const table = [
  `| procedure | calls | p50 ms | p95 ms | round trips | budget | modelled cloud ms ¹ | hand SQL ms | notes |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map((r) => {
    const notes = [r.items !== null ? `${r.items} items` : null, r.roundTripsMax !== r.roundTrips ? `max ${r.roundTripsMax} trips` : null, r.unindexed.length ? `${r.unindexed.length} unindexed queries` : null, r.error ? `ERROR ${r.error}` : null].filter(Boolean).join('; ');
    const budget = r.tripBudget === null ? '—' : `${r.roundTripsMax <= r.tripBudget ? '✓' : '✗'} ${r.roundTripsMax}/${r.tripBudget}${r.tripCeiling ? ` (over, held ≤ ${r.tripCeiling})` : ''}`;
    const cloud = r.tripBudget === null ? `${r.modelledCloudMs}` : `${r.modelledCloudMs <= CLOUD_TIME_GOAL_MS ? '✓' : '✗'} ${r.modelledCloudMs}`;
    return `| ${r.procedure} | ${r.calls} | ${r.p50} | ${r.p95} | ${r.roundTrips} | ${budget} | ${cloud} | ${r.handSqlMs ?? '—'} | ${notes} |`;
  }),
  '',
  `¹ ${MODEL_HEADING}. Goals: at most ${TRIP_BUDGET} round trips and ${CLOUD_TIME_GOAL_MS} ms for every procedure a person waits for (budgets: scripts/bench/budgets.ts).`,
].join('\n');
const scans = rows.flatMap((r) => r.unindexed.map((u) => `${r.procedure} → ${u}`));
console.log(`\n${table}\n\nstore queries without an index: ${scans.length ? `\n  ${scans.join('\n  ')}` : 'none (every find and count used an index, EXPLAIN QUERY PLAN)'}\n`);
// The showcase list's first brand, for the first-paint bench to watch for.
const publicList = await router.call(null, { procedure: 'brand.publicList', input: {} });
const listBrandName = publicList.ok ? (publicList.data.items ?? publicList.data)[0]?.name : null;
handSql.close();
await raw.close();

// 3. and 4. Sizes and first paint (each builds what it needs into a private directory).
let sizes = null;
let firstPaint = null;
let coldStart = null;
if (!onlyProcedures) {
  if (!onlyH5) {
    const { measureColdStart } = await import('./bench/cold-start.mjs');
    coldStart = measureColdStart(root);
    const { measureSizes } = await import('./bench/sizes.mjs');
    sizes = await measureSizes(root);
  }
  const { measureFirstPaint } = await import('./bench/first-paint.mjs');
  firstPaint = await measureFirstPaint(root, { dbFile: file, brandId: brands.promoted[0], listBrandName, now: NOW });
}

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, callsPerProcedure: N, seed: { ms: Math.round(seedMs), documents: total, counts: seeded.counts }, procedures: rows, table, coldStart, sizes, firstPaint }, null, 2)}\n`,
);
console.log(`written: ${path.relative(root, out)}`);
rmSync(dir, { recursive: true, force: true });
