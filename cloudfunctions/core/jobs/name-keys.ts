import type { User } from '@shared/domain/person';
import { MAX_PAGE, StoreError, type Store } from '../ports/store';
import { nameKeys } from '../services/name-keys';

export interface BackfillResult {
  /** People given their keys by this run. */
  updated: number;
  /** True when the time ran out with people still without keys (the next run goes on). */
  remaining: boolean;
}

/**
 * Gives the pinyin keys (nameSort, searchKeys) to people bound before the server derived them.
 * Safe to rerun and to run beside other writes: it reads only people still without keys, writes
 * each with a versioned update, and skips one that changed meanwhile (every profile write derives
 * the keys itself; a person whose roles moved is read again on the next page). Stops at `until`.
 */
export async function backfillNameKeys(store: Store, until: number = Number.POSITIVE_INFINITY): Promise<BackfillResult> {
  let updated = 0;
  while (Date.now() < until) {
    const page = await store.find<User>('users', { where: { nameSort: null }, orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_PAGE });
    if (page.length === 0) return { updated, remaining: false };
    let wrote = 0;
    for (const u of page) {
      try {
        await store.update<User>('users', u._id, u.version, nameKeys(u.profile?.name ?? '', u.profile?.staffNo ?? ''));
        wrote += 1;
      } catch (err) {
        if (!(err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'NOT_FOUND'))) throw err;
      }
    }
    updated += wrote;
  }
  return { updated, remaining: true };
}
