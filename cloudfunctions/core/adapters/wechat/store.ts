import { indexedFields } from '../../ports/collections';
import {
  MAX_PAGE,
  StoreError,
  type FindOptions,
  type NewDoc,
  type Patch,
  type RangeCondition,
  type Scalar,
  type Store,
  type StoreOps,
  type StoredDoc,
  type Where,
} from '../../ports/store';

/*
 * The store port on wx-server-sdk's `cloud.database()`.
 *
 * The types below are the structural slice of the SDK this adapter calls. Every SDK call is
 * typed as returning `unknown` because the SDK's own typings are loose (`Promise<…> | void |
 * string`, `any`): results are awaited and narrowed at runtime, so a surprise from the SDK
 * becomes StoreError('UNAVAILABLE') rather than a wrong value.
 */

export interface WechatCommand {
  gt(value: Scalar): unknown;
  gte(value: Scalar): unknown;
  lt(value: Scalar): unknown;
  lte(value: Scalar): unknown;
  neq(value: Scalar): unknown;
  in(values: Scalar[]): unknown;
  and(...conditions: object[]): unknown;
  inc(by: number): unknown;
  set(value: unknown): unknown;
}

export interface WechatQuery {
  where(condition: object): WechatQuery;
  orderBy(field: string, direction: string): WechatQuery;
  skip(offset: number): WechatQuery;
  limit(max: number): WechatQuery;
  get(): unknown;
  count(): unknown;
  update(options: { data: object }): unknown;
  remove(): unknown;
}

export interface WechatDocument {
  get(): unknown;
  update(options: { data: object }): unknown;
  remove(): unknown;
}

export interface WechatCollection extends WechatQuery {
  doc(id: string): WechatDocument;
  add(options: { data: object }): unknown;
}

export interface WechatTransaction {
  collection(name: string): WechatCollection;
  commit(): unknown;
  rollback(): unknown;
}

export interface WechatDatabase {
  readonly command: WechatCommand;
  collection(name: string): WechatCollection;
  startTransaction(): unknown;
}

type Json = Record<string, unknown>;

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
  };
}

/**
 * Operations inside a CloudBase transaction. CloudBase allows only single-document operations
 * in a transaction (collection.add, doc.get/update/set/remove; no where, no count), so:
 * - a versioned write is get → compare → doc update, all inside the transaction, which the
 *   server isolates (snapshot) and fails on a concurrent write to the same document;
 * - find and count run OUTSIDE the transaction on the plain database: they do not see the
 *   transaction's own uncommitted writes. Read what you wrote with get, not find.
 */
