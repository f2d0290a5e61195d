// A Store that counts round trips: each get/insert/update/remove/find/count, and each
// transaction, is one call to the database — what one WeChat cloud database request costs.
const OPS = ['get', 'insert', 'update', 'remove', 'find', 'count'];

export function countingStore(store) {
  const counter = { trips: 0, byOp: {} };
  const hit = (op) => {
    counter.trips += 1;
    counter.byOp[op] = (counter.byOp[op] ?? 0) + 1;
  };
  const wrap = (ops) => Object.fromEntries(OPS.map((op) => [op, (...args) => (hit(op), ops[op](...args))]));
  const counted = {
    ...wrap(store),
    transaction: (fn) => {
      hit('transaction');
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
    },
  };
}
