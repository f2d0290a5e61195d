import { createHmac, randomBytes } from 'node:crypto';
import { StoreError, type Store } from '../../ports/store';
import { LIKE_KEY_ID, type SaltDoc } from './docs';

/**
 * Salts: a fresh random one per day for visitor hashes (dropped by the fold the day after, so
 * no stored hash can be matched to a person later), and one lasting key for likes, which must
 * recognise a person's like to take it back. Kept in memory once read.
 */
export interface Salts {
  forDay(day: string): Promise<string>;
  likeKey(): Promise<string>;
}

async function getOrCreate(store: Store, collection: 'influenceSalts' | 'influenceKeys', id: string, day: string, at: () => Date): Promise<string> {
  const found = await store.get<SaltDoc>(collection, id);
  if (found) return found.salt;
  try {
    const doc = await store.insert<SaltDoc>(collection, { _id: id, salt: randomBytes(32).toString('base64url'), day, createdAt: at().toISOString() });
    return doc.salt;
  } catch (err) {
    // Another instance made it first: use theirs.
    if (!(err instanceof StoreError) || err.kind !== 'DUPLICATE') throw err;
    const again = await store.get<SaltDoc>(collection, id);
    if (!again) throw err;
    return again.salt;
  }
}

export function createSalts(store: Store, clock: () => Date): Salts {
  const cache = new Map<string, Promise<string>>();
  const cached = (collection: 'influenceSalts' | 'influenceKeys', id: string, day: string) => {
    let p = cache.get(id);
    if (!p) {
      p = getOrCreate(store, collection, id, day, clock);
      p.catch(() => cache.delete(id));
      cache.set(id, p);
      // Only the last few days are ever needed.
      if (cache.size > 8) cache.delete(cache.keys().next().value as string);
    }
    return p;
  };
  return { forDay: (day) => cached('influenceSalts', saltId(day), day), likeKey: () => cached('influenceKeys', LIKE_KEY_ID, '') };
}

/** A short keyed hash: enough to tell visitors apart, not reversible without the salt. */
export const keyedHash = (salt: string, value: string, length = 16) => createHmac('sha256', salt).update(value).digest('base64url').slice(0, length);

export const saltId = (day: string) => `day:${day}`;
