/**
 * FAKE at the wire boundary: stands in for Tencent CloudBase's database HTTP API.
 *
 * wx-server-sdk 4.0.2 (through @cloudbase/node-sdk and @cloudbase/database) POSTs every
 * database call as JSON to `serviceUrl` with an `action` field; queries, orders and documents
 * travel as MongoDB Extended JSON strings. This server answers those actions from memory,
 * using bson's EJSON for the encoding and mingo for query/update/sort semantics.
 *
 * Actions: database.getDocument, insertDocument, modifyDocument, removeDocument,
 * calculateDocument, aggregateDocuments, addCollection, startTransaction, commitTransaction,
 * abortTransaction.
 *
 * aggregateDocuments (what `collection.aggregate()….end()` sends: `stages`, a list of
 * { stageKey: '$match', stageValue: <Extended JSON> }) runs the pipeline with mingo's Aggregator
 * over the committed documents, answering `data.list` as Extended JSON strings. Two things it
 * does on purpose to behave like CloudBase rather than like mingo:
 * - a pipeline with no $limit stage answers at most 20 records (CloudBase's documented-by-users
 *   default for aggregate; the adapter always sends a $limit);
 * - $avg over no numbers is null, as in MongoDB (mingo's own $avg answers 0).
 * (The legacy getInTransaction / updateDocInTransaction / deleteDocInTransaction /
 * insertDocInTransaction actions live in @cloudbase/database's unused transaction.js; 4.0.2
 * sends the ordinary actions with a `transactionId` instead, so they are not implemented.)
 *
 * It does NOT reproduce:
 * - authentication: the TC3 signature, tokens and env checks are ignored;
 * - security rules and permissions (DATABASE_PERMISSION_DENIED);
 * - collection lifecycle: collections spring into existence on first use, where CloudBase
 *   answers DATABASE_COLLECTION_NOT_EXIST until they are created;
 * - real snapshot isolation and locking: a transaction buffers its writes and applies them at
 *   commit; commit fails with DATABASE_TRANSACTION_CONFLICT only if a document it wrote was
 *   committed by someone else after the transaction first touched it. No write locks, no
 *   blocking of plain writes, no 10-second transaction expiry, no abort-on-error inside a
 *   transaction;
 * - indexes, unique indexes other than `_id`, query plans, page-size caps other than the SDK's,
 *   document size limits, quotas, rate limits, latency, retries, realtime watch, projections,
 *   geo and regex types; aggregate stages or operators CloudBase lacks are not refused (mingo
 *   knows more than CloudBase does), nor are pipeline memory limits enforced;
 * - the exact text of server error messages (duplicate keys imitate MongoDB's E11000 text).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { Aggregator, Query } from 'mingo';
import { Context, type AccumulatorOperator } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import { $push } from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as queryOperators from 'mingo/operators/query';
import type { AnyObject } from 'mingo/types';
import { update as applyUpdate, type UpdateExpression } from 'mingo/updater';

type Doc = Record<string, unknown> & { _id: string };
type Params = Record<string, unknown>;
type Reply = Record<string, unknown>;

export interface FakeCloudBase {
  /** Pass as `serviceUrl` to `cloud.init`. */
  url: string;
  close(): Promise<void>;
  /** Every action received, in order. */
  requests: string[];
  /** Forget all data, transactions and recorded requests. */
  reset(): void;
  /** Answer the next request for `action` with this server error instead of executing it. */
  failNext(action: string, error: { code: string; message: string }): void;
}

class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Transaction {
  /** Buffered writes by key; null is a delete. */
  writes: Map<string, { collection: string; doc: Doc | null }>;
  /** The commit stamp of each document when this transaction first touched it. */
  seen: Map<string, number>;
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;

class Database {
  private collections = new Map<string, Map<string, Doc>>();
  /** Per-document commit counter, for the simplified transaction conflict check. */
  private stamps = new Map<string, number>();
  private stampClock = 0;
  private transactions = new Map<string, Transaction>();

