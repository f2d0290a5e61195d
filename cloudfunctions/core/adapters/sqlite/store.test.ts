import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredDoc } from '../../ports/store';
import { openSqliteStore } from './store';

interface Project extends StoredDoc {
  batchId: string;
  state: string;
  grantFen: number;
  midtermPassed: boolean;
  fields: { title: string };
}

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const typeOf = (file: string, id: string) => {
  const db = new Database(file);
  const t = (db.prepare('SELECT typeof(doc) AS t FROM c_projects WHERE id = ?').get(id) as { t: string }).t;
  db.close();
  return t;
};

describe('the SQLite store’s documents (JSONB)', () => {
  it('stores documents as JSONB and reads back exactly what was written', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sqlite-jsonb-'));
    const file = path.join(dir, 'db.sqlite');
    const store = openSqliteStore(file);
    const doc = { _id: 'p1', batchId: 'b1', state: 'approved', grantFen: 10_001, midtermPassed: false, fields: { title: '“先锋”工程\u2028第二行 \u0000 😀 \\ "引号"' } };
    await store.insert<Project>('projects', doc);
    expect(await store.get<Project>('projects', 'p1')).toEqual({ ...doc, version: 1 });
    await store.update<Project>('projects', 'p1', 1, { midtermPassed: true });
    await store.close();
    expect(typeOf(file, 'p1')).toBe('blob');
  });

  it('keeps reading, querying and rewriting a database whose documents an earlier version stored as JSON text', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sqlite-jsonb-'));
    const file = path.join(dir, 'db.sqlite');
    await openSqliteStore(file).close();
    const db = new Database(file);
    const old = { batchId: 'b1', state: 'approved', grantFen: 5_000, midtermPassed: true, fields: { title: '旧文档' } };
    db.prepare('INSERT INTO c_projects (id, version, doc) VALUES (?, 3, ?)').run('old', JSON.stringify(old));
    db.close();
    expect(typeOf(file, 'old')).toBe('text');

    const store = openSqliteStore(file);
    await store.insert<Project>('projects', { _id: 'new', batchId: 'b1', state: 'approved', grantFen: 7_000, midtermPassed: false, fields: { title: '新文档' } });
    expect(await store.get<Project>('projects', 'old')).toEqual({ ...old, _id: 'old', version: 3 });
    expect((await store.find<Project>('projects', { where: { batchId: 'b1', midtermPassed: true } })).map((p) => p._id)).toEqual(['old']);
    const rows = await store.aggregate('projects', { where: { batchId: 'b1' }, groupBy: ['midtermPassed'], measures: { n: { op: 'count' }, grant: { op: 'sum', field: 'grantFen' } } });
    expect(rows.map((r) => [r.key.midtermPassed, r.values.n, r.values.grant]).sort()).toEqual([
      [false, 1, 7_000],
      [true, 1, 5_000],
    ]);
    await store.update<Project>('projects', 'old', 3, { state: 'cultivating' });
    expect(await store.get<Project>('projects', 'old')).toMatchObject({ state: 'cultivating', version: 4, fields: { title: '旧文档' } });
    await store.close();
    expect(typeOf(file, 'old')).toBe('blob');
  });
});
