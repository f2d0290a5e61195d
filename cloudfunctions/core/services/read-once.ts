import type { Store, StoreOps, StoredDoc } from '../ports/store';

/**
 * A store for one read-only call that composes several readers (home.open): a document read by
 * id once — or returned by any query — is not read again by id, and a query asked twice (the same
 * collection and options) is asked once. Every read it spares is one cloud database request.
 * Writes pass through and forget what they touch (a write to a collection drops its queries);
 * transactions are not cached. Callers must not change the documents they get (they are shared).
 */
export function readOnce(store: Store): Store {
  const known = new Map<string, Promise<StoredDoc | null>>();
  const queries = new Map<string, Map<string, Promise<unknown>>>();
  const key = (collection: string, id: string) => `${collection}\u0000${id}`;
  const remember = <T extends StoredDoc>(collection: string, docs: T[]): T[] => {
    for (const d of docs) if (!known.has(key(collection, d._id))) known.set(key(collection, d._id), Promise.resolve(d));
    return docs;
  };
  const query = <R>(collection: string, question: string, ask: () => Promise<R>): Promise<R> => {
    let asked = queries.get(collection);
    if (!asked) queries.set(collection, (asked = new Map()));
    let answer = asked.get(question) as Promise<R> | undefined;
    if (!answer) {
      answer = ask();
      asked.set(question, answer);
      // A failed query is asked again by the next reader rather than failing it too.
      answer.catch(() => asked?.delete(question));
    }
    return answer;
  };
  const forget = <R>(collection: string, id: string, write: Promise<R>): Promise<R> => {
    known.delete(key(collection, id));
    queries.delete(collection);
    return write;
  };
  const ops: StoreOps = {
    get: <T extends StoredDoc>(collection: string, id: string) => {
      let hit = known.get(key(collection, id));
      if (!hit) {
        hit = store.get<T>(collection, id);
        known.set(key(collection, id), hit);
      }
      return hit as Promise<T | null>;
    },
    find: <T extends StoredDoc>(collection: string, options?: Parameters<StoreOps['find']>[1]) =>
      query(collection, `find\u0000${JSON.stringify(options ?? {})}`, async () => remember(collection, await store.find<T>(collection, options))),
    count: (collection, where) => query(collection, `count\u0000${JSON.stringify(where ?? {})}`, () => store.count(collection, where)),
    aggregate: (collection, spec) => store.aggregate(collection, spec),
    insert: (collection, doc) => forget(collection, doc._id, store.insert(collection, doc)),
    update: (collection, id, version, patch) => forget(collection, id, store.update(collection, id, version, patch)),
    remove: (collection, id, version) => forget(collection, id, store.remove(collection, id, version)),
  };
  return { ...ops, transaction: (fn) => store.transaction(fn), close: () => store.close() };
}
