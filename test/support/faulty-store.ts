import type { Store, StoreOps } from '../../cloudfunctions/core/ports/store';
import { COLLECTIONS } from '../../cloudfunctions/core/ports/collections';

/** The failure a FaultyStore injects: a plain Error, as a dropped connection or a killed process would be. */
export class InjectedFault extends Error {
  constructor(where: string) {
    super(`injected fault ${where}`);
    this.name = 'InjectedFault';
  }
}

export type Fault =
  /** Throws right after the k-th counted write (1-based) succeeded: inside a transaction, it rolls back. */
  | { afterWrite: number }
  /** Throws after the k-th transaction (1-based) committed, before the caller sees its result. */
  | { afterCommit: number };

export interface WriteLog {
  /** Writes counted (insert/update/remove), inside and outside transactions, except `uncounted` ones. */
  writes: number;
  /** Transactions committed. */
  commits: number;
  /** Counted writes made outside any transaction (each may leave half a state if the next fails). */
  outside: Array<{ op: string; collection: string }>;
}

/**
 * A store that fails on purpose. Wraps a real store, counts writes, and throws an InjectedFault at
 * the configured point. Arm it with `arm(fault)` for the next call; `disarm()` to run clean.
 * Writes for which `uncounted(op, collection, inTransaction)` is true are neither counted nor
 * failed (the router's request record written after the handler returned, for instance).
 */
export interface FaultyStore extends Store {
  arm(fault: Fault | null): void;
  /** Counting since the last arm/reset. */
  log(): WriteLog;
  /** True when the armed fault fired. */
  fired(): boolean;
}

export function faultyStore(inner: Store, uncounted: (op: string, collection: string, inTx: boolean) => boolean = () => false): FaultyStore {
  let fault: Fault | null = null;
  let fired = false;
  let log: WriteLog = { writes: 0, commits: 0, outside: [] };

  function counted(op: string, collection: string, inTx: boolean): void {
    if (uncounted(op, collection, inTx)) return;
    log.writes += 1;
    if (!inTx) log.outside.push({ op, collection });
    if (fault && 'afterWrite' in fault && log.writes === fault.afterWrite && !fired) {
      fired = true;
      throw new InjectedFault(`after write ${log.writes} (${op} ${collection})`);
    }
  }

  function wrapOps(ops: StoreOps, inTx: boolean): StoreOps {
    return {
      get: (c, id) => ops.get(c, id),
      find: (c, o) => ops.find(c, o),
      count: (c, w) => ops.count(c, w),
      aggregate: (c, s) => ops.aggregate(c, s),
      async insert(c, doc) {
        const r = await ops.insert(c, doc);
        counted('insert', c, inTx);
        return r;
      },
      async update(c, id, v, p) {
        const r = await ops.update(c, id, v, p);
        counted('update', c, inTx);
        return r;
      },
      async remove(c, id, v) {
        await ops.remove(c, id, v);
        counted('remove', c, inTx);
      },
    };
  }

  return {
    ...wrapOps(inner, false),
    async transaction(fn) {
      const result = await inner.transaction((tx) => fn(wrapOps(tx, true)));
      log.commits += 1;
      if (fault && 'afterCommit' in fault && log.commits === fault.afterCommit && !fired) {
        fired = true;
        throw new InjectedFault(`after commit ${log.commits}`);
      }
      return result;
    },
    close: () => inner.close(),
    arm(next) {
      fault = next;
      fired = false;
      log = { writes: 0, commits: 0, outside: [] };
    },
    log: () => ({ ...log, outside: [...log.outside] }),
    fired: () => fired,
  };
}

/** Every document of every collection, for "nothing changed" comparisons. */
export async function snapshotAll(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const collection of Object.keys(COLLECTIONS)) {
    const docs: unknown[] = [];
    for (let skip = 0; ; skip += 100) {
      const page = await store.find(collection, { limit: 100, skip, orderBy: [{ field: '_id', direction: 'asc' }] });
      docs.push(...page);
      if (page.length < 100) break;
    }
    out[collection] = docs;
  }
  return out;
}

/** How many documents each collection gained, lost or changed between two snapshots. */
export function delta(before: Record<string, unknown[]>, after: Record<string, unknown[]>): Record<string, { added: number; removed: number; changed: number }> {
  const out: Record<string, { added: number; removed: number; changed: number }> = {};
  for (const collection of Object.keys(after)) {
    const b = new Map((before[collection] ?? []).map((d) => [(d as { _id: string })._id, JSON.stringify(d)]));
    const a = new Map(after[collection].map((d) => [(d as { _id: string })._id, JSON.stringify(d)]));
    let added = 0;
    let removed = 0;
    let changed = 0;
    for (const [id, doc] of a) {
      if (!b.has(id)) added += 1;
      else if (b.get(id) !== doc) changed += 1;
    }
    for (const id of b.keys()) if (!a.has(id)) removed += 1;
    if (added + removed + changed > 0) out[collection] = { added, removed, changed };
  }
  return out;
}
