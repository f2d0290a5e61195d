// Benchmark of counting views (issue 28): 100 000 views of 30 promoted brands in one day, through
// the real router's brand.public on two "function instances" (two apps, each with its own buffer,
// flushing every 5 s of the simulated day), then the timed job's fold, with its store round trips
// (the budget: at most 1 per 100 views) and time; a rerun; and brand.influence's round trips (≤ 4).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store.ts';
import { createApp, createInfluence } from '../cloudfunctions/core/app.ts';
import { foldInfluence } from '../cloudfunctions/core/jobs/fold-influence.ts';
import { seedIfEmpty } from '../cloudfunctions/local/seed.ts';
import { countingStore } from './bench/counting-store.ts';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 100_000);
const BRANDS = 30;
const INSTANCES = 2;
const DAY_START = Date.parse('2026-11-27T00:00:00Z'); // 08:00 in Beijing, views over 14 hours
const SPAN_MS = 14 * 3600_000;
const dir = mkdtempSync(path.join(tmpdir(), 'bench-influence-'));
const raw = openSqliteStore(path.join(dir, 'bench.sqlite'));
await seedIfEmpty(raw, new Date(DAY_START));
await raw.transaction(async (tx) => {
  for (let b = 0; b < BRANDS; b++) {
    const report = { name: `品牌${b}`, stage: 'improve', connotation: '内涵', approach: '', carriers: [], influence: [], publicNames: [], logo: null };
    await tx.insert('brands', { _id: `b${b}`, committeeId: 'c-cs', year: 2026, state: 'promoted', report, cultivation: null, returnComment: null, searchText: `品牌${b}`, createdAt: 'x', updatedAt: 'x', submittedAt: null, acceptedAt: null, promotedAt: null });
  }
});
let now = new Date(DAY_START);
const clock = () => now;
const apps = Array.from({ length: INSTANCES }, () => {
  // flushDelayMs 0: the bench flushes by hand every 5 simulated seconds, as the timer would.
  const influence = createInfluence(raw, clock);
  return { influence, router: createApp({ store: raw, clock, influence, publicRateLimit: null, logger: { error: () => {} } }) };
});
const scenes = [1007, 1008, 1154, 1047, 1001];
let t = performance.now();
let flushedAt = DAY_START;
for (let i = 0; i < VIEWS; i++) {
  now = new Date(DAY_START + Math.floor((i / VIEWS) * SPAN_MS));
  const app = apps[i % INSTANCES];
  await app.router.call({ openid: `o${i % 20_000}` }, { procedure: 'brand.public', input: { id: `b${(i * 7) % BRANDS}`, via: { scene: scenes[i % scenes.length] } } });
  if (now.getTime() - flushedAt >= 5_000) {
    for (const a of apps) await a.influence.buffer.flush();
    flushedAt = now.getTime();
  }
}
for (const a of apps) await a.influence.buffer.flush();
const viewMs = performance.now() - t;
const buffers = await raw.count('influenceBuffer');
console.log(`${VIEWS} views through brand.public on ${INSTANCES} instances: ${(viewMs / 1000).toFixed(1)} s; ${buffers} buffer documents`);

const counted = countingStore(raw);
now = new Date(DAY_START + 20 * 3600_000);
counted.reset();
t = performance.now();
const folded = await foldInfluence({ store: counted.store, now });
const foldMs = performance.now() - t;
const foldTrips = counted.counter.trips;
console.log(`fold: ${foldTrips} round trips (${(foldTrips / (VIEWS / 100)).toFixed(2)} per 100 views; budget 1), ${foldMs.toFixed(0)} ms`, folded, counted.counter.byOp);
counted.reset();
t = performance.now();
const again = await foldInfluence({ store: counted.store, now });
console.log(`rerun: ${counted.counter.trips} round trips, ${(performance.now() - t).toFixed(0)} ms`, again);

const figures = createApp({ store: counted.store, clock, publicRateLimit: null, logger: { error: () => {} } });
await figures.call({ openid: 'dev-admin' }, { procedure: 'brand.influence', input: { brandId: 'b0' } });
counted.reset();
const r = await figures.call({ openid: 'dev-admin' }, { procedure: 'brand.influence', input: { brandId: 'b0' } });
console.log(`brand.influence: ${counted.counter.trips} round trips (budget 4)`, r.ok ? r.data.totals : r.error);
const total = (await raw.aggregate('influenceDays', { groupBy: [], measures: { v: { op: 'sum', field: 'views' } } }))[0]?.values.v;
console.log(`views folded: ${total} of ${VIEWS}`);
if (total !== VIEWS || foldTrips > VIEWS / 100) process.exitCode = 1;
await raw.close();
rmSync(dir, { recursive: true, force: true });