function makeTxOps(tx: WechatTransaction, _: WechatCommand, outside: StoreOps): StoreOps {
  const coll = (name: string): WechatCollection => tx.collection(checkCollection(name));

  async function get<T extends StoredDoc>(collection: string, id: string): Promise<T | null> {
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
    insert: async (collection, doc) => insertInto(coll(collection), collection, doc),
    async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>) {
      const current = await checked(collection, id, expectedVersion);
      const version = expectedVersion + 1;
      const data = { ...encodePatch(_, patch), version };
      await call('update', () => coll(collection).doc(id).update({ data }));
      // The transaction isolates the document, so the merge below is what the server now holds.
      return plain<T>({ ...current, ...dropManaged(patch), _id: id, version });
    },
    async remove(collection, id, expectedVersion) {
      await checked(collection, id, expectedVersion);
      await call('remove', () => coll(collection).doc(id).remove());
    },
    find: (collection, options) => outside.find(collection, options),
    count: (collection, where) => outside.count(collection, where),
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

// ---- queries ------------------------------------------------------------------------------

function checkCollection(collection: string): string {
  if (!indexedFields(collection)) throw new StoreError('BAD_QUERY', `unknown collection: ${collection}`);
  return collection;
}

function checkField(collection: string, field: string): void {
  const declared = indexedFields(collection) ?? [];
  if (field !== '_id' && !declared.includes(field)) {
    throw new StoreError('BAD_QUERY', `field ${collection}.${field} is not declared as queryable`);
  }
}

function checkPage(collection: string, options: FindOptions) {
  checkCollection(collection);
  const limit = options.limit ?? MAX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_PAGE}`);
  }
  const skip = options.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', 'skip must be a non-negative integer');
  const orderBy = [...(options.orderBy ?? [])];
  for (const o of orderBy) checkField(collection, o.field);
  // A total order, so that pages do not overlap or skip documents (same as the SQLite adapter).
  if (!orderBy.some((o) => o.field === '_id')) orderBy.push({ field: '_id', direction: 'asc' });
  return { limit, skip, orderBy };
}

function isRange(value: Scalar | RangeCondition): value is RangeCondition {
  return typeof value === 'object' && value !== null;
}

/** The port's Where as SDK conditions; several operators on one field are and-ed. */
function encodeWhere(_: WechatCommand, collection: string, where: Where | undefined): object | undefined {
  const conditions: Json[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) {
    checkField(collection, field);
    if (!isRange(cond)) {
      conditions.push({ [field]: cond });
      continue;
    }
    for (const [op, value] of Object.entries(cond)) {
      conditions.push({ [field]: rangeCommand(_, op, value) });
    }
  }
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : (_.and(...conditions) as object);
}

function rangeCommand(_: WechatCommand, op: string, value: unknown): unknown {
  if (op === '$in') {
    if (!Array.isArray(value) || !value.every(isScalar)) throw new StoreError('BAD_QUERY', '$in needs a list of scalars');
    return _.in(value);
  }
  if (!isScalar(value)) throw new StoreError('BAD_QUERY', `${op} needs a scalar`);
  switch (op) {
    case '$gt':
      return _.gt(value);
    case '$gte':
      return _.gte(value);
    case '$lt':
      return _.lt(value);
    case '$lte':
      return _.lte(value);
    case '$ne':
      return _.neq(value);
    default:
      throw new StoreError('BAD_QUERY', `unsupported operator ${op}`);
  }
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

// ---- documents ----------------------------------------------------------------------------

/** A patch without the store-managed fields, as plain JSON values. */
function dropManaged(patch: object): Json {
  const { _id: _ignoredId, version: _ignoredVersion, ...rest } = plain<Json>(patch);
  void _ignoredId;
  void _ignoredVersion;
  return rest;
}

/**
 * Patch → SDK update data. The SDK flattens nested objects into dotted `$set` paths (a merge,
 * and an empty object would vanish), so objects and arrays go through `_.set`, which replaces
 * the stored value wholesale as the port requires.
 */
function encodePatch(_: WechatCommand, patch: object): Json {
  const data: Json = {};
  for (const [key, value] of Object.entries(dropManaged(patch))) {
    data[key] = typeof value === 'object' && value !== null ? _.set(value) : value;
  }
  return data;
}

/** JSON-round-tripped copy: plain objects only, like the SQLite adapter returns. */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toDoc<T extends StoredDoc>(raw: unknown): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw unavailable('read');
  const doc = plain<Json>(raw);
  if (typeof doc._id !== 'string' || typeof doc.version !== 'number') throw unavailable('read');
  return doc as T;
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
}

function listOf(res: unknown): unknown[] {
  const data = fieldOf(res, 'data');
  if (!Array.isArray(data)) throw unavailable('read');
  return data;
}

function statOf(res: unknown, key: 'updated' | 'removed'): number {
  const n = fieldOf(fieldOf(res, 'stats'), key);
  if (typeof n !== 'number') throw unavailable('write');
  return n;
}

function asTransaction(value: unknown): WechatTransaction {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    ['collection', 'commit', 'rollback'].every((m) => typeof (value as Json)[m] === 'function');
  if (!ok) throw unavailable('startTransaction');
  return value as WechatTransaction;
}

// ---- errors -------------------------------------------------------------------------------

class NotFound extends Error {}
class Duplicate extends Error {}

function unavailable(operation: string, cause?: unknown): StoreError {
  const err = new StoreError('UNAVAILABLE', `the cloud database failed during ${operation}`);
  // Kept for logs, off the message (which may reach clients) and non-enumerable (off JSON).
  if (cause !== undefined) Object.defineProperty(err, 'cause', { value: cause, enumerable: false });
  return err;
}

function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  const parts = ['message', 'errMsg', 'code', 'errCode'].map((k) => fieldOf(err, k));
  return parts.filter((p) => typeof p === 'string' || typeof p === 'number').join(' ');
}

/**
 * Awaits one SDK call (so no SDK promise is ever left unhandled) and turns its failures into
 * StoreErrors. The SDK reports server errors as an Error whose text carries the server's code
 * and message; those texts are the only signal for the cases below.
 */
async function call(
  operation: string,
  fn: () => unknown,
  expect: { rethrowNotFound?: boolean; rethrowDuplicate?: boolean } = {},
): Promise<unknown> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreError) throw err;
    const text = errorText(err);
    // doc().get() in a transaction rejects for a missing document (throwOnNotFound default).
    if (expect.rethrowNotFound && /does not exist|DOCUMENT_NOT_EXIST/i.test(text)) throw new NotFound();
    // MongoDB's duplicate-key error, passed through by CloudBase as DATABASE_REQUEST_FAILED.
    if (expect.rethrowDuplicate && /E11000|duplicate key/i.test(text)) throw new Duplicate();
    // A transaction lost a write-write race with another transaction.
    if (/TRANSACTION_CONFLICT|TransactionConflict|WriteConflict/i.test(text)) {
      throw new StoreError('CONFLICT', `a concurrent transaction changed the same document during ${operation}`);
    }
    throw unavailable(operation, err);
  }
}
