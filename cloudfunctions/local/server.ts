import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createApp, createInfluence } from '../core/app';
import { foldInfluence } from '../core/jobs/fold-influence';
import { newVisitorId, VISITOR_HEADER, visitorCookie, webVisit } from '../core/services/influence/visit';
import { openSqliteStore } from '../core/adapters/sqlite/store';
import type { Store } from '../core/ports/store';
import type { Router } from '../core/router/router';
import { devSignInAllowed, type LocalConfig } from './config';
import { renderSignIn } from './dev-signin';
import { freshIdentities } from './fresh-identities';
import { DEMO_IDENTITIES, seedIfEmpty } from './seed';
import { backfillNameKeys } from '../core/jobs/name-keys';
import { seedDemo } from './demo';
import { demoHints, PUBLIC_LINKS } from './demo/hints';
import { createLocalFiles, UploadRefused, type LocalFiles } from '../core/adapters/local/files';
import { renderShowcase } from './showcase-meta';
import { serveFile, serveStatic } from './static';
import { BadRequest, cookieOf, parseJson, safeDecode } from './request-parts';
import { renderDevInbox } from './dev-inbox';
import { randomUUID } from 'node:crypto';
import { createLocalNotifier } from '../core/adapters/local/notifier';
import { runReminders } from '../core/jobs/remind';
import { expireDownloads } from '../core/jobs/expire';
import { loadReminderConfig } from '../core/jobs/reminder-config';
import { callerKey } from '../core/services/rate-limit';
import { createStoreLimits, loadStoreLimits } from '../core/services/store-limits';
import { AppError } from '@shared/contracts/errors';
import { identityFromBearer, PC_SESSION_REFUSED } from '../core/services/pc-session';
import { issueSetupCode } from '../core/services/setup-code';

const MAX_BODY = 1_000_000;
const BODY_TOO_LARGE = { code: 'VALIDATION', message: '请求内容过大（超过 1 MB），请减少填写的内容或分几次保存后重试' } as const;
const BAD_REQUEST = { code: 'VALIDATION', message: '请求格式有误（地址、Cookie、请求头或内容无法解析），请刷新页面后重试' } as const;
const MAX_UPLOAD = 5 * 1024 * 1024;
const MAX_DOCUMENT = 20 * 1024 * 1024;
const COOKIE = 'dev_openid';

export interface LocalHost {
  server: Server;
  /** The 初始化码 printed at start, while the database has no 组织部 administrator. */
  setupCode: string | null;
  store: Store;
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBytes(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge('body too large'));
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const readBody = async (req: IncomingMessage) => (await readBytes(req, MAX_BODY)).toString('utf8');

async function handleUpload(files: LocalFiles, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!knownIdentity(cookieOf(req, COOKIE))) {
    json(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先选择演示身份' } });
    return;
  }
  const document = new URL(req.url ?? '/', 'http://local').searchParams.get('kind') === 'document';
  try {
    if (document) {
      const name = safeDecode(String(req.headers['x-file-name'] ?? ''));
      if (name === null) throw new BadRequest('x-file-name');
      json(res, 200, { ok: true, data: files.saveDocument(await readBytes(req, MAX_DOCUMENT), name) });
    } else {
      json(res, 200, { ok: true, data: files.saveImage(await readBytes(req, MAX_UPLOAD)) });
    }
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      return json(res, 413, { ok: false, error: { code: 'VALIDATION', message: document ? '单个附件不能超过 20 MB' : '图片不能超过 5 MB，请压缩后再上传' } });
    }
    if (err instanceof UploadRefused) return json(res, 400, { ok: false, error: { code: 'VALIDATION', message: err.message } });
    throw err;
  }
}

const headerText = (v: string | string[] | undefined): string | null => (typeof v === 'string' ? v : null);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Where to go after signing in: a path on this site only (no other host, no scheme). */
function safeNext(next: string | null): string {
  return next && /^\/(?![\/\\])[^\s]*$/.test(next) && !next.startsWith('/dev/') ? next : '/';
}

