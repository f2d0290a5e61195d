import { StoreError, type FindOptions, type NewDoc, type Patch, type Store, type StoreOps, type StoredDoc } from '../../ports/store';
import {
  asTransaction,
  call,
  Duplicate,
  listOf,
  NotFound,
  statOf,
  toDoc,
  unavailable,
  fieldOf,
  plain,
  type WechatQuery,
  type WechatCollection,
  type WechatCommand,
  type WechatDatabase,
  type WechatTransaction,
} from './sdk';
import { checkCollection, checkPage, dropManaged, encodePatch, encodeWhere } from './encode';
import { aggregateWechat } from './aggregate';

export type { WechatDatabase } from './sdk';

export function createWechatStore(db: WechatDatabase): Store {
  const _ = db.command;
  const outside = makeOps(_, (c) => db.collection(c));

  return {
    ...outside,
    async transaction<R>(fn: (tx: StoreOps) => Promise<R>): Promise<R> {
      const tx = asTransaction(await call('startTransaction', () => db.startTransaction()));
      let result: R;
      try {
        result = await fn(makeTxOps(tx, _, outside));
      } catch (err) {
        // Roll back, but the caller must see fn's own error, unchanged: a failed rollback only
        // leaves the transaction to expire server-side.
        await call('rollback', () => tx.rollback()).catch(() => undefined);
        throw err;
      }
      try {
        await call('commit', () => tx.commit());
      } catch (err) {
        await call('rollback', () => tx.rollback()).catch(() => undefined);
        throw err;
      }
      return result;
    },
    async close() {
      // The SDK owns its HTTP agent; there is nothing to release per store.
    },
  };
}

/** Reads and writes outside a transaction: where-filtered, so version checks are atomic. */
function makeOps(_: WechatCommand, coll: (name: string) => WechatCollection): StoreOps {
  async function get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    checkCollection(collection);
    // A where query rather than doc().get(): doc().get() rejects for a missing document unless
    // the database was created with throwOnNotFound: false, which this adapter cannot choose.
    const res = await call('get', () => coll(collection).where({ _id: id }).limit(1).get());
    const [first] = listOf(res);
    return first === undefined ? null : toDoc<T>(first);
  }

  /** After a versioned write matched nothing: say whether the document is missing or moved on. */
  async function explain(collection: string, id: string, expectedVersion: number): Promise<StoreError> {
    const current = await get(collection, id);
    return current
      ? new StoreError('CONFLICT', `${collection}/${id} is at version ${current.version}, not ${expectedVersion}`)
      : new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
  }

  return {
    get,
    insert: async (collection, doc) => insertInto(coll(checkCollection(collection)), collection, doc),
    async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>) {
      checkCollection(collection);
      const data = { ...encodePatch(_, patch), version: _.inc(1) };
      const res = await call('update', () => coll(collection).where({ _id: id, version: expectedVersion }).update({ data }));
      if (statOf(res, 'updated') === 0) throw await explain(collection, id, expectedVersion);
      // Read back: the SDK's update reports a count, not the document.
      const updated = await get<T>(collection, id);
      if (!updated) throw new StoreError('NOT_FOUND', `${collection}/${id} was removed after the update`);
      return updated;
    },
    async remove(collection, id, expectedVersion) {
      checkCollection(collection);
      const res = await call('remove', () => coll(collection).where({ _id: id, version: expectedVersion }).remove());
      if (statOf(res, 'removed') === 0) throw await explain(collection, id, expectedVersion);
    },
    async find<T extends StoredDoc>(collection: string, options: FindOptions = {}) {
      const { limit, skip, orderBy } = checkPage(collection, options);
      const condition = encodeWhere(_, collection, options.where);
      const res = await call('find', () => {
        // Built inside `call`: the SDK validates while chaining and may throw synchronously.
        let query: WechatQuery = coll(collection);
        if (condition) query = query.where(condition);
        for (const o of orderBy) query = query.orderBy(o.field, o.direction);
        if (skip > 0) query = query.skip(skip);
        return query.limit(limit).get();
      });
      return listOf(res).map((d) => toDoc<T>(d));
    },
    async count(collection, where) {
      checkCollection(collection);
      const condition = encodeWhere(_, collection, where);
      const res = await call('count', () => {
        const base = coll(collection);
        return (condition ? base.where(condition) : base).count();
      });
      const total = fieldOf(res, 'total');
      if (typeof total !== 'number') throw unavailable('count');
      return total;
    },
    aggregate: (collection, spec) => aggregateWechat(_, coll, collection, spec),
  };
}

