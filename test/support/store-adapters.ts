import { expect } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { StoreError, type Store, type StoreErrorKind } from '../../cloudfunctions/core/ports/store';
import { openWechatStore } from './wechat-store';

/** Both adapters for the store contract suites: SQLite in memory, WeChat through wx-server-sdk to the fake. */
export const STORE_ADAPTERS: Array<{ name: string; open: () => Promise<Store> }> = [
  { name: 'sqlite', open: async () => openSqliteStore(':memory:') },
  { name: 'wechat', open: async () => (await openWechatStore()).store },
];

export async function rejectsWith(promise: Promise<unknown>, kind: StoreErrorKind): Promise<StoreError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).kind).toBe(kind);
  return err as StoreError;
}
