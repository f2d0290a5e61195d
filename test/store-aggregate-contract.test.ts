/**
 * The store contract for aggregate, run against both adapters: SQLite (in memory) and WeChat
 * (the real wx-server-sdk sending database.aggregateDocuments to test/support/fake-cloudbase.ts,
 * which runs the pipeline with mingo). The same answers, to the row and in the same order.
 *
 * What passing here does NOT prove about CloudBase: that it accepts every stage and operator the
 * adapter sends exactly as mingo does ($match, $group with $ifNull/$sum/$avg/$min/$max, $sort,
 * $skip, $limit — all in CloudBase's documented aggregate API), pipeline memory limits, latency.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_GROUPS, type Store, type StoredDoc } from '../cloudfunctions/core/ports/store';
import { stopWechatFake } from './support/wechat-store';
import { rejectsWith, STORE_ADAPTERS } from './support/store-adapters';

interface Item extends StoredDoc {
  group: string;
  rank: number;
  tag?: string | null;
  nested?: { key: string };
  score?: number | null;
  flag?: boolean;
}

const C = 'contract_items';

afterAll(stopWechatFake);

describe.each(STORE_ADAPTERS)('store aggregate contract: $name', ({ open }) => {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  async function seed(): Promise<void> {
    const rows: Array<Omit<Item, 'version'>> = [
      { _id: 'a', group: 'g1', rank: 1, tag: 'x', nested: { key: 'k1' }, score: 10, flag: true },
      { _id: 'b', group: 'g1', rank: 2, tag: 'y', nested: { key: 'k2' }, score: null, flag: false },
      { _id: 'c', group: 'g1', rank: 3, tag: null, nested: { key: 'k1' }, score: 30, flag: true },
      { _id: 'd', group: 'g2', rank: 4, nested: { key: 'k3' }, score: 5 },
      { _id: 'e', group: 'g2', rank: 5, tag: 'y', score: 2.5, flag: true },
      { _id: 'f', group: 'g3', rank: 6, tag: 'x' },
    ];
    for (const row of rows) await store.insert<Item>(C, row);
  }

  it('counts, sums, averages and takes min/max per group, groups in key order', async () => {
    await seed();
    const rows = await store.aggregate(C, {
      groupBy: ['group'],
      measures: {
        n: { op: 'count' },
        ranks: { op: 'sum', field: 'rank' },
        scores: { op: 'sum', field: 'score' },
        mean: { op: 'avg', field: 'score' },
        low: { op: 'min', field: 'score' },
        high: { op: 'max', field: 'rank' },
      },
    });
    expect(rows).toEqual([
      { key: { group: 'g1' }, values: { n: 3, ranks: 6, scores: 40, mean: 20, low: 10, high: 3 } },
      { key: { group: 'g2' }, values: { n: 2, ranks: 9, scores: 7.5, mean: 3.75, low: 2.5, high: 5 } },
      // No numbers for score: sum is 0, avg and min are null.
      { key: { group: 'g3' }, values: { n: 1, ranks: 6, scores: 0, mean: null, low: null, high: 6 } },
    ]);
  });

  it('groups missing and null values together as null, first in ascending order', async () => {
    await seed();
    const rows = await store.aggregate(C, { groupBy: ['tag'], measures: { n: { op: 'count' } } });
    expect(rows).toEqual([
      { key: { tag: null }, values: { n: 2 } },
      { key: { tag: 'x' }, values: { n: 2 } },
      { key: { tag: 'y' }, values: { n: 2 } },
    ]);
  });

  it('keeps booleans as booleans in group keys', async () => {
    await seed();
    const rows = await store.aggregate(C, { groupBy: ['flag'], measures: { n: { op: 'count' } }, where: { flag: { $ne: null } } });
    const byFlag = new Map(rows.map((r) => [r.key.flag, r.values.n]));
    expect(byFlag).toEqual(new Map<unknown, unknown>([[true, 3], [false, 1]]));
  });

  it('groups by several fields, dotted paths included, filtered by ranges and $in', async () => {
    await seed();
    const rows = await store.aggregate(C, {
      where: { rank: { $gte: 2, $lt: 6 }, tag: { $in: ['y', 'x'] } },
      groupBy: ['group', 'nested.key'],
      measures: { n: { op: 'count' }, ranks: { op: 'sum', field: 'rank' } },
    });
    expect(rows).toEqual([
      { key: { group: 'g1', 'nested.key': 'k2' }, values: { n: 1, ranks: 2 } },
      { key: { group: 'g2', 'nested.key': null }, values: { n: 1, ranks: 5 } },
    ]);
  });

  it('answers one group over every matching row for an empty groupBy, and none when nothing matches', async () => {
    await seed();
    expect(await store.aggregate(C, { groupBy: [], measures: { n: { op: 'count' }, total: { op: 'sum', field: 'score' } } })).toEqual([
      { key: {}, values: { n: 6, total: 47.5 } },
    ]);
    expect(await store.aggregate(C, { where: { group: 'none' }, groupBy: [], measures: { n: { op: 'count' } } })).toEqual([]);
    expect(await store.aggregate(C, { where: { group: 'none' }, groupBy: ['tag'], measures: { n: { op: 'count' } } })).toEqual([]);
    await store.remove(C, 'a', 1);
    expect(await store.aggregate(C, { where: { _id: 'a' }, groupBy: [], measures: { n: { op: 'count' } } })).toEqual([]);
  });

  it('orders by a measure (ties by key), then by a key descending, and pages with skip and limit', async () => {
    await seed();
    const spec = { groupBy: ['tag'], measures: { n: { op: 'count' as const }, ranks: { op: 'sum' as const, field: 'rank' } } };
    const byRanks = await store.aggregate(C, { ...spec, orderBy: [{ field: 'ranks', direction: 'desc' }] });
    // null: c(3)+d(4) = 7, x: a(1)+f(6) = 7, y: b(2)+e(5) = 7 — a tie, broken by the key ascending.
    expect(byRanks.map((r) => [r.key.tag, r.values.ranks])).toEqual([
      [null, 7],
      ['x', 7],
      ['y', 7],
    ]);
    const byCount = await store.aggregate(C, { ...spec, orderBy: [{ field: 'n', direction: 'desc' }] });
    expect(byCount.map((r) => r.key.tag)).toEqual([null, 'x', 'y']);
    const desc = await store.aggregate(C, { ...spec, orderBy: [{ field: 'tag', direction: 'desc' }] });
    expect(desc.map((r) => r.key.tag)).toEqual(['y', 'x', null]);
    const page = await store.aggregate(C, { ...spec, orderBy: [{ field: 'tag', direction: 'desc' }], skip: 1, limit: 1 });
    expect(page.map((r) => r.key.tag)).toEqual(['x']);
    expect(await store.aggregate(C, { ...spec, skip: 5 })).toEqual([]);
    const low = await store.aggregate(C, { groupBy: ['group'], measures: { low: { op: 'min', field: 'rank' } }, orderBy: [{ field: 'low', direction: 'desc' }] });
    expect(low.map((r) => r.key.group)).toEqual(['g3', 'g2', 'g1']);
  });

  it('answers more than 20 groups (CloudBase’s aggregate default) up to the limit', async () => {
    for (let i = 0; i < 25; i++) await store.insert<Item>(C, { _id: `m${i}`, group: `g${String(i).padStart(2, '0')}`, rank: i });
    const rows = await store.aggregate(C, { groupBy: ['group'], measures: { n: { op: 'count' } } });
    expect(rows).toHaveLength(25);
    expect(rows[24].key.group).toBe('g24');
  });

  it('refuses undeclared fields, bad measures and bad pages with BAD_QUERY', async () => {
    const count = { n: { op: 'count' as const } };
    await rejectsWith(store.aggregate(C, { groupBy: ['secret'], measures: count }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: [], measures: { s: { op: 'sum', field: 'secret' } } }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: [], where: { secret: 1 }, measures: count }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: ['group'], measures: count, orderBy: [{ field: 'rank', direction: 'asc' }] }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: [], measures: { 'a.b': { op: 'count' } } }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: ['group'], measures: { group: { op: 'count' } } }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: [], measures: count, limit: MAX_GROUPS + 1 }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: [], measures: count, skip: -1 }), 'BAD_QUERY');
    await rejectsWith(store.aggregate('no_such_collection', { groupBy: [], measures: count }), 'BAD_QUERY');
  });

  it('can be called from inside a transaction (it reads committed data there on WeChat)', async () => {
    await seed();
    const n = await store.transaction(async (tx) => (await tx.aggregate(C, { groupBy: [], measures: { n: { op: 'count' } } }))[0]?.values.n);
    expect(n).toBe(6);
  });
});
