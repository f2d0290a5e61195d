import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalFiles } from '../../adapters/local/files';
import { NO_FILES, type FileStore } from '../../ports/files';
import { filePictures, httpFetcher, PICTURE_LIMITS } from './pictures';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.png' || req.url?.startsWith('/n/')) return void res.end(PNG);
    if (req.url === '/big.png') return void res.end(Buffer.alloc(PICTURE_LIMITS.each + 1));
    if (req.url === '/slow.png') return; // never answers
    res.statusCode = 404;
    res.end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Cloud storage as the pictures see it: ids resolve to http addresses (or not at all). */
function cloudFiles(map: Record<string, string>): FileStore {
  return { ...NO_FILES, urls: async (ids) => new Map(ids.filter((id) => map[id]).map((id) => [id, map[id]!])) };
}

describe('filePictures', () => {
  it('fetches the addresses the file store gives and leaves out what fails or is too big', async () => {
    const files = cloudFiles({ 'cloud://a': `${base}/ok.png`, 'cloud://gone': `${base}/gone.png`, 'cloud://big': `${base}/big.png` });
    const got = await filePictures(files).load(['cloud://a', 'cloud://gone', 'cloud://big', 'cloud://unknown', 'cloud://a']);
    expect([...got.keys()]).toEqual(['cloud://a']);
    expect(Buffer.from(got.get('cloud://a')!)).toEqual(PNG);
  });

  it('gives up on an address that does not answer in time', async () => {
    const started = Date.now();
    expect(await httpFetcher(`${base}/slow.png`, 1000, 300)).toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await httpFetcher('http://127.0.0.1:1/nothing.png', 1000, 300)).toBeNull();
  });

  it('reads the local host’s files from disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pictures-'));
    try {
      const files = createLocalFiles(dir);
      const { fileId } = files.saveImage(PNG);
      const got = await filePictures(files).load([fileId, 'local:missing.png']);
      expect([...got.keys()]).toEqual([fileId]);
      expect(Buffer.from(got.get(fileId)!)).toEqual(PNG);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads at most the first pictures of a document, in order', async () => {
    const ids = Array.from({ length: PICTURE_LIMITS.count + 5 }, (_, i) => `cloud://${i}`);
    const files = cloudFiles(Object.fromEntries(ids.map((id, i) => [id, `${base}/n/${i}.png`])));
    const got = await filePictures(files).load(ids);
    expect(got.size).toBe(PICTURE_LIMITS.count);
    expect(got.has(`cloud://${PICTURE_LIMITS.count - 1}`)).toBe(true);
    expect(got.has(`cloud://${PICTURE_LIMITS.count}`)).toBe(false);
  });
});
