import { StoreError, type Scalar, type StoredDoc } from '../../ports/store';

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
  /** One element of an array meets all of `condition` (MongoDB operators, e.g. { $gte, $lt }). */
  elemMatch(condition: object): unknown;
  inc(by: number): unknown;
  set(value: unknown): unknown;
  /** `db.command.aggregate`: the operators of an aggregation pipeline. */
  readonly aggregate: WechatAggregateCommand;
}

export interface WechatAggregateCommand {
  sum(value: unknown): unknown;
  avg(value: unknown): unknown;
  min(value: unknown): unknown;
  max(value: unknown): unknown;
  ifNull(values: unknown[]): unknown;
}

/** `collection.aggregate()`: stages chain, `end()` sends them in one database.aggregateDocuments request. */
export interface WechatAggregate {
  match(condition: object): WechatAggregate;
  group(spec: object): WechatAggregate;
  sort(spec: object): WechatAggregate;
  skip(offset: number): WechatAggregate;
  limit(max: number): WechatAggregate;
  end(): unknown;
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
  aggregate(): WechatAggregate;
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

export type Json = Record<string, unknown>;

// ---- responses ----------------------------------------------------------------------------

/** JSON-round-tripped copy: plain objects only, like the SQLite adapter returns. */
export function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function toDoc<T extends StoredDoc>(raw: unknown): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw unavailable('read');
  const doc = plain<Json>(raw);
  if (typeof doc._id !== 'string' || typeof doc.version !== 'number') throw unavailable('read');
  return doc as T;
}

export function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
}

export function listOf(res: unknown): unknown[] {
  const data = fieldOf(res, 'data');
  if (!Array.isArray(data)) throw unavailable('read');
  return data;
}

export function statOf(res: unknown, key: 'updated' | 'removed'): number {
  const n = fieldOf(fieldOf(res, 'stats'), key);
  if (typeof n !== 'number') throw unavailable('write');
  return n;
}

export function asTransaction(value: unknown): WechatTransaction {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    ['collection', 'commit', 'rollback'].every((m) => typeof (value as Json)[m] === 'function');
  if (!ok) throw unavailable('startTransaction');
  return value as WechatTransaction;
}

// ---- errors -------------------------------------------------------------------------------

export class NotFound extends Error {}
export class Duplicate extends Error {}

export function unavailable(operation: string, cause?: unknown): StoreError {
  const err = new StoreError('UNAVAILABLE', `the cloud database failed during ${operation}`);
  // Kept for logs, off the message (which may reach clients) and non-enumerable (off JSON).
  if (cause !== undefined) Object.defineProperty(err, 'cause', { value: cause, enumerable: false });
  return err;
}

export function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  const parts = ['message', 'errMsg', 'code', 'errCode'].map((k) => fieldOf(err, k));
  return parts.filter((p) => typeof p === 'string' || typeof p === 'number').join(' ');
}

/**
 * Awaits one SDK call (so no SDK promise is ever left unhandled) and turns its failures into
 * StoreErrors. The SDK reports server errors as an Error whose text carries the server's code
 * and message; those texts are the only signal for the cases below.
 */
export async function call(
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