/**
 * Operations inside a CloudBase transaction. CloudBase allows only single-document operations
 * in a transaction (collection.add, doc.get/update/set/remove; no where, no count), so:
 * - a versioned write is get → compare → doc update, all inside the transaction, which the
 *   server isolates (snapshot) and fails on a concurrent write to the same document;
 * - find, count and aggregate run OUTSIDE the transaction on the plain database: they do not
 *   see the transaction's own uncommitted writes. Read what you wrote with get, not find.
 * - a document this transaction has already read or written is not fetched again (a get, or the
 *   get before a versioned write, answers from what it last saw): inside one transaction the
 *   server shows the same snapshot plus the transaction's own writes, and fails the transaction
 *   if another writes the document meanwhile. A read-then-write is two requests, not three.
 */
function makeTxOps(tx: WechatTransaction, _: WechatCommand, outside: StoreOps): StoreOps {
  const coll = (name: string): WechatCollection => tx.collection(checkCollection(name));
  const seen = new Map<string, StoredDoc | null>();
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  const saw = <T extends StoredDoc>(collection: string, id: string, doc: T | null): T | null => {
    seen.set(key(collection, id), doc === null ? null : plain<T>(doc));
    return doc;
  };

  async function get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    const known = seen.get(key(collection, id));
    if (known !== undefined) return known === null ? null : plain<T>(known);
    return saw(collection, id, await fetch<T>(collection, id));
  }

  async function fetch<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
    try {
      const res = await call('get', () => coll(collection).doc(id).get(), { rethrowNotFound: true });
      // In a transaction the SDK resolves `data` to the document or null (an array elsewhere).
      const raw = fieldOf(res, 'data');
      const data: unknown = Array.isArray(raw) ? raw[0] : raw;
      return data === null || data === undefined ? null : toDoc<T>(data);
    } catch (err) {
      if (err instanceof NotFound) return null;
      throw err;
    }
  }

  async function checked(collection: string, id: string, expectedVersion: number): Promise<StoredDoc> {
    const current = await get(collection, id);
    if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
    if (current.version !== expectedVersion) {
      throw new StoreError('CONFLICT', `${collection}/${id} is at version ${current.version}, not ${expectedVersion}`);
    }
    return current;
  }

  return {
    get,
    insert: async <T extends StoredDoc>(collection: string, doc: NewDoc<T>) => {
      const stored = await insertInto<T>(coll(collection), collection, doc);
      saw(collection, stored._id, stored);
      return stored;
    },
    async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>) {
      const current = await checked(collection, id, expectedVersion);
      const version = expectedVersion + 1;
      const data = { ...encodePatch(_, patch), version };
      // Forgotten until the write is known to have landed: a failed write leaves the server's state unknown.
      seen.delete(key(collection, id));
      await call('update', () => coll(collection).doc(id).update({ data }));
      // The transaction isolates the document, so the merge below is what the server now holds.
      const next = plain<T>({ ...current, ...dropManaged(patch), _id: id, version });
      saw(collection, id, next);
      return next;
    },
    async remove(collection, id, expectedVersion) {
      await checked(collection, id, expectedVersion);
      seen.delete(key(collection, id));
      await call('remove', () => coll(collection).doc(id).remove());
      saw(collection, id, null);
    },
    find: (collection, options) => outside.find(collection, options),
    count: (collection, where) => outside.count(collection, where),
    aggregate: (collection, spec) => outside.aggregate(collection, spec),
  };
}

async function insertInto<T extends StoredDoc>(target: WechatCollection, collection: string, doc: NewDoc<T>): Promise<T> {
  const stored = plain<T>({ ...doc, version: 1 });
  try {
    await call('insert', () => target.add({ data: stored }), { rethrowDuplicate: true });
  } catch (err) {
    if (err instanceof Duplicate) throw new StoreError('DUPLICATE', `${collection}/${stored._id} already exists`);
    throw err;
  }
  return stored;
}
