import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, serveStatic } from './static';

let dir: string;
let server: Server;
let base: string;
const BIG = `console.log(${JSON.stringify('党建品牌'.repeat(2000))});`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'static-'));
  mkdirSync(path.join(dir, 'js'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>x</p>'.repeat(300)}`);
  writeFileSync(path.join(dir, 'js', 'app.64cef458.js'), BIG);
  writeFileSync(path.join(dir, 'js', 'tiny.js'), 'void 0;');
  server = createServer((req, res) => serveStatic(dir, req.url ?? '/', res, req.headers));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decode the body itself and hide what went over the wire). */
function get(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${base}${p}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local host serves the H5 build as a CDN would', () => {
  it('gzips text for a browser that accepts it, and the bytes decode to the file', async () => {
    const r = await get('/js/app.64cef458.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(BIG) / 5);
    expect(gunzipSync(r.body).toString()).toBe(BIG);
  });

  it('sends the file as it is without gzip in Accept-Encoding, when gzip is refused, or when it is tiny', async () => {
    const refusals: Record<string, string>[] = [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip;q=0, br' }];
    for (const headers of refusals) {
      const r = await get('/js/app.64cef458.js', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toBe(BIG);
    }
    const tiny = await get('/js/tiny.js', { 'accept-encoding': 'gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('void 0;');
  });

  it('caches hashed files for good and revalidates the HTML, which falls back for the app\'s routes', async () => {
    expect((await get('/js/app.64cef458.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/js/tiny.js')).headers['cache-control']).toBe('public, max-age=3600');
    const page = await get('/packages/me/todo/index', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(page.body).toString()).toContain('<title>t</title>');
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(acceptsGzip({ 'accept-encoding': 'gzip' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': 'br;q=1.0, gzip;q=0.5' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': '*' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': 'gzip;q=0' })).toBe(false);
    expect(acceptsGzip({ 'accept-encoding': 'identity' })).toBe(false);
    expect(acceptsGzip({})).toBe(false);
  });
});
