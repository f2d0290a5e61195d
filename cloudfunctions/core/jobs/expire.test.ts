import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contracts';
import { createLocalFiles, type LocalFiles } from '../adapters/local/files';
import { createApp } from '../app';
import { ADMIN, createHarness, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../test/support/harness';
import type { PacketJob } from '../procedures/paperwork/progress';
import { expireDownloads } from './expire';
import type { StoredDoc } from '../ports/store';

let h: Harness;
let dir: string;
let files: LocalFiles;
beforeEach(async () => {
  h = await createHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'expire-'));
  files = createLocalFiles(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function call<T>(openid: string, procedure: string, input: unknown): Promise<T> {
  const app = createApp({ store: h.store, clock: () => h.now.value, files, logger: { error: () => {} } });
  const r = await app.call({ openid }, { procedure, input, requestId: `r-${Math.random()}` });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as T;
}

const onDisk = (url: string) => path.join(dir, /^\/files\/([^?]+)/.exec(url)![1]!);

describe('exports and packet progress expire after a day', () => {
  it('the timed job deletes exported files older than a day and their progress, and leaves the newer ones', async () => {
    const old = await call<OutputOf<'export.applications'>>(ADMIN, 'export.applications', { batchId: OPEN_BATCH });
    await call(SECRETARY_CS, 'export.packet', { batchId: OPEN_BATCH, committeeId: 'c-cs', jobId: 'job-old-0001' });
    expect(existsSync(onDisk(old.url))).toBe(true);
    expect(await h.store.count('exportFiles', {})).toBe(2);
    h.now.value = new Date(h.now.value.getTime() + 23 * 3600_000);
    const fresh = await call<OutputOf<'export.applications'>>(ADMIN, 'export.applications', { batchId: OPEN_BATCH });
    // A day and a minute after the first ones.
    const later = new Date(h.now.value.getTime() + 3600_000 + 60_000);
    expect(await expireDownloads(h.store, files, later)).toEqual({ exports: 2, packetJobs: 1, rateBuckets: 1 });
    expect(existsSync(onDisk(old.url))).toBe(false);
    expect(existsSync(onDisk(fresh.url))).toBe(true);
    expect(await h.store.count('exportFiles', {})).toBe(1);
    expect(await h.store.get<PacketJob>('packetJobs', `${(await h.store.find<StoredDoc>('users', { where: { openid: SECRETARY_CS } }))[0]!._id}:job-old-0001`)).toBeNull();
    // A rerun finds nothing more to do.
    expect(await expireDownloads(h.store, files, later)).toEqual({ exports: 0, packetJobs: 0, rateBuckets: 0 });
  });
});
