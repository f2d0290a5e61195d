import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import type { StoredDoc } from '../../cloudfunctions/core/ports/store';
import { countingStore } from './counting-store';

interface Item extends StoredDoc {
  group: string;
  rank: number;
}

describe('the counting store', () => {
  it('forwards aggregate, inside and outside transactions, as one round trip each, and records its query', async () => {
    const raw = openSqliteStore(':memory:');
    const { store, counter } = countingStore(raw);
    await store.insert<Item>('contract_items', { _id: 'a', group: 'g', rank: 1 });
    await store.insert<Item>('contract_items', { _id: 'b', group: 'g', rank: 2 });
    const spec = { where: { rank: { $gte: 1 } }, groupBy: ['group'], measures: { n: { op: 'count' as const } } };
    expect(await store.aggregate('contract_items', spec)).toEqual([{ key: { group: 'g' }, values: { n: 2 } }]);
    await store.transaction(async (tx) => tx.aggregate('contract_items', spec));
    expect(counter.byOp).toEqual({ insert: 2, aggregate: 2, transaction: 1 });
    expect(counter.trips).toBe(5);
    expect(counter.queries).toEqual([
      { op: 'aggregate', collection: 'contract_items', options: { where: spec.where }, spec },
      { op: 'aggregate', collection: 'contract_items', options: { where: spec.where }, spec },
    ]);
    await raw.close();
  });
});
