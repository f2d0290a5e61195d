import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { FileStore } from '../../ports/files';
import { MAX_IMAGE_BYTES } from '../../ports/files';

/**
 * Where the brand report's pictures come from: their bytes by file id. Ids that cannot be read
 * (unknown, gone, too big, too slow) are left out, and the document names them instead.
 */
export interface PictureSource {
  load(fileIds: readonly string[]): Promise<Map<string, Uint8Array>>;
}

export const PICTURE_LIMITS = {
  /** Pictures embedded in one document; the rest are named. */
  count: 80,
  each: MAX_IMAGE_BYTES,
  /** What one document may hold in pictures, to stay within a cloud function's memory. */
  total: 60 * 1024 * 1024,
  timeoutMs: 8_000,
  parallel: 4,
};
export type LoadLimits = typeof PICTURE_LIMITS;

/** Fetches an address, answering null on any failure or when it is larger than `maxBytes`. */
export type Fetcher = (url: string, maxBytes: number, timeoutMs: number) => Promise<Uint8Array | null>;

export const httpFetcher: Fetcher = (url, maxBytes, timeoutMs) =>
  new Promise((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, { timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200 || Number(res.headers['content-length'] ?? 0) > maxBytes) {
        res.resume();
        return resolve(null);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy();
          resolve(null);
        } else chunks.push(c);
      });
      res.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks) : null));
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });

/** The local host's file store also answers where a `/files/<name>` address lies on disk. */
interface DiskFiles {
  pathFor(name: string): string | null;
}
const onDisk = (files: FileStore): files is FileStore & DiskFiles => typeof (files as Partial<DiskFiles>).pathFor === 'function';

/**
 * Pictures through the file port: `files.urls` turns ids into addresses; an http(s) address
 * (WeChat cloud storage's temporary one) is fetched, a local one is read from disk.
 */
export function filePictures(files: FileStore, fetcher: Fetcher = httpFetcher, limits: LoadLimits = PICTURE_LIMITS): PictureSource {
  const readLocal = async (url: string): Promise<Uint8Array | null> => {
    const name = /^\/files\/([^/?#]+)/.exec(url)?.[1];
    const file = name && onDisk(files) ? files.pathFor(decodeURIComponent(name)) : null;
    if (!file) return null;
    try {
      return (await stat(file)).size <= limits.each ? await readFile(file) : null;
    } catch {
      return null;
    }
  };
  return {
    async load(fileIds) {
      const ids = [...new Set(fileIds)].slice(0, limits.count);
      const urls = await files.urls(ids);
      const out = new Map<string, Uint8Array>();
      let total = 0;
      const queue = ids.filter((id) => urls.has(id));
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          if (total >= limits.total) return;
          const url = urls.get(id)!;
          const bytes = /^https?:\/\//.test(url) ? await fetcher(url, limits.each, limits.timeoutMs) : await readLocal(url);
          if (bytes && total + bytes.length <= limits.total) {
            total += bytes.length;
            out.set(id, bytes);
          }
        }
      };
      await Promise.all(Array.from({ length: limits.parallel }, worker));
      return out;
    },
  };
}
