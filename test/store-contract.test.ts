/**
 * The store contract, run against every adapter: SQLite (in memory) and WeChat (the real
 * wx-server-sdk talking HTTP to test/support/fake-cloudbase.ts).
 *
 * What the fake cannot reproduce, so what passing here does NOT prove about CloudBase:
 * real snapshot isolation and write locks (the fake buffers transaction writes and checks
 * for conflicts only at commit), the exact text of server errors (duplicate keys are
 * recognised by MongoDB's E11000 wording), security rules, the need to create collections
 * before use, index-less query limits, quotas, latency and timeouts. Inside a WeChat
 * transaction find/count run outside it (CloudBase allows only single-document operations
 * there), so transactional reads in this suite use get.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError, type Store, type StoredDoc } from '../cloudfunctions/core/ports/store';
import { openWechatStore, stopWechatFake } from './support/wechat-store';
import { rejectsWith, STORE_ADAPTERS } from './support/store-adapters';

interface Item extends StoredDoc {
  group: string;
  rank: number;
  tag?: string | null;
  nested?: { key: string; extra?: number };
  list?: number[];
  labels?: string[];
}

const C = 'contract_items';

afterAll(stopWechatFake);

class Boom extends Error {}

describe.each(STORE_ADAPTERS)('store contract: $name', ({ open }) => {
  let store: Store;

  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  async function seed(): Promise<void> {
    const rows: Array<Omit<Item, 'version'>> = [
      { _id: 'a', group: 'g1', rank: 1, tag: 'x', nested: { key: 'k1' } },
      { _id: 'b', group: 'g1', rank: 2, tag: 'y', nested: { key: 'k2' } },
      { _id: 'c', group: 'g1', rank: 3, tag: 'x', nested: { key: 'k1' } },
      { _id: 'd', group: 'g2', rank: 4, tag: 'z', nested: { key: 'k3' } },
      { _id: 'e', group: 'g2', rank: 5, tag: 'y', nested: { key: 'k2' } },
    ];
    for (const row of rows) await store.insert<Item>(C, row);
  }

  const ids = (docs: StoredDoc[]): string[] => docs.map((d) => d._id);

  it('inserts with the caller’s _id at version 1 and gets it back as a plain object', async () => {
    const inserted = await store.insert<Item>(C, { _id: 'i1', group: 'g', rank: 7, nested: { key: 'k' } });
    expect(inserted).toEqual({ _id: 'i1', group: 'g', rank: 7, nested: { key: 'k' }, version: 1 });
    const got = await store.get<Item>(C, 'i1');
    expect(got).toEqual(inserted);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });

  it('gets null for a missing document', async () => {
    expect(await store.get(C, 'nope')).toBeNull();
  });

  it('refuses a duplicate _id with DUPLICATE and keeps the original', async () => {
    await store.insert<Item>(C, { _id: 'dup', group: 'g', rank: 1 });
    await rejectsWith(store.insert<Item>(C, { _id: 'dup', group: 'other', rank: 2 }), 'DUPLICATE');
    expect((await store.get<Item>(C, 'dup'))?.group).toBe('g');
  });

  it('lets exactly one of two concurrent inserts of the same _id succeed', async () => {
    const results = await Promise.allSettled([
      store.insert<Item>(C, { _id: 'race', group: 'first', rank: 1 }),
      store.insert<Item>(C, { _id: 'race', group: 'second', rank: 2 }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0].reason as StoreError).kind).toBe('DUPLICATE');
    expect(await store.count(C)).toBe(1);
  });

  it('updates at the expected version, bumps it and returns the document', async () => {
    await store.insert<Item>(C, { _id: 'u', group: 'g', rank: 1, tag: 'x' });
    const updated = await store.update<Item>(C, 'u', 1, { rank: 2 });
    expect(updated).toEqual({ _id: 'u', group: 'g', rank: 2, tag: 'x', version: 2 });
    expect(await store.get<Item>(C, 'u')).toEqual(updated);
    const again = await store.update<Item>(C, 'u', 2, { tag: null });
    expect(again).toEqual({ _id: 'u', group: 'g', rank: 2, tag: null, version: 3 });
  });

  it('refuses a stale version with CONFLICT and leaves the document unchanged', async () => {
    await store.insert<Item>(C, { _id: 's', group: 'g', rank: 1 });
    await store.update<Item>(C, 's', 1, { rank: 2 });
    await rejectsWith(store.update<Item>(C, 's', 1, { rank: 99 }), 'CONFLICT');
    expect(await store.get<Item>(C, 's')).toEqual({ _id: 's', group: 'g', rank: 2, version: 2 });
  });

  it('refuses to update a missing document with NOT_FOUND', async () => {
    await rejectsWith(store.update<Item>(C, 'ghost', 1, { rank: 1 }), 'NOT_FOUND');
    expect(await store.get(C, 'ghost')).toBeNull();
  });

  it('replaces object and array fields wholesale instead of merging them', async () => {
    await store.insert<Item>(C, { _id: 'o', group: 'g', rank: 1, nested: { key: 'k', extra: 5 }, list: [1, 2, 3] });
    const updated = await store.update<Item>(C, 'o', 1, { nested: { key: 'k2' }, list: [9] });
    expect(updated.nested).toEqual({ key: 'k2' });
    expect(updated.list).toEqual([9]);
    expect(await store.get<Item>(C, 'o')).toEqual(updated);
  });

  it('removes at the expected version only', async () => {
    await store.insert<Item>(C, { _id: 'r', group: 'g', rank: 1 });
    await rejectsWith(store.remove(C, 'r', 2), 'CONFLICT');
    expect(await store.get(C, 'r')).not.toBeNull();
    await store.remove(C, 'r', 1);
    expect(await store.get(C, 'r')).toBeNull();
    await rejectsWith(store.remove(C, 'r', 1), 'NOT_FOUND');
  });

  it('finds by equality, range, $in and $ne on declared fields, dotted paths included', async () => {
    await seed();
    const asc = [{ field: 'rank', direction: 'asc' as const }];
    expect(ids(await store.find(C, { where: { group: 'g1' }, orderBy: asc }))).toEqual(['a', 'b', 'c']);
    expect(ids(await store.find(C, { where: { rank: { $gt: 1, $lte: 4 } }, orderBy: asc }))).toEqual(['b', 'c', 'd']);
    expect(ids(await store.find(C, { where: { rank: { $gte: 4 } }, orderBy: asc }))).toEqual(['d', 'e']);
    expect(ids(await store.find(C, { where: { rank: { $lt: 2 } }, orderBy: asc }))).toEqual(['a']);
    expect(ids(await store.find(C, { where: { tag: { $in: ['x', 'z'] } }, orderBy: asc }))).toEqual(['a', 'c', 'd']);
    expect(ids(await store.find(C, { where: { tag: { $ne: 'y' } }, orderBy: asc }))).toEqual(['a', 'c', 'd']);
    expect(ids(await store.find(C, { where: { 'nested.key': 'k2' }, orderBy: asc }))).toEqual(['b', 'e']);
    expect(ids(await store.find(C, { where: { group: 'g1', 'nested.key': 'k1' }, orderBy: asc }))).toEqual(['a', 'c']);
    expect(await store.find(C, { where: { group: 'none' } })).toEqual([]);
  });

  it('orders ascending and descending, then skips and limits', async () => {
    await seed();
    expect(ids(await store.find(C, { orderBy: [{ field: 'rank', direction: 'desc' }] }))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids(await store.find(C, { orderBy: [{ field: 'rank', direction: 'asc' }], skip: 1, limit: 2 }))).toEqual(['b', 'c']);
    expect(
      ids(await store.find(C, { orderBy: [{ field: 'group', direction: 'desc' }, { field: 'rank', direction: 'asc' }], limit: 3 })),
    ).toEqual(['d', 'e', 'a']);
    expect(await store.find(C, { orderBy: [{ field: 'rank', direction: 'asc' }], skip: 10 })).toEqual([]);
  });

  it('rejects a page larger than 100 with BAD_QUERY', async () => {
    await rejectsWith(store.find(C, { limit: 101 }), 'BAD_QUERY');
  });

  it('rejects undeclared fields in where and orderBy with BAD_QUERY', async () => {
    await seed();
    await rejectsWith(store.find(C, { where: { secret: 'x' } }), 'BAD_QUERY');
    await rejectsWith(store.find(C, { orderBy: [{ field: 'secret', direction: 'asc' }] }), 'BAD_QUERY');
    await rejectsWith(store.count(C, { 'nested.other': 1 }), 'BAD_QUERY');
  });

  it('rejects an undeclared collection with BAD_QUERY', async () => {
    await rejectsWith(store.get('no_such_collection', 'x'), 'BAD_QUERY');
    await rejectsWith(store.insert('no_such_collection', { _id: 'x' }), 'BAD_QUERY');
  });

  it('counts all documents or those matching a where', async () => {
    await seed();
    expect(await store.count(C)).toBe(5);
    expect(await store.count(C, { group: 'g2' })).toBe(2);
    expect(await store.count(C, { rank: { $gte: 2, $lt: 5 }, tag: { $ne: 'z' } })).toBe(2);
  });

  it('matches a list field when one element meets the whole condition, and follows its updates', async () => {
    await store.insert<Item>(C, { _id: 'l1', group: 'g', rank: 1, labels: ['wangjianguo', 'wjg', '建国'] });
    await store.insert<Item>(C, { _id: 'l2', group: 'g', rank: 2, labels: ['zhaoming', 'zm'] });
    // 'a' sorts below 'wjg' and 'zz' above 'wangjianguo': two elements would meet the range only between them.
    await store.insert<Item>(C, { _id: 'l3', group: 'h', rank: 3, labels: ['a', 'zz'] });
    await store.insert<Item>(C, { _id: 'l4', group: 'h', rank: 4 });
    const prefix = (q: string) => ({ labels: { $gte: q, $lt: `${q}\uffff` } });
    const byRank = { orderBy: [{ field: 'rank', direction: 'asc' as const }] };
    expect(ids(await store.find<Item>(C, { where: prefix('wj'), ...byRank }))).toEqual(['l1']);
    expect(ids(await store.find<Item>(C, { where: prefix('建'), ...byRank }))).toEqual(['l1']);
    expect(ids(await store.find<Item>(C, { where: prefix('z'), ...byRank }))).toEqual(['l2', 'l3']);
    expect(ids(await store.find<Item>(C, { where: { labels: 'zm' } }))).toEqual(['l2']);
    expect(ids(await store.find<Item>(C, { where: { labels: { $in: ['wjg', 'a'] } }, ...byRank }))).toEqual(['l1', 'l3']);
    expect(await store.count(C, { ...prefix('w'), group: 'g' })).toBe(1);
    // A document is found once however many of its elements match.
    expect(await store.count(C, prefix(''))).toBe(3);
    await store.update<Item>(C, 'l1', 1, { labels: ['liuf'] });
    expect(await store.count(C, prefix('wj'))).toBe(0);
    expect(ids(await store.find<Item>(C, { where: prefix('liu') }))).toEqual(['l1']);
    await store.update<Item>(C, 'l1', 2, { rank: 9 });
    expect(ids(await store.find<Item>(C, { where: prefix('liu') }))).toEqual(['l1']);
    await store.remove(C, 'l1', 3);
    expect(await store.count(C, prefix('liu'))).toBe(0);
    await store.transaction(async (tx) => {
      await tx.insert<Item>(C, { _id: 'l5', group: 'g', rank: 5, labels: ['chenlihua'] });
    });
    expect(ids(await store.find<Item>(C, { where: prefix('chen') }))).toEqual(['l5']);
  });

  it('refuses to order, group or measure by a list field, or to ask it for null or $ne', async () => {
    await rejectsWith(store.find(C, { orderBy: [{ field: 'labels', direction: 'asc' }] }), 'BAD_QUERY');
    await rejectsWith(store.aggregate(C, { groupBy: ['labels'], measures: { n: { op: 'count' } } }), 'BAD_QUERY');
    await rejectsWith(store.find(C, { where: { labels: null } }), 'BAD_QUERY');
    await rejectsWith(store.find(C, { where: { labels: { $ne: 'x' } } }), 'BAD_QUERY');
  });

  it('commits every write of a transaction together', async () => {
    await store.insert<Item>(C, { _id: 't1', group: 'g', rank: 1 });
    const result = await store.transaction(async (tx) => {
      await tx.insert<Item>(C, { _id: 't2', group: 'g', rank: 2 });
      const updated = await tx.update<Item>(C, 't1', 1, { rank: 10, nested: { key: 'n' } });
      // Reads inside see the transaction's own writes.
      expect((await tx.get<Item>(C, 't2'))?.rank).toBe(2);
      expect(await tx.get<Item>(C, 't1')).toEqual(updated);
      return updated.version;
    });
    expect(result).toBe(2);
    expect(await store.get<Item>(C, 't1')).toEqual({ _id: 't1', group: 'g', rank: 10, nested: { key: 'n' }, version: 2 });
    expect((await store.get<Item>(C, 't2'))?.version).toBe(1);
  });

  it('rolls back when the callback throws and rethrows the same error', async () => {
    await store.insert<Item>(C, { _id: 'keep', group: 'g', rank: 1 });
    const boom = new Boom('callback failed');
    const err = await store
      .transaction(async (tx) => {
        await tx.insert<Item>(C, { _id: 'gone', group: 'g', rank: 2 });
        await tx.update<Item>(C, 'keep', 1, { rank: 50 });
        await tx.remove(C, 'keep', 2);
        throw boom;
      })
      .catch((e: unknown) => e);
    expect(err).toBe(boom);
    expect(await store.get(C, 'gone')).toBeNull();
    expect(await store.get<Item>(C, 'keep')).toEqual({ _id: 'keep', group: 'g', rank: 1, version: 1 });
  });

  it('rolls back earlier writes when a versioned write in the transaction conflicts', async () => {
    await store.insert<Item>(C, { _id: 'v', group: 'g', rank: 1 });
    await store.update<Item>(C, 'v', 1, { rank: 2 });
    const err = await rejectsWith(
      store.transaction(async (tx) => {
        await tx.insert<Item>(C, { _id: 'early', group: 'g', rank: 3 });
        await tx.update<Item>(C, 'v', 1, { rank: 99 });
      }),
      'CONFLICT',
    );
    expect(err.message).toContain('v');
    expect(await store.get(C, 'early')).toBeNull();
    expect(await store.get<Item>(C, 'v')).toEqual({ _id: 'v', group: 'g', rank: 2, version: 2 });
  });

  it('reports NOT_FOUND and DUPLICATE inside a transaction too', async () => {
    await store.insert<Item>(C, { _id: 'there', group: 'g', rank: 1 });
    await rejectsWith(store.transaction((tx) => tx.update<Item>(C, 'missing', 1, { rank: 1 })), 'NOT_FOUND');
    await rejectsWith(store.transaction((tx) => tx.insert<Item>(C, { _id: 'there', group: 'g', rank: 1 })), 'DUPLICATE');
  });
});

describe('wechat adapter at the wire', () => {
  it('runs transactions as CloudBase transactions, with single-document operations only', async () => {
    const { store, fake } = await openWechatStore();
    await store.insert<Item>(C, { _id: 'w', group: 'g', rank: 1 });
    await store.transaction(async (tx) => {
      await tx.update<Item>(C, 'w', 1, { rank: 2 });
    });
    expect(fake.requests).toEqual([
      'database.insertDocument',
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.commitTransaction',
    ]);
  });

  it('does not fetch again in a transaction a document it has already read or written', async () => {
    const { store, fake } = await openWechatStore();
    await store.insert<Item>(C, { _id: 'r', group: 'g', rank: 1 });
    const start = fake.requests.length;
    const seen = await store.transaction(async (tx) => {
      const doc = await tx.get<Item>(C, 'r');
      if (!doc) throw new Error('missing');
      const moved = await tx.update<Item>(C, 'r', doc.version, { rank: 2 });
      await tx.update<Item>(C, 'r', moved.version, { rank: 3 });
      await tx.insert<Item>(C, { _id: 'r2', group: 'g', rank: 9 });
      return [await tx.get<Item>(C, 'r'), await tx.get<Item>(C, 'r2')];
    });
    expect(seen.map((d) => [d?.rank, d?.version])).toEqual([[3, 3], [9, 1]]);
    expect(fake.requests.slice(start)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
    expect(await store.get<Item>(C, 'r')).toMatchObject({ rank: 3, version: 3 });
  });

  it('turns a server failure into UNAVAILABLE without leaking its message', async () => {
    const { store, fake } = await openWechatStore();
    fake.failNext('database.getDocument', { code: 'DATABASE_REQUEST_FAILED', message: 'internal host db-7.tcb:27017' });
    const err = await rejectsWith(store.get(C, 'x'), 'UNAVAILABLE');
    expect(err.message).not.toContain('db-7');
    expect(err.message).not.toContain('27017');
    // The store keeps working afterwards.
    expect(await store.get(C, 'x')).toBeNull();
  });

  it('maps a commit-time transaction conflict to CONFLICT', async () => {
    const { store } = await openWechatStore();
    await store.insert<Item>(C, { _id: 'cc', group: 'g', rank: 1 });
    const err = await rejectsWith(
      store.transaction(async (tx) => {
        await tx.update<Item>(C, 'cc', 1, { rank: 2 });
        // A plain write to the same document lands before the transaction commits.
        await store.update<Item>(C, 'cc', 1, { rank: 3 });
      }),
      'CONFLICT',
    );
    expect(err.message).not.toMatch(/E11000|database transaction conflict/);
    expect((await store.get<Item>(C, 'cc'))?.rank).toBe(3);
  });
});
