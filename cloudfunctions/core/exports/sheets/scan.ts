import type { CollectionName } from '../../ports/collections';
import { MAX_PAGE, type Scalar, type StoreOps, type StoredDoc, type Where } from '../../ports/store';

/**
 * Reading for exports: pages of at most MAX_PAGE, never a whole batch in one query, and lookups
 * batched per page with `$in` instead of one read per row.
 */

/** Every document matching `where`, handed over a page at a time in `_id` order (keyset: pages never overlap). */
export async function forEachPage<T extends StoredDoc>(
  store: StoreOps,
  collection: CollectionName,
  where: Where,
  visit: (page: T[]) => void | Promise<void>,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await store.find<T>(collection, {
      where: after === null ? where : { ...where, _id: { $gt: after } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_PAGE,
    });
    if (page.length) await visit(page);
    if (page.length < MAX_PAGE) return;
    after = page[page.length - 1]._id;
  }
}

/** Every document whose `field` is one of `values` (at most MAX_PAGE of them), paged. */
export async function findIn<T extends StoredDoc>(store: StoreOps, collection: CollectionName, field: string, values: readonly Scalar[], where: Where = {}): Promise<T[]> {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return [];
  const out: T[] = [];
  for (let i = 0; i < distinct.length; i += MAX_PAGE) {
    await forEachPage<T>(store, collection, { ...where, [field]: { $in: distinct.slice(i, i + MAX_PAGE) } }, (page) => {
      out.push(...page);
    });
  }
  return out;
}

export interface Keyed<K> {
  id: string;
  key: K;
}

/**
 * Documents in an order the store cannot sort by (committee display order, rank, average score),
 * first pass: only a small sort key per document is kept, sorted (ties by `_id`). `keep` narrows
 * what `where` finds: a condition the store would test by parsing every document of the batch on
 * every page (a state on SQLite) is cheaper tested here, once per document.
 */
export async function sortedKeys<T extends StoredDoc, K>(
  store: StoreOps,
  collection: CollectionName,
  where: Where,
  keyOf: (doc: T) => K | Promise<K>,
  compare: (a: K, b: K) => number,
  keep: (doc: T) => boolean = () => true,
): Promise<Keyed<K>[]> {
  const keys: Keyed<K>[] = [];
  await forEachPage<T>(store, collection, where, async (page) => {
    for (const doc of page) if (keep(doc)) keys.push({ id: doc._id, key: await keyOf(doc) });
  });
  return keys.sort((a, b) => compare(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Second pass: the documents a page at a time in the order of `keys`. `where` applies again, so a
 * document that left the list in between is skipped rather than shown in a state it no longer has.
 */
export async function forEachInOrder<T extends StoredDoc, K>(
  store: StoreOps,
  collection: CollectionName,
  where: Where,
  keys: readonly Keyed<K>[],
  visit: (page: Array<{ doc: T; key: K }>) => void | Promise<void>,
): Promise<void> {
  for (let i = 0; i < keys.length; i += MAX_PAGE) {
    const slice = keys.slice(i, i + MAX_PAGE);
    const found = await store.find<T>(collection, { where: { ...where, _id: { $in: slice.map((k) => k.id) } }, limit: MAX_PAGE });
    const got = new Map(found.map((d) => [d._id, d]));
    const page = slice.flatMap((k) => {
      const doc = got.get(k.id);
      return doc ? [{ doc, key: k.key }] : [];
    });
    if (page.length) await visit(page);
  }
}

/** A per-export memo of documents read by id in batches: each distinct id is read once. */
export class ByIdCache<T extends StoredDoc> {
  private readonly known = new Map<string, T | null>();
  constructor(
    private readonly store: StoreOps,
    private readonly collection: CollectionName,
  ) {}

  /** Reads the ids not seen yet, one `$in` query per hundred. */
  async load(ids: readonly (string | null | undefined)[]): Promise<void> {
    const missing = [...new Set(ids.filter((id): id is string => Boolean(id) && !this.known.has(id as string)))];
    if (missing.length === 0) return;
    const docs = await findIn<T>(this.store, this.collection, '_id', missing);
    for (const id of missing) this.known.set(id, null);
    for (const d of docs) this.known.set(d._id, d);
  }

  get(id: string | null | undefined): T | null {
    return id ? (this.known.get(id) ?? null) : null;
  }
}
