/**
 * The store port: document-shaped like the WeChat cloud database. Collections of JSON
 * documents with `_id` and `version`; equality and range queries on declared fields;
 * ordered pages of at most 100; grouped counts and sums (aggregate); a transaction callback. Adapters: SQLite (local) and
 * wx-server-sdk (WeChat).
 */
export type Scalar = string | number | boolean | null;

export interface RangeCondition {
  $gt?: Scalar;
  $gte?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
  $in?: Scalar[];
  $ne?: Scalar;
}

/** Field (declared in COLLECTIONS, dotted paths allowed) → value or range. */
export type Where = Record<string, Scalar | RangeCondition>;

export interface FindOptions {
  where?: Where;
  orderBy?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** At most MAX_PAGE; defaults to MAX_PAGE. */
  limit?: number;
  skip?: number;
}

export const MAX_PAGE = 100;

/**
 * One figure per group. `count` counts the matching documents; `sum`/`avg`/`min`/`max` read a
 * declared field holding numbers: documents where it is missing, null or not a number are
 * ignored (so `sum` of none is 0, `avg`/`min`/`max` of none are null).
 */
export type Measure = { op: 'count' } | { op: 'sum' | 'min' | 'max' | 'avg'; field: string };

export interface AggregateSpec {
  /** Same semantics as find. */
  where?: Where;
  /** Declared fields (dotted ok); [] = one group over all matching rows (none when nothing matches). */
  groupBy: string[];
  /** Measure name (a letter, then letters, digits or _) → measure. */
  measures: Record<string, Measure>;
  /** A groupBy field or a measure name; ties (and everything else) then go by the group keys ascending. */
  orderBy?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** Groups returned: 1..MAX_GROUPS, default MAX_GROUPS. */
  limit?: number;
  skip?: number;
}

/**
 * One group: its key (each groupBy field → value; missing and null group together as null)
 * and its measures.
 */
export interface AggregateRow {
  key: Record<string, Scalar>;
  values: Record<string, number | null>;
}

/**
 * Most groups one aggregate returns. CloudBase's aggregate answers 20 records unless the
 * pipeline ends in a $limit (the adapter always sends one); limits well past this are accepted.
 */
export const MAX_GROUPS = 1000;

export interface StoredDoc {
  _id: string;
  version: number;
}

/** A new document: `_id` chosen by the caller; `version` is set to 1 by the store. */
export type NewDoc<T extends StoredDoc> = Omit<T, 'version'>;
/** A partial update: top-level fields replaced; `_id` and `version` are managed by the store. */
export type Patch<T extends StoredDoc> = Partial<Omit<T, '_id' | 'version'>>;

/** Reads and writes available both inside and outside a transaction. */
export interface StoreOps {
  get<T extends StoredDoc>(collection: string, id: string): Promise<T | null>;
  /** Fails with StoreError('DUPLICATE') when `_id` exists. */
  insert<T extends StoredDoc>(collection: string, doc: NewDoc<T>): Promise<T>;
  /**
   * Versioned write: applies `patch` only if the stored version equals `expectedVersion`,
   * then bumps the version. StoreError('CONFLICT') when it does not match, ('NOT_FOUND') when
   * the document does not exist.
   */
  update<T extends StoredDoc>(collection: string, id: string, expectedVersion: number, patch: Patch<T>): Promise<T>;
  /** Versioned delete; same errors as update. */
  remove(collection: string, id: string, expectedVersion: number): Promise<void>;
  find<T extends StoredDoc>(collection: string, options?: FindOptions): Promise<T[]>;
  count(collection: string, where?: Where): Promise<number>;
  /**
   * Groups the matching documents and measures each group: ONE round trip. Meant for reads
   * outside transactions — CloudBase allows no aggregate inside one, so there (as for find and
   * count) it runs outside the transaction and does not see the transaction's own writes.
   * BAD_QUERY for undeclared fields, unknown measures or a bad page.
   */
  aggregate(collection: string, spec: AggregateSpec): Promise<AggregateRow[]>;
}

export interface Store extends StoreOps {
  /**
   * Runs `fn` atomically: every write inside commits together or not at all. Reads inside
   * see the transaction's own writes. A thrown error rolls back and is rethrown.
   */
  transaction<R>(fn: (tx: StoreOps) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export type StoreErrorKind = 'DUPLICATE' | 'CONFLICT' | 'NOT_FOUND' | 'BAD_QUERY' | 'UNAVAILABLE';

export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  constructor(kind: StoreErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'StoreError';
  }
}