function knownIdentity(openid: string | null): string | null {
  return openid && DEMO_IDENTITIES.some((i) => i.openid === openid) ? openid : null;
}

async function handleApi(router: Router, store: Store, clock: () => Date, req: IncomingMessage, res: ServerResponse, procedure: string): Promise<void> {
  // A PC signed in by scanning sends its session token as a bearer header (as on the cloud);
  // otherwise the demo sign-in's cookie stands in for WeChat's OPENID.
  const bearer = await identityFromBearer(store, req.headers.authorization ?? null, clock());
  if (bearer.kind === 'refused') return json(res, 401, PC_SESSION_REFUSED);
  const pc = bearer.kind === 'signedIn' ? bearer.identity : null;
  const openid = pc ? null : knownIdentity(cookieOf(req, COOKIE));
  const identity = pc ?? (openid ? { openid } : null);
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text ? JSON.parse(text) : {};
  } catch (err) {
    if (err instanceof BodyTooLarge) return json(res, 413, { ok: false, error: BODY_TOO_LARGE });
    json(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
    return;
  }
  const envelope = typeof body === 'object' && body !== null ? body : {};
  // Signed out, only public procedures answer (a shared showcase page); the rest ask to sign in.
  // Signed-out callers of public procedures are told apart (rate-limited) by their address.
  const visit = webVisit({ userAgent: req.headers['user-agent'] ?? null, cookie: req.headers.cookie ?? null, visitor: headerText(req.headers[VISITOR_HEADER]), host: req.headers.host ?? null });
  const result = await router.call(identity, { ...envelope, procedure }, { clientKey: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null, visit });
  if (pc && !result.ok && result.error.code === 'UNAUTHENTICATED') return json(res, 401, PC_SESSION_REFUSED);
  if (!identity && !result.ok && result.error.code === 'UNAUTHENTICATED') {
    json(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先选择演示身份', details: { signIn: '/dev/sign-in' } } });
    return;
  }
  json(res, 200, result);
}

async function handleSignIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const openid = knownIdentity(form.get('openid'));
  if (!openid) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('未知的演示身份，请返回重新选择');
    return;
  }
  res.writeHead(303, { location: safeNext(form.get('next')), 'set-cookie': `${COOKIE}=${encodeURIComponent(openid)}; Path=/; HttpOnly; SameSite=Lax` });
  res.end();
}

/** The demo university on a new database; a failure is reported and the host still starts. */
async function seedDemoLogged(store: Store, files: LocalFiles, now: Date): Promise<void> {
  const started = Date.now();
  try {
    await seedDemo(store, files, now);
    console.log(`演示数据已生成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：品牌、各状态的项目与待办`);
  } catch (err) {
    console.error('演示数据未能全部生成（服务照常启动）：', err instanceof Error ? err.message : err);
  }
}