  private committed(collection: string): Map<string, Doc> {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map()));
    return docs;
  }

  private tx(params: Params): Transaction | undefined {
    const id = params.transactionId;
    if (id === undefined || id === '') return undefined;
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined;
    if (!tx) throw new ServerError('DATABASE_TRANSACTION_FAIL', 'transaction does not exist or has ended');
    return tx;
  }

  /** The documents a request sees: committed ones, overlaid by its transaction's writes. */
  private visible(collection: string, tx: Transaction | undefined): Doc[] {
    const docs = new Map(this.committed(collection));
    for (const [k, w] of tx?.writes ?? []) {
      if (w.collection !== collection) continue;
      const id = k.slice(collection.length + 1);
      if (w.doc) docs.set(id, w.doc);
      else docs.delete(id);
    }
    return [...docs.values()];
  }

  private write(collection: string, tx: Transaction | undefined, id: string, doc: Doc | null): void {
    const k = key(collection, id);
    if (tx) {
      this.touch(tx, collection, id);
      tx.writes.set(k, { collection, doc });
      return;
    }
    this.commitOne(collection, id, doc);
  }

  private commitOne(collection: string, id: string, doc: Doc | null): void {
    if (doc) this.committed(collection).set(id, doc);
    else this.committed(collection).delete(id);
    this.stamps.set(key(collection, id), ++this.stampClock);
  }

  private match(params: Params, tx: Transaction | undefined): Doc[] {
    const collection = str(params, 'collectionName');
    if (tx && params.queryType !== 'DOC') {
      throw new ServerError('DATABASE_REQUEST_FAILED', 'only single-document operations are allowed in a transaction');
    }
    const criteria = params.query === undefined ? {} : object(ejson(str(params, 'query')));
    const docs = new Query(criteria).find<Doc>(this.visible(collection, tx)).all();
    if (tx) for (const d of docs) this.touch(tx, collection, d._id);
    return params.multi === false ? docs.slice(0, 1) : docs;
  }

  /** Remembers the document's commit stamp the first time a transaction reads or writes it. */
  private touch(tx: Transaction, collection: string, id: string): void {
    const k = key(collection, id);
    if (!tx.seen.has(k)) tx.seen.set(k, this.stamps.get(k) ?? 0);
  }

  handle(action: string, params: Params): Reply {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.insertDocument':
        return this.insertDocument(params);
      case 'database.modifyDocument':
        return this.modifyDocument(params);
      case 'database.removeDocument':
        return this.removeDocument(params);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(params);
      case 'database.calculateDocument':
        return { data: { total: this.match({ ...params, multi: true }, this.tx(params)).length } };
      case 'database.addCollection': {
        const name = str(params, 'collectionName');
        if (this.collections.has(name)) throw new ServerError('DATABASE_COLLECTION_ALREADY_EXIST', `${name} exists`);
        this.committed(name);
        return {};
      }
      case 'database.startTransaction': {
        const transactionId = randomBytes(12).toString('hex');
        this.transactions.set(transactionId, { writes: new Map(), seen: new Map() });
        return { transactionId };
      }
      case 'database.commitTransaction':
        return this.commit(params);
      case 'database.abortTransaction':
        if (!this.tx(params)) throw new ServerError('INVALID_PARAM', 'transactionId is required');
        this.transactions.delete(str(params, 'transactionId'));
        return {};
      default:
        throw new ServerError('INVALID_PARAM', `fake CloudBase does not implement ${action}`);
    }
  }

  private getDocument(params: Params): Reply {
    const tx = this.tx(params);
    let cursor = new Query({}).find<Doc>(this.match({ ...params, multi: true }, tx));
    if (params.order !== undefined) cursor = cursor.sort(object(ejson(str(params, 'order'))));
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const limit = typeof params.limit === 'number' ? params.limit : 100;
    const docs = cursor.skip(offset).limit(params.multi === false ? 1 : limit).all();
    return { data: { list: docs.map((d) => EJSON.stringify(d, { relaxed: false })), offset, limit } };
  }

  private aggregateDocuments(params: Params): Reply {
    if (params.transactionId !== undefined) {
      throw new ServerError('DATABASE_REQUEST_FAILED', 'aggregate is not allowed in a transaction');
    }
    const collection = str(params, 'collectionName');
    const raw = params.stages;
    if (!Array.isArray(raw)) throw new ServerError('INVALID_PARAM', 'stages must be a list');
    const pipeline = raw.map((stage: unknown) => {
      const s = object(stage);
      return { [str(s, 'stageKey')]: ejson(str(s, 'stageValue')) };
    });
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: 20 });
    const docs = new Aggregator(pipeline, { context: AGGREGATE_CONTEXT, useGlobalContext: false }).run(this.visible(collection, undefined));
    return { data: { list: docs.map((d) => EJSON.stringify(d, { relaxed: false })) } };
  }

  private insertDocument(params: Params): Reply {
    const tx = this.tx(params);
    const collection = str(params, 'collectionName');
    const raw = params.data;
    if (!Array.isArray(raw)) throw new ServerError('INVALID_PARAM', 'data must be a list');
    const docs = raw.map((text: unknown) => {
      const doc = object(ejson(typeof text === 'string' ? text : ''));
      const id = doc._id ?? randomBytes(16).toString('hex');
      if (typeof id !== 'string') throw new ServerError('INVALID_PARAM', 'fake supports string _id only');
      return { ...doc, _id: id };
    });
    const existing = new Set(this.visible(collection, tx).map((d) => d._id));
    for (const doc of docs) {
      if (existing.has(doc._id)) {
        throw new ServerError(
          'DATABASE_REQUEST_FAILED',
          `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${doc._id}" }`,
        );
      }
      existing.add(doc._id);
    }
    for (const doc of docs) this.write(collection, tx, doc._id, doc);
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modifyDocument(params: Params): Reply {
    const tx = this.tx(params);
    const collection = str(params, 'collectionName');
    const data = object(ejson(str(params, 'data')));
    const merge = params.merge !== false;
    const matched = this.match(params, tx);
    for (const current of matched) {
      this.write(collection, tx, current._id, merge ? updated(current, data) : { ...data, _id: current._id });
    }
    if (matched.length === 0 && params.upsert === true) {
      const criteria = params.query === undefined ? {} : object(ejson(str(params, 'query')));
      const id = typeof criteria._id === 'string' ? criteria._id : randomBytes(16).toString('hex');
      this.write(collection, tx, id, merge ? updated({ _id: id }, data) : { ...data, _id: id });
      return { data: { updated: 0, upsert_id: id } };
    }
    return { data: { updated: matched.length } };
  }

  private removeDocument(params: Params): Reply {
    const tx = this.tx(params);
    const collection = str(params, 'collectionName');
    const matched = this.match(params, tx);
    for (const doc of matched) this.write(collection, tx, doc._id, null);
    return { data: { deleted: matched.length } };
  }

  private commit(params: Params): Reply {
    const tx = this.tx(params);
    if (!tx) throw new ServerError('INVALID_PARAM', 'transactionId is required');
    // Committed or conflicted, the transaction ends here.
    this.transactions.delete(str(params, 'transactionId'));
    for (const k of tx.writes.keys()) {
      if ((this.stamps.get(k) ?? 0) !== tx.seen.get(k)) {
        throw new ServerError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
      }
    }
    for (const [k, w] of tx.writes) this.commitOne(w.collection, k.slice(w.collection.length + 1), w.doc);
    return {};
  }
}

