// DOUBLE of Tencent's side of a weapp call, for the weapp tests: cloud storage (files the phone
// uploads and the server exports, kept in memory, their temporary https addresses served by a
// loopback HTTP server standing in for the CDN) and wxacode.getUnlimited (answers a PNG and
// records the scene). The server behind wx.cloud.callFunction is the REAL router on a real
// in-memory SQLite store with the demo seed, using the real wechat file and mini-code adapters
// over this storage. Not reproduced: quotas, temporary-address expiry, content security, the
// cloud function's cold start and timeouts, and a real code image (the PNG is a striped picture).
import { createServer, type Server } from 'node:http';
import { openSqliteStore } from '../../../cloudfunctions/core/adapters/sqlite/store';
import { createApp } from '../../../cloudfunctions/core/app';
import { createWechatFiles } from '../../../cloudfunctions/core/adapters/wechat/files';
import { createWechatMiniCode } from '../../../cloudfunctions/core/adapters/wechat/mini-code';
import type { Store } from '../../../cloudfunctions/core/ports/store';
import type { Router } from '../../../cloudfunctions/core/router/router';
import { seedIfEmpty } from '../../../cloudfunctions/local/seed';
import { stripedPng } from '../../support/png';

export const CLOUD_ENV = 'test-env-1g2h3';

export interface CloudSide {
  router: Router;
  store: Store;
  now: { value: Date };
  /** Where the loopback "CDN" listens (http://127.0.0.1:port). */
  origin: string;
  /** fileID (cloud://…) → bytes */
  storage: Map<string, Buffer>;
  /** Every wxacode.getUnlimited call the server made. */
  codes: Array<{ scene: string; page: string }>;
  /** cloud://… for a path in storage. */
  fileIdFor(cloudPath: string): string;
  /** The temporary https address of a stored file. */
  tempUrl(fileId: string): string;
  /** Bytes behind a temporary address (what a download of it answers), or null. */
  bytesAt(url: string): Buffer | null;
  close(): Promise<void>;
}

const CODE_PNG = stripedPng(43, 43);

/** By default a fresh in-memory store with the demo seed, at 10:00 on 2026-11-27 in Beijing (the 2026 batch is open). */
export async function startCloud(options: { store?: Store; now?: Date } = {}): Promise<CloudSide> {
  const start = options.now ?? new Date('2026-11-27T02:00:00Z');
  const storage = new Map<string, Buffer>();
  const codes: CloudSide['codes'] = [];
  const fileIdFor = (cloudPath: string) => `cloud://${CLOUD_ENV}.7465-${CLOUD_ENV}-1300000000/${cloudPath}`;
  const server: Server = createServer((req, res) => {
    const key = decodeURIComponent((req.url ?? '/').replace(/^\/tmp\//, '').split('?')[0]);
    const bytes = storage.get(key);
    if (!bytes) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const tempUrl = (fileId: string) => `${origin}/tmp/${encodeURIComponent(fileId)}?sign=t`;

  const wire = {
    async getTempFileURL({ fileList }: { fileList: string[] }) {
      return { fileList: fileList.map((fileID) => (storage.has(fileID) ? { fileID, status: 0, tempFileURL: tempUrl(fileID) } : { fileID, status: -1, tempFileURL: '' })) };
    },
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
      const fileID = fileIdFor(cloudPath);
      storage.set(fileID, Buffer.from(fileContent));
      return { fileID };
    },
    async downloadFile({ fileID }: { fileID: string }) {
      const bytes = storage.get(fileID);
      if (!bytes) throw new Error(`storage file not exist: ${fileID}`);
      return { fileContent: bytes };
    },
    async deleteFile({ fileList }: { fileList: string[] }) {
      for (const fileID of fileList) storage.delete(fileID);
      return { fileList: fileList.map((fileID) => ({ fileID, status: 0 })) };
    },
    openapi: {
      wxacode: {
        async getUnlimited(o: { scene: string; page: string; checkPath: boolean; width: number }) {
          codes.push({ scene: o.scene, page: o.page });
          return { buffer: CODE_PNG };
        },
      },
    },
  };

  const store = options.store ?? openSqliteStore(':memory:');
  const now = { value: start };
  if (!options.store) await seedIfEmpty(store, start);
  let n = 0;
  const router = createApp({
    store,
    clock: () => now.value,
    newId: () => `wx${++n}`, // not `w…`: the fixture world (test/security/world.ts) already holds w1, w2, …
    files: createWechatFiles(wire),
    miniCode: createWechatMiniCode(wire),
    logger: { error: () => {} },
    publicRateLimit: null,
  });
  return {
    router,
    store,
    now,
    origin,
    storage,
    codes,
    fileIdFor,
    tempUrl,
    bytesAt(url) {
      if (!url.startsWith(`${origin}/tmp/`)) return null;
      return storage.get(decodeURIComponent(url.slice(`${origin}/tmp/`.length).split('?')[0])) ?? null;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
