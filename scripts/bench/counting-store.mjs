// A Store that counts round trips: each get/insert/update/remove/find/count, and each
// transaction, is one call to the database — what one WeChat cloud database request costs.
const OPS = ['get', 'insert', 'update', 'remove', 'find', 'count'];

// Queries (find and count) are kept with their collection and options, so the benchmark can ask
// SQLite how each one runs (EXPLAIN QUERY PLAN: index or full scan).
export function countingStore(store) {
  const counter = { trips: 0, byOp: {}, queries: [] };
  const hit = (op, args) => {
    counter.trips += 1;
    counter.byOp[op] = (counter.byOp[op] ?? 0) + 1;
    if (op === 'find') counter.queries.push({ op, collection: args[0], options: args[1] ?? {} });
    if (op === 'count') counter.queries.push({ op, collection: args[0], options: { where: args[1] } });
  };
  const wrap = (ops) => Object.fromEntries(OPS.map((op) => [op, (...args) => (hit(op, args), ops[op](...args))]));
  const counted = {
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
