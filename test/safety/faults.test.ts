import { afterAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_ACTIONS } from '@shared/domain/project/state';
import type { ProcedureName } from '@shared/contracts';
import { procedures } from '../../cloudfunctions/core/procedures';
import { ALREADY_DONE_MESSAGE, requestRecordId, type RequestRecord } from '../../cloudfunctions/core/services/idempotency';
import { delta, faultyStore, snapshotAll, type FaultyStore } from '../support/faulty-store';
import { createHarness, type Harness } from '../support/harness';
import { SCENARIOS, type Call, type Scenario } from './journey';

/**
 * Fault injection: every lifecycle move and every multi-write procedure, run once clean to count
 * its writes (n), then once per k = 1..n with the store failing right after write k. A failed
 * call must leave every collection exactly as it was, answer INTERNAL in Chinese, and a retry
 * with the same request id must then act exactly once. A failure after the commit (the answer
 * lost on the way back) must make the retry answer "已完成" instead of acting twice.
 */

// Neither counted nor failed: the answer stored on the request record after the handler returned
// (its loss is the "after commit" case below), and the content-check cache of brand pictures that
// brand.promote starts after its commit (keyed by file id; a picture not checked stays hidden).
const uncounted = (op: string, collection: string, inTx: boolean) => (collection === 'requests' && op === 'update' && !inTx) || collection === 'mediaChecks';
const withoutCache = ({ mediaChecks: _, ...rest }: ReturnType<typeof delta>) => rest;

async function world(): Promise<{ h: Harness; fs: FaultyStore }> {
  let fs: FaultyStore | null = null;
  const h = await createHarness(undefined, {
    wrapStore: (s) => {
      fs = faultyStore(s, uncounted);
      return fs;
    },
  });
  if (!fs) throw new Error('store not wrapped');
  return { h, fs };
}

const run = (h: Harness, c: Call, requestId: string) => h.call(c.openid, c.procedure, c.input, requestId);

const totals = { faults: 0, afterCommit: 0, procedures: 0 };
const counts: Array<[string, number]> = [];
afterAll(() => {
  console.log(`fault injection: ${totals.faults} faults after a write, ${totals.afterCommit} after a commit, over ${totals.procedures} procedure runs`);
  console.log(counts.map(([n, k]) => `  ${n}: ${k} writes`).join('\n'));
});

describe('fault injection', () => {
  it('covers all 16 lifecycle moves', () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.actions));
    expect(LIFECYCLE_ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as [string, Scenario]))('%s: a fault after any write changes nothing; a retry acts once', async (_, scenario) => {
    // 1. Clean: count the writes, and see what the call changes.
    const clean = await world();
    const call = await scenario.prepare(clean.h);
    const cleanBefore = await snapshotAll(clean.h.store);
    clean.fs.arm(null);
    const first = await run(clean.h, call, 'clean');
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const log = clean.fs.log();
    const cleanDelta = delta(cleanBefore, await snapshotAll(clean.h.store));
    // All of it in one transaction: no half state is possible between two commits.
    expect(log.outside, 'writes outside the transaction').toEqual([]);
    expect(log.commits).toBe(1);
    expect(cleanDelta.requests).toEqual({ added: 1, removed: 0, changed: 0 });
    const n = log.writes;
    expect(n).toBeGreaterThanOrEqual(2); // the request claim and at least one write of its own
    counts.push([scenario.name, n]);
    totals.procedures += 1;

    // 2. A fault after each write: nothing changes, a coded Chinese error.
    const faulty = await world();
    const again = await scenario.prepare(faulty.h);
    const before = await snapshotAll(faulty.h.store);
    for (let k = 1; k <= n; k++) {
      faulty.fs.arm({ afterWrite: k });
      const r = await run(faulty.h, again, 'retried');
      expect(faulty.fs.fired(), `fault ${k} of ${n} fired`).toBe(true);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await snapshotAll(faulty.h.store), `store after fault ${k} of ${n}`).toEqual(before);
      totals.faults += 1;
    }

    // 3. The retry with the same request id acts — once, exactly like the clean call.
    faulty.fs.arm(null);
    const retry = await run(faulty.h, again, 'retried');
    expect(retry.ok, JSON.stringify(retry)).toBe(true);
    const afterRetry = await snapshotAll(faulty.h.store);
    expect(delta(before, afterRetry)).toEqual(cleanDelta);
    const replay = await run(faulty.h, again, 'retried');
    expect(replay).toEqual(JSON.parse(JSON.stringify(retry)));
    expect(await snapshotAll(faulty.h.store)).toEqual(afterRetry);

    // 4. A fault after the commit (the answer lost): the retry is told it is done and acts no more.
    const lost = await world();
    const third = await scenario.prepare(lost.h);
    const beforeLost = await snapshotAll(lost.h.store);
    lost.fs.arm({ afterCommit: 1 });
    const r = await run(lost.h, third, 'lost');
    expect(lost.fs.fired()).toBe(true);
    // The commit stood, so the call learns it is done rather than "try again"; a procedure that
    // commits its answer with its claim (claim: 'withAnswer') gives that answer, then and on a retry.
    const withAnswer = procedures[third.procedure as ProcedureName].claim === 'withAnswer';
    const record = await lost.h.store.get<RequestRecord>('requests', requestRecordId(third.openid, third.procedure, 'lost'));
    const done = withAnswer ? record?.result : { ok: false, error: { code: 'CONFLICT', message: ALREADY_DONE_MESSAGE } };
    if (withAnswer) expect(record?.result?.ok).toBe(true);
    expect(r).toEqual(done);
    const committed = await snapshotAll(lost.h.store);
    expect(withoutCache(delta(beforeLost, committed))).toEqual(withoutCache(cleanDelta));
    lost.fs.arm(null);
    lost.h.now.value = new Date(lost.h.now.value.getTime() + 60_000);
    const told = await run(lost.h, third, 'lost');
    expect(told).toEqual(done);
    expect(await snapshotAll(lost.h.store)).toEqual(committed);
    totals.afterCommit += 1;
  });
});
