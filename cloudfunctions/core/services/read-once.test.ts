import { describe, expect, it } from 'vitest';
import { countingStore } from '../../../scripts/bench/counting-store';
import { openSqliteStore } from '../adapters/sqlite/store';
import type { StoredDoc } from '../ports/store';
import { readOnce } from './read-once';

type Doc = StoredDoc & { batchId: string; hostId: string };

describe('readOnce: what one call reads twice is read once', () => {
  it('asks the same query once, a different one again, and again after a write to its collection', async () => {
    const raw = openSqliteStore(':memory:');
    await raw.insert<Doc>('projects', { _id: 'p1', batchId: 'b1', hostId: 'u1' });
    const counted = countingStore(raw);
    const store = readOnce(counted.store);
    const q = { where: { hostId: 'u1' }, limit: 100 };
    const [a, b] = await Promise.all([store.find<Doc>('projects', q), store.find<Doc>('projects', { where: { hostId: 'u1' }, limit: 100 })]);
    expect(a).toEqual([expect.objectContaining({ _id: 'p1' })]);
    expect(b).toBe(a);
    expect(await store.get<Doc>('projects', 'p1')).toMatchObject({ _id: 'p1' }); // known from the query
    expect(await store.count('projects', { hostId: 'u1' })).toBe(1);
    expect(await store.count('projects', { hostId: 'u1' })).toBe(1);
    expect(counted.counter.trips).toBe(2);
    await store.find<Doc>('projects', { where: { hostId: 'u2' }, limit: 100 });
    expect(counted.counter.trips).toBe(3);
    await store.insert<Doc>('projects', { _id: 'p2', batchId: 'b1', hostId: 'u1' });
    expect(await store.find<Doc>('projects', q)).toHaveLength(2);
    expect(await store.count('projects', { hostId: 'u1' })).toBe(2);
    expect(counted.counter.trips).toBe(6);
  });
});
