import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../cloudfunctions/core/ports/collections';

// A queue that nothing reads is a dead end for the people waiting on it (the outbox once was
// one). Every collection the server writes must be read by the server too, and every collection
// that declares query fields must be queried: checked on the source, outside tests and fixtures.
const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|fixture/.test(e.name) ? [full] : [];
  });
}

const quoted = (name: string) => `['"]${name}['"]`;
/** A store call or one of the paging helpers over it, naming the collection (after an optional store argument). */
const call = (fns: string, name: string) => new RegExp(`\\b(?:${fns})\\w*\\s*(?:<[^()]*?>)?\\(\\s*(?:[\\w.]+\\s*,\\s*)?${quoted(name)}`);
const READS = 'get|find|count|readEvery|readAll|getMany|findIn|forEachPage|aggregate';
const QUERIES = 'find|count|readEvery|readAll|findIn|forEachPage|aggregate';
const WRITES = 'insert|update';

/**
 * A queue: written, with fields declared to find its documents by (status, recipient, …). It must
 * be queried by those fields somewhere. A document read by its `_id` only (a slot, a lock)
 * declares no fields; one never read at all is dead either way.
 */
export function deadQueues(code: string, collections: Record<string, readonly string[]>): { writtenNeverRead: string[]; declaredNeverQueried: string[] } {
  const names = Object.keys(collections).filter((c) => c !== 'contract_items');
  const written = (c: string) => call(WRITES, c).test(code);
  return {
    writtenNeverRead: names.filter((c) => written(c) && collections[c].length > 0 && !call(READS, c).test(code)),
    declaredNeverQueried: names.filter((c) => written(c) && collections[c].length > 0 && !call(QUERIES, c).test(code)),
  };
}

describe('no queue that nothing reads', () => {
  it('every collection the server writes is read, and every one with query fields is queried', () => {
    const code = sources(path.join(root, 'cloudfunctions')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(deadQueues(code, COLLECTIONS)).toEqual({ writtenNeverRead: [], declaredNeverQueried: [] });
  });

  it('catches a collection that is only ever written', () => {
    const code = `await tx.insert<Entry>('outbox', entry);\nawait store.update('outbox', id, 1, patch);\nconst u = await store.get<User>('users', id);\nawait readEvery<User>(store, 'users', {});`;
    expect(deadQueues(code, { outbox: ['status'], users: ['openid'] })).toEqual({ writtenNeverRead: ['outbox'], declaredNeverQueried: ['outbox'] });
    expect(deadQueues(`${code}\nawait readEvery<Entry>(store, 'outbox', { status: 'pending' });`, { outbox: ['status'], users: ['openid'] })).toEqual({ writtenNeverRead: [], declaredNeverQueried: [] });
  });
});