/** MongoDB's $avg: the mean of the numbers among the values, null when there are none. */
const mongoAvg: AccumulatorOperator<number | null> = (collection, expr, options) => {
  const numbers = $push(collection, expr, options).filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, n) => a + n, 0) / numbers.length : null;
};

// Operators already present win in a mingo Context, so the corrected $avg goes in first.
const AGGREGATE_CONTEXT = Context.init({ accumulator: { $avg: mongoAvg } })
  .addAccumulatorOps(accumulatorOperators)
  .addExpressionOps(expressionOperators)
  .addPipelineOps(pipelineOperators)
  .addQueryOps(queryOperators);

/** Applies update operators ({$set, $inc, …}) one expression at a time to a copy. */
function updated(current: Doc, data: Record<string, unknown>): Doc {
  const next = structuredClone(current);
  for (const [op, args] of Object.entries(data)) applyUpdate(next, expression(op, object(args)));
  return { ...next, _id: current._id };
}

/** The update operators wx-server-sdk's `db.command` can emit, as mingo expressions. */
function expression(op: string, args: AnyObject): UpdateExpression {
  switch (op) {
    case '$set':
      return { $set: args };
    case '$unset':
      return { $unset: args };
    case '$inc':
      return { $inc: args };
    case '$mul':
      return { $mul: args };
    case '$min':
      return { $min: args };
    case '$max':
      return { $max: args };
    case '$rename':
      return { $rename: args };
    case '$push':
      return { $push: args };
    case '$pop':
      return { $pop: args };
    case '$pull':
      return { $pull: args };
    case '$pullAll':
      return { $pullAll: args };
    case '$addToSet':
      return { $addToSet: args };
    case '$bit':
      return { $bit: args };
    default:
      throw new ServerError('DATABASE_INVALID_OPERRATOR', `unsupported update operator ${op}`);
  }
}

function ejson(text: string): unknown {
  try {
    return EJSON.parse(text, { relaxed: true });
  } catch {
    throw new ServerError('INVALID_PARAM', 'malformed Extended JSON');
  }
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServerError('INVALID_PARAM', 'expected an object');
  }
  return value as Record<string, unknown>;
}

function str(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string') throw new ServerError('INVALID_PARAM', `${name} must be a string`);
  return value;
}

export async function startFakeCloudBase(): Promise<FakeCloudBase> {
  let db = new Database();
  const requests: string[] = [];
  const failures = new Map<string, { code: string; message: string }>();
  let requestCount = 0;

  const answer = (body: string): Reply => {
    const requestId = `fake-${++requestCount}`;
    try {
      const params = object(JSON.parse(body));
      const action = str(params, 'action');
      requests.push(action);
      const failure = failures.get(action);
      if (failure) {
        failures.delete(action);
        return { ...failure, requestId };
      }
      return { ...db.handle(action, params), requestId };
    } catch (err) {
      // CloudBase reports failures as HTTP 200 with a string `code`, which the SDK turns into errors.
      if (err instanceof ServerError) return { code: err.code, message: err.message, requestId };
      const message = err instanceof Error ? err.message : String(err);
      return { code: 'SYS_ERR', message: `fake CloudBase failed: ${message}`, requestId };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(Buffer.concat(chunks).toString('utf8'))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    reset() {
      db = new Database();
      requests.length = 0;
      failures.clear();
    },
    failNext(action, error) {
      failures.set(action, error);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
