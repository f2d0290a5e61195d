import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { BadRequest } from './request-parts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves one stored file (uploaded pictures), or 404. */
export function serveFile(file: string | null, res: ServerResponse, downloadName: string | null = null): void {
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('文件不存在');
    return;
  }
  const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' };
  // Documents download under the name the person gave them; pictures show inline.
  if (downloadName) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}`;
  res.writeHead(200, headers);
  pipeFile(file, res);
}

/** A file streamed out; a read that fails half way (the file removed meanwhile) ends the response, not the process. */
function pipeFile(file: string, res: ServerResponse): void {
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Text the browser gets gzipped when it asks (as a CDN or CloudBase's static hosting sends it). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** Below this a file goes as it is: gzip would save less than it costs. */
const MIN_GZIP_BYTES = 1024;
/** The H5 build's files gzipped once each, by path and modification time. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

function gzipOf(file: string, mtimeMs: number): Buffer {
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipped.set(file, { mtimeMs, body });
  return body;
}

/** Whether the request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const accept = String(headers['accept-encoding'] ?? '');
  return accept.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves the H5 build; unknown paths fall back to index.html (the app's router handles them).
 * Text goes gzipped to a browser that accepts it; file names with a content hash are cached for good.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, requestHeaders: IncomingHttpHeaders = {}): void {
  const rootAbs = path.resolve(root);
  // A malformed escape (`/%E0%A4%A`) throws URIError: the host answers it 400.
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  if (decoded.includes('\0')) throw new BadRequest('NUL in path');
  let file = path.resolve(rootAbs, `.${decoded}`);
  if (!file.startsWith(rootAbs)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(rootAbs, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 应用尚未构建：请运行 npm start（它会先构建）或 npm run build:h5');
    return;
  }
  const ext = path.extname(file);
  const hashed = /\.[0-9a-f]{8,}\.[a-z0-9]+$/.test(file);
  const cache = ext === '.html' ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
  const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cache };
  const { size, mtimeMs } = statSync(file);
  if (COMPRESSED.has(ext) && size >= MIN_GZIP_BYTES) {
    headers.vary = 'accept-encoding';
    if (acceptsGzip(requestHeaders)) {
      const body = gzipOf(file, mtimeMs);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) });
      res.end(body);
      return;
    }
  }
  res.writeHead(200, headers);
  pipeFile(file, res);
}
