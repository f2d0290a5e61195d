import Database from 'better-sqlite3';
import { COLLECTIONS, LIST_FIELDS } from '../../ports/collections';
import { StoreError, type FindOptions, type NewDoc, type Patch, type Store, type StoreOps, type StoredDoc, type Where, type AggregateSpec } from '../../ports/store';
import { AsyncLock } from './lock';
import { planAggregate, toRow } from '../aggregate-plan';
import { aggregateSql, fieldExpr, listTable, pageClause, tableName, whereClause } from './query';

type Row = { id: string; version: number; doc: string };

/**
 * The local store: one table per collection holding JSON documents, expression indexes on
 * every declared field, WAL mode. All access is serialised through one lock so that a
 * transaction's awaits never interleave with another caller's statements on the connection.
 */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const lock = new AsyncLock();
  const ops = makeOps(db);
  const outside: StoreOps = {
    get: (c, id) => lock.run(() => ops.get(c, id)),
    insert: (c, doc) => lock.run(() => ops.insert(c, doc)),
    update: (c, id, v, p) => lock.run(() => ops.update(c, id, v, p)),
    remove: (c, id, v) => lock.run(() => ops.remove(c, id, v)),
    find: (c, o) => lock.run(() => ops.find(c, o)),
    count: (c, w) => lock.run(() => ops.count(c, w)),
    aggregate: (c, spec) => lock.run(() => ops.aggregate(c, spec)),
  };

  return {
    ...outside,
    transaction: (fn) =>
      lock.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(ops);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => lock.run(async () => void db.close()),
  };
}

