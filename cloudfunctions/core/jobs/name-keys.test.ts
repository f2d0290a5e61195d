import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import { openSqliteStore } from '../adapters/sqlite/store';
import type { Store } from '../ports/store';
import { backfillNameKeys } from './name-keys';

const person = (i: number, name: string): Omit<User, 'version'> => ({
  _id: `u${i}`,
  openid: `o${i}`,
  profile: { name, staffNo: `T${1000 + i}`, kind: 'teacher', committeeId: 'c1', branchId: 'b1', politicalStatus: 'full_member', isPartyWorker: false },
  profileStatus: 'confirmed',
  roles: [{ role: 'member' }],
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('backfill of the pinyin keys', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('gives every person bound before the keys their keys, once, and a rerun changes nothing', async () => {
    const names = ['王建国', '刘芳', '曾国藩'];
    for (const [i, name] of names.entries()) await store.insert<User>('users', person(i, name));
    // More people than one page of the store.
    for (let i = 3; i < 130; i += 1) await store.insert<User>('users', person(i, '张晓明'));
    expect(await store.count('users', { searchKeys: 'wjg' })).toBe(0);

    expect(await backfillNameKeys(store)).toEqual({ updated: 130, remaining: false });
    expect(await store.count('users', { searchKeys: 'wjg' })).toBe(1);
    expect(await store.count('users', { searchKeys: 'zxm' })).toBe(127);
    const sorted = await store.find<User>('users', { where: { _id: { $in: ['u0', 'u1', 'u2'] } }, orderBy: [{ field: 'nameSort', direction: 'asc' }] });
    expect(sorted.map((u) => u.profile.name)).toEqual(['刘芳', '王建国', '曾国藩']);

    const versions = (await store.find<User>('users', { limit: 100 })).map((u) => u.version);
    expect(await backfillNameKeys(store)).toEqual({ updated: 0, remaining: false });
    expect((await store.find<User>('users', { limit: 100 })).map((u) => u.version)).toEqual(versions);
  });

  it('stops when its time is up and reports that people remain', async () => {
    await store.insert<User>('users', person(1, '王建国'));
    expect(await backfillNameKeys(store, Date.now() - 1)).toEqual({ updated: 0, remaining: true });
    expect(await backfillNameKeys(store)).toEqual({ updated: 1, remaining: false });
  });
});
