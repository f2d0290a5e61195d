import type { AggregateSpec, FindOptions, Store, StoreOps, Where } from '../../cloudfunctions/core/ports/store';

// A Store that counts round trips: each get/insert/update/remove/find/count/aggregate, and each
// transaction, is one call to the database — what one WeChat cloud database request costs.
const OPS = ['get', 'insert', 'update', 'remove', 'find', 'count', 'aggregate'] as const;

export interface CountedQuery {
  op: 'find' | 'count' | 'aggregate';
  collection: string;
  options: FindOptions;
  /** For aggregate: the spec (its `where` is also in options). */
  spec?: AggregateSpec;
}

export interface TripCounter {
  trips: number;
  byOp: Record<string, number>;
  /** Queries (find and count) with their collection and options, for the bench to EXPLAIN. */
  queries: CountedQuery[];
}

export function countingStore(store: Store): { store: Store; counter: TripCounter; reset(): void } {
  const counter: TripCounter = { trips: 0, byOp: {}, queries: [] };
  const hit = (op: string, args: unknown[]) => {
    counter.trips += 1;
    counter.byOp[op] = (counter.byOp[op] ?? 0) + 1;
    if (op === 'find') counter.queries.push({ op, collection: String(args[0]), options: (args[1] as FindOptions | undefined) ?? {} });
    if (op === 'count') counter.queries.push({ op, collection: String(args[0]), options: { where: args[1] as Where | undefined } });
    if (op === 'aggregate') {
      const spec = args[1] as AggregateSpec;
      counter.queries.push({ op, collection: String(args[0]), options: { where: spec.where }, spec });
    }
  };
  const wrap = (ops: StoreOps): StoreOps => {
    const out: Record<string, unknown> = {};
    for (const op of OPS) {
      const fn = ops[op] as (...a: unknown[]) => Promise<unknown>;
      out[op] = (...args: unknown[]) => {
        hit(op, args);
        return fn.apply(ops, args);
      };
    }
    return out as unknown as StoreOps;
  };
  const counted: Store = {
    ...wrap(store),
    transaction: (fn) => {
      hit('transaction', []);
      return store.transaction((tx) => fn(wrap(tx)));
    },
    close: () => store.close(),
  };
  return {
    store: counted,
    counter,
    reset() {
      counter.trips = 0;
      counter.byOp = {};
      counter.queries = [];
    },
  };
}