function migrate(db: Database.Database): void {
  for (const [collection, fields] of Object.entries(COLLECTIONS)) {
    const table = tableName(collection);
    // `doc` holds SQLite's binary JSON (JSONB, written with jsonb(), read back with json()): the
    // queries' json_extract and the aggregates read fields from it without parsing the text each
    // time, about twice as fast at university scale. Documents an earlier version wrote as JSON
    // text read and query the same (every JSON function takes both) and become JSONB when rewritten.
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`);
    const lists: readonly string[] = (LIST_FIELDS as Record<string, readonly string[] | undefined>)[collection] ?? [];
    for (const field of lists) {
      const side = listTable(collection, field);
      const existed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(side) !== undefined;
      // No type on `value`: elements keep their own (numbers compare as numbers, text as text).
      db.exec(`CREATE TABLE IF NOT EXISTS ${side} (id TEXT NOT NULL, value NOT NULL)`);
      db.exec(`CREATE INDEX IF NOT EXISTS ${side}__value ON ${side} (value, id)`);
      db.exec(`CREATE INDEX IF NOT EXISTS ${side}__id ON ${side} (id)`);
      // A database from before the field was a list: index what its documents already hold.
      if (!existed) db.exec(`INSERT INTO ${side} (id, value) SELECT DISTINCT t.id, e.value FROM ${table} t, json_each(t.doc, '$.${field}') e WHERE e.type IN ('text', 'integer', 'real')`);
    }
    for (const field of fields) {
      if (lists.includes(field)) continue;
      // (field, id): an equality on the field then pages in id order (every page ends `id ASC`,
      // keyset pages ask `_id > last`) are read straight from the index, with no sort per page.
      const base = `${table}__${field.replace(/\./g, '_')}`;
      db.exec(`DROP INDEX IF EXISTS ${base}`);
      db.exec(`CREATE INDEX IF NOT EXISTS ${base}__id ON ${table} (${fieldExpr(collection, field)}, id)`);
    }
  }
}

function parse<T extends StoredDoc>(row: Row): T {
  return { ...(JSON.parse(row.doc) as object), _id: row.id, version: row.version } as T;
}

/** The scalars a list field holds in a document (a lone scalar counts as a list of one); booleans as 1/0 like the main table. */
function listValues(doc: Record<string, unknown>, field: string): Array<string | number> {
  let at: unknown = doc;
  for (const key of field.split('.')) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  const items = Array.isArray(at) ? at : at === undefined || at === null ? [] : [at];
  const out = new Set<string | number>();
  for (const v of items) {
    if (typeof v === 'string' || typeof v === 'number') out.add(v);
    else if (typeof v === 'boolean') out.add(v ? 1 : 0);
  }
  return [...out];
}

function makeOps(db: Database.Database): StoreOps {
  /** Rewrites the side tables of a document's list fields (`doc` null: it was removed); `only`: just the fields whose top-level key a patch touched. */
  const syncLists = (collection: string, id: string, doc: Record<string, unknown> | null, only?: object): void => {
    const lists: readonly string[] = (LIST_FIELDS as Record<string, readonly string[] | undefined>)[collection] ?? [];
    for (const field of lists) {
      if (only && !(field.split('.')[0] in only)) continue;
      const side = listTable(collection, field);
      db.prepare(`DELETE FROM ${side} WHERE id = ?`).run(id);
      if (!doc) continue;
      const insert = db.prepare(`INSERT INTO ${side} (id, value) VALUES (?, ?)`);
      for (const value of listValues(doc, field)) insert.run(id, value);
    }
  };

  const getRow = (collection: string, id: string): Row | undefined =>
    db.prepare(`SELECT id, version, json(doc) AS doc FROM ${tableName(collection)} WHERE id = ?`).get(id) as Row | undefined;

  const write = (collection: string, doc: StoredDoc): void => {
    const { _id, ...rest } = doc;
    db.prepare(`UPDATE ${tableName(collection)} SET version = ?, doc = jsonb(?) WHERE id = ?`).run(doc.version, JSON.stringify(rest), _id);
  };

  const checked = (collection: string, id: string, expectedVersion: number): Row => {
    const row = getRow(collection, id);
    if (!row) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
    if (row.version !== expectedVersion) {
      throw new StoreError('CONFLICT', `${collection}/${id} is at version ${row.version}, not ${expectedVersion}`);
    }
    return row;
  };

  return {
    async get<T extends StoredDoc>(collection: string, id: string) {
      const row = getRow(collection, id);
      return row ? parse<T>(row) : null;
    },
    async insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>) {
      const stored = { ...doc, version: 1 } as unknown as T;
      const { _id, ...rest } = stored as StoredDoc & Record<string, unknown>;
      try {
        // One statement group: the document and its list rows land together (a savepoint inside a transaction).
        db.transaction(() => {
          db.prepare(`INSERT INTO ${tableName(collection)} (id, version, doc) VALUES (?, 1, jsonb(?))`).run(_id, JSON.stringify(rest));
          syncLists(collection, _id, rest);
        })();
      } catch (err) {
        if (err instanceof Error && /UNIQUE|PRIMARY KEY/.test(err.message)) {
          throw new StoreError('DUPLICATE', `${collection}/${_id} already exists`);
        }
        throw err;
      }
      return JSON.parse(JSON.stringify(stored)) as T;
    },
    async update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>) {
      const current = parse<T>(checked(collection, id, expectedVersion));
      const next = { ...current, ...JSON.parse(JSON.stringify(patch)), _id: id, version: expectedVersion + 1 } as T;
      db.transaction(() => {
        write(collection, next);
        syncLists(collection, id, next as unknown as Record<string, unknown>, patch);
      })();
      return next;
    },
    async remove(collection: string, id: string, expectedVersion: number) {
      checked(collection, id, expectedVersion);
      db.transaction(() => {
        db.prepare(`DELETE FROM ${tableName(collection)} WHERE id = ?`).run(id);
        syncLists(collection, id, null);
      })();
    },
    async find<T extends StoredDoc>(collection: string, options: FindOptions = {}) {
      const where = whereClause(collection, options.where);
      const page = pageClause(collection, options);
      const rows = db
        .prepare(`SELECT id, version, json(doc) AS doc FROM ${tableName(collection)} ${where.sql} ${page.sql}`)
        .all(...where.params, ...page.params) as Row[];
      return rows.map((r) => parse<T>(r));
    },
    async count(collection: string, where?: Where) {
      const w = whereClause(collection, where);
      const row = db.prepare(`SELECT COUNT(*) AS n FROM ${tableName(collection)} ${w.sql}`).get(...w.params) as { n: number };
      return row.n;
    },
    async aggregate(collection: string, spec: AggregateSpec) {
      const plan = planAggregate(collection, spec);
      const q = aggregateSql(collection, plan, spec.where);
      const rows = db.prepare(q.sql).raw().all(...q.params) as unknown[][];
      const keys = plan.groupBy.length;
      const bad = () => new StoreError('UNAVAILABLE', `${collection}: a group key is not a scalar`);
      return rows.map((r) => toRow(plan, r.slice(0, keys).map((k) => JSON.parse(String(k)) as unknown), r.slice(keys), bad));
    },
  };
}