/** Starts the local host: the H5 app, POST /api/<procedure> through the same router, SQLite. */
export async function startLocalHost(config: LocalConfig): Promise<LocalHost> {
  const devSignIn = devSignInAllowed(config);
  if (!devSignIn) {
    throw new Error('APP_ENV=production: the local host hands out demo identities and must not run in production; deploy to WeChat instead (README: 部署)');
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const store = openSqliteStore(path.join(config.DATA_DIR, config.DB_FILE));
  // The dev clock: FAKE_NOW at start, movable with POST /dev/clock (never in production). It keeps
  // ticking from the instant it was set, so actions after a move still have distinct times.
  let offsetMs: number | null = config.FAKE_NOW ? Date.parse(config.FAKE_NOW) - Date.now() : null;
  const clock = () => new Date(Date.now() + (offsetMs ?? 0));
  const files = createLocalFiles(path.join(config.DATA_DIR, 'files'));
  // SEED=none (a fresh deployment) seeds nothing at all, exactly like a new cloud environment;
  // otherwise the organisation and identities, and the demo university unless DEMO=off.
  const fresh = config.SEED === 'none' ? false : await seedIfEmpty(store, clock());
  const demo = config.DEMO === 'on' && config.SEED !== 'none';
  if (fresh && demo) await seedDemoLogged(store, files, clock());
  // A database from before the pinyin keys: every person gets them now (rerun-safe, quick when done).
  await backfillNameKeys(store);
  // Until someone holds the 组织部 role, a fresh 初始化码 at every start (the last one's hash is all
  // that was kept), printed on its own line as the cloud function writes it to its log.
  const setupCode = await issueSetupCode(store, clock(), (line) => console.log(line));
  const reminderConfig = loadReminderConfig();
  const notifier = createLocalNotifier(store, clock, () => randomUUID().replace(/-/g, ''));
  const influence = createInfluence(store, clock);
  const router = createApp({ store, clock, files, notifier, reminderConfig, influence });
  // Uploads and prerenders are limited in the store, like the router's limits: a restart does not reset them.
  const limits = createStoreLimits(store, loadStoreLimits(), () => clock().getTime());
  // The reminder job "as of" the dev clock (or `asOf`); one run at a time.
  let running: Promise<unknown> | null = null;
  const runJob = async (asOf?: Date) => {
    while (running) await running.catch(() => undefined);
    const now = asOf ?? clock();
    // Views held in memory are written first, then folded with the rest (jobs/fold-influence.ts).
    const run = influence.buffer
      .flush()
      .then(() => foldInfluence({ store, now }))
      .then(async (folded) => {
        const summary = await runReminders({ store, notifier, config: reminderConfig, now });
        await expireDownloads(store, files, now);
        return { ...summary, influence: folded };
      });
    running = run;
    try {
      return await run;
    } finally {
      running = null;
    }
  };
  // Every minute in development, as the cloud timer (every 5 minutes) would; never under test.
  const timer =
    config.APP_ENV === 'development'
      ? setInterval(() => {
          runJob().catch((err: unknown) => console.error('reminder job failed', err));
        }, 60_000)
      : null;
  timer?.unref();

  const server = createServer((req, res) => {
    try {
      answer(req, res);
    } catch (err) {
      refuse(err, res);
    }
  });
  // A request Node's own parser refuses (a malformed header or request line): 400, and the socket closed.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  function refuse(err: unknown, res: ServerResponse): void {
    if (err instanceof BodyTooLarge) {
      if (!res.headersSent) json(res, 413, { ok: false, error: BODY_TOO_LARGE });
      return;
    }
    if (err instanceof BadRequest || err instanceof URIError) {
      if (!res.headersSent) json(res, 400, { ok: false, error: BAD_REQUEST });
      else res.destroy();
      return;
    }
    console.error('local host error', err);
    if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: '本地服务出错，请查看终端日志' } });
    else res.destroy();
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      throw new BadRequest('url');
    }
    const route = `${req.method} ${url.pathname}`;
    const api = /^\/api\/([A-Za-z0-9_.]{1,64})$/.exec(url.pathname);
    const done = (p: Promise<void>) => p.catch((err: unknown) => refuse(err, res));
    if (api && req.method === 'POST') return void done(handleApi(router, store, clock, req, res, api[1]));
    if (route === 'GET /dev/sign-in') {
      return void done(
        (async () => {
          // An empty environment has none of the demo university's people: its accounts are shown as they are.
          const identities = config.SEED === 'none' ? await freshIdentities(store, DEMO_IDENTITIES.map((i) => i.openid)) : DEMO_IDENTITIES;
          // What to try as each identity comes from their queue as it stands now.
          const hints = demo ? { byIdentity: await demoHints(router, identities.map((i) => i.openid)), publicLinks: PUBLIC_LINKS } : undefined;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(renderSignIn(identities, cookieOf(req, COOKIE), safeNext(url.searchParams.get('next')), hints, config.SEED === 'none'));
        })(),
      );
    }
    if (route === 'POST /dev/sign-in') return void done(handleSignIn(req, res));
    if (route === 'GET /dev/sign-out') {
      res.writeHead(303, { location: '/dev/sign-in', 'set-cookie': `${COOKIE}=; Path=/; Max-Age=0` });
      return void res.end();
    }
    if (route === 'GET /healthz') return json(res, 200, { ok: true });
    if (route === 'GET /dev/clock') return json(res, 200, { ok: true, data: { now: clock().toISOString(), fake: offsetMs !== null } });
    if (route === 'POST /dev/clock') {
      return void done(
        readBody(req).then((text) => {
          const now = (parseJson(text || '{}') as { now?: unknown } | null)?.now;
          if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) {
            return json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'now 须为 ISO 8601 时间或 null（恢复真实时间）' } });
          }
          offsetMs = now === null ? null : Date.parse(now) - Date.now();
          json(res, 200, { ok: true, data: { now: clock().toISOString(), fake: offsetMs !== null } });
        }),
      );
    }
    if (route === 'POST /dev/scheduler/run') {
      return void done(
        readBody(req).then(async (text) => {
          let asOf: Date | undefined;
          try {
            const body = text && !url.searchParams.has('redirect') ? (JSON.parse(text) as { asOf?: unknown }) : {};
            if (body.asOf !== undefined) {
              if (typeof body.asOf !== 'string' || Number.isNaN(Date.parse(body.asOf))) throw new Error('asOf');
              asOf = new Date(body.asOf);
            }
          } catch {
            return json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'asOf 须为 ISO 8601 时间' } });
          }
          const data = await runJob(asOf);
          if (url.searchParams.has('redirect')) return void res.writeHead(303, { location: '/dev/inbox' }).end();
          json(res, 200, { ok: true, data });
        }),
      );
    }
    if (route === 'GET /dev/inbox') {
      return void done(
        renderDevInbox(store).then((html) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end(html);
        }),
      );
    }
    if (route === 'POST /upload') {
      const who = callerKey(knownIdentity(cookieOf(req, COOKIE)), req.socket.remoteAddress);
      return void done(
        limits.take('upload', who).then(
          () => handleUpload(files, req, res),
          (err: unknown) => {
            if (!(err instanceof AppError)) throw err;
            res.setHeader('retry-after', String(err.details?.retryAfterSeconds ?? 1));
            json(res, 429, { ok: false, error: err.toBody() });
          },
        ),
      );
    }
    const file = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (file && req.method === 'GET') return serveFile(files.pathFor(file[1]), res, url.searchParams.get('name'));
    if (route === 'GET /brand') {
      // A browser seen for the first time gets its visitor cookie with the page, and this view counts as its own.
      const known = webVisit({ cookie: req.headers.cookie ?? null }).visitorKey;
      const visitorId = known ?? newVisitorId();
      const visit = webVisit({ userAgent: req.headers['user-agent'] ?? null, visitor: visitorId, host: req.headers.host ?? null });
      const via = { from: url.searchParams.get('from'), referrer: headerText(req.headers.referer) };
      return void done(
        renderShowcase(router, config.STATIC_DIR, url.searchParams.get('id'), { visit, via, clientKey: req.socket.remoteAddress ?? null, limit: (key) => limits.take('prerender', key) }).then((page) => {
          if (!page) return serveStatic(config.STATIC_DIR, url.pathname, res, req.headers);
          if (page.retryAfterSeconds) res.setHeader('retry-after', String(page.retryAfterSeconds));
          res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...(known ? {} : { 'set-cookie': visitorCookie(visitorId) }) });
          res.end(page.html);
        }),
      );
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(config.STATIC_DIR, url.pathname, res, req.headers);
    json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    server,
    store,
    setupCode,
    url: `http://${config.HOST}:${port}`,
    close: async () => {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running?.catch(() => undefined);
      await influence.buffer.flush().catch((err: unknown) => console.error('influence buffer not written at shutdown', err));
      await store.close();
    },
  };
}
