// Round-trip budgets (scripts/bench/budgets.ts): each procedure a person waits for is called once
// as the right person on the seeded university — the bench's, at full scale (30 000 people, 3 000
// projects, 19 000 reviews), because the dashboards' and review.roundStatus's trips grow with it —
// through the real router on SQLite, counting store round trips. A count, not a timing: the test
// fails when a procedure makes more than its budget (or, for one over the goal today, more than
// the figure it is held to).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../cloudfunctions/core/adapters/sqlite/store';
import { createApp } from '../cloudfunctions/core/app';
import { NO_FILES } from '../cloudfunctions/core/ports/files';
import type { Router } from '../cloudfunctions/core/router/router';
import type { Store } from '../cloudfunctions/core/ports/store';
import { BUDGETS, TRIP_BUDGET } from '../scripts/bench/budgets';
import { caseLabel, procedureCases, type ProcedureCase } from '../scripts/bench/cases';
import { countingStore } from '../scripts/bench/counting-store';
import { NOW, seedUniversity } from '../scripts/bench/seed-university.mjs';

let dir = '';
let raw: Store;
let router: Router;
let counted: ReturnType<typeof countingStore>;
let cases: ProcedureCase[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
  raw = openSqliteStore(path.join(dir, 'university.sqlite'));
  const seeded = await seedUniversity(raw);
  counted = countingStore(raw);
  let ids = 0;
  router = createApp({
    store: counted.store,
    clock: () => NOW,
    newId: () => `budget${++ids}`,
    files: NO_FILES,
    logger: { error: () => {} },
  });
  cases = procedureCases(seeded);
}, 120_000);

afterAll(async () => {
  await raw?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('store round trips per procedure a person waits for', () => {
  it('every budgeted case exists, and every waited-for case has a budget', () => {
    const labels = new Set(cases.map(caseLabel));
    for (const label of Object.keys(BUDGETS)) expect(labels.has(label), label).toBe(true);
    for (const c of cases) if (!c.name.startsWith('export.')) expect(BUDGETS[caseLabel(c)], caseLabel(c)).toBeDefined();
  });

  it(`stays within ${TRIP_BUDGET} round trips (or, where over today, within the figure it is held to)`, async () => {
    const rows: string[] = [];
    const problems: string[] = [];
    for (const c of cases) {
      const budget = BUDGETS[caseLabel(c)];
      if (!budget) continue;
      const [openid, input] = c.call(0);
      counted.reset();
      const r = await router.call(openid ? { openid } : null, { procedure: c.name, input, requestId: `budget-${rows.length}` });
      const trips = counted.counter.trips;
      if (!r.ok) problems.push(`${caseLabel(c)} failed: ${r.error.code} ${r.error.message}`);
      const limit = budget.over ? budget.over.trips : budget.trips;
      if (trips > limit) problems.push(`${caseLabel(c)}: ${trips} round trips, budget ${limit}`);
      if (budget.over && trips <= budget.trips) problems.push(`${caseLabel(c)}: ${trips} round trips is within the goal now; remove its 'over' entry`);
      rows.push(`| ${caseLabel(c)} | ${trips} | ${budget.trips}${budget.over ? ` (over; held ≤ ${budget.over.trips}: ${budget.over.why})` : ''} |`);
    }
    console.log(['| procedure | round trips | budget |', '| --- | ---: | --- |', ...rows].join('\n'));
    expect(problems).toEqual([]);
  }, 120_000);
});
