import type { Router } from '../../router/router';
import { PC_SESSION_REFUSED, type BearerOutcome } from '../../services/pc-session';
import { renderShowcase } from '../../showcase/prerender';
import type { Visit } from '../../context';
import { VISITOR_HEADER, webVisit } from '../../services/influence/visit';

/**
 * The H5 build's index.html, copied beside the function by the build (scripts/build-functions.mjs)
 * with the static site's address its assets load from; null when the function was built without it.
 */
export interface ShowcaseShell {
  html: string;
  assetBase: string | null;
}

/** A request through CloudBase's HTTP access service (集成请求), reduced to what the API needs. */
export interface HttpRequest {
  method: string;
  path: string;
  body: string;
  /** The query string's parameters (`queryStringParameters`). */
  query: Record<string, string>;
  origin: string | null;
  /** CloudBase's `requestContext.sourceIp`: the address the gateway saw. Never X-Forwarded-For or any header the client writes. */
  clientKey: string | null;
  /** The User-Agent header: what the computer reports about itself, shown as that and nothing more. */
  userAgent: string | null;
  /** The Authorization header (a PC's session token); never logged, never part of a URL. */
  authorization: string | null;
  /** Its user agent and visitor id, for counting views of public pages. */
  visit?: Visit;
  referrer?: string | null;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** Reads an HTTP access-service event. Whether the event IS one is decided by `classifyTrigger`. */
export function httpRequest(event: unknown): HttpRequest | null {
  const e = event as { httpMethod?: unknown; path?: unknown; headers?: unknown; queryStringParameters?: unknown; body?: unknown; isBase64Encoded?: unknown; requestContext?: { sourceIp?: unknown } } | null;
  if (!e || typeof e !== 'object' || typeof e.httpMethod !== 'string' || typeof e.path !== 'string') return null;
  const headers: Record<string, string> = {};
  if (e.headers && typeof e.headers === 'object') {
    for (const [k, v] of Object.entries(e.headers as Record<string, unknown>)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  }
  const query: Record<string, string> = {};
  if (e.queryStringParameters && typeof e.queryStringParameters === 'object') {
    for (const [k, v] of Object.entries(e.queryStringParameters as Record<string, unknown>)) if (typeof v === 'string') query[k] = v;
  }
  let body = typeof e.body === 'string' ? e.body : '';
  if (e.isBase64Encoded === true) body = Buffer.from(body, 'base64').toString('utf8');
  // A client can write X-Forwarded-For (or any header) as it likes: a new value per call would be a
  // new rate-limit bucket per call. The gateway's own record of the address is the only one used.
  const sourceIp = typeof e.requestContext?.sourceIp === 'string' && e.requestContext.sourceIp.trim() ? e.requestContext.sourceIp.trim().slice(0, 64) : null;
  const visit = webVisit({ userAgent: headers['user-agent'], cookie: headers.cookie, visitor: headers[VISITOR_HEADER], host: headers.host });
  return { method: e.httpMethod.toUpperCase(), path: e.path, body, query, origin: headers.origin ?? null, clientKey: sourceIp, userAgent: headers['user-agent']?.slice(0, 512) ?? null, authorization: headers.authorization ?? null, visit, referrer: headers.referer ?? null };
}

const MAX_HTTP_BODY = 1_000_000;

/** Resolves a request's Authorization header to a PC session's identity (see services/pc-session). */
export type BearerResolver = (authorization: string | null) => Promise<BearerOutcome>;

/** Without a store to look sessions up in, a token signs nobody in. */
const NO_SESSIONS: BearerResolver = async (authorization) => (authorization ? { kind: 'refused' } : { kind: 'none' });

/**
 * Answers one web request: GET <prefix>/brand?id=… with the showcase page pre-rendered (when the
 * function was built with the H5 shell), or POST <prefix>/api/<procedure> with `{ input, requestId }` as JSON.
 * Without a token only public procedures answer; with a PC session's bearer token the call runs
 * as that person through the same router, roles and scopes. CORS allows any origin without
 * credentials (nothing here reads a cookie), so the pages can live on the static-hosting domain.
 */
export async function answerHttp(router: Router, req: HttpRequest, showcaseShell: () => ShowcaseShell | null = () => null, resolve: BearerResolver = NO_SESSIONS, prerenderLimit?: (key: string) => Promise<void>): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': `content-type, authorization, ${VISITOR_HEADER}`,
    'access-control-max-age': '86400',
  };
  const reply = (statusCode: number, body: unknown): HttpResponse => ({ statusCode, headers, body: JSON.stringify(body), isBase64Encoded: false });
  if (req.method === 'OPTIONS') return { statusCode: 204, headers, body: '', isBase64Encoded: false };
  const shell = /\/brand\/?$/.test(req.path) && (req.method === 'GET' || req.method === 'HEAD') ? showcaseShell() : null;
  if (shell) {
    const page = await renderShowcase(router, shell.html, req.query.id ?? null, { assetBase: shell.assetBase ?? undefined, visit: req.visit, via: { from: req.query.from ?? null, referrer: req.referrer }, clientKey: req.clientKey, limit: prerenderLimit });
    const pageHeaders: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
    if (page.retryAfterSeconds) pageHeaders['retry-after'] = String(page.retryAfterSeconds);
    return { statusCode: page.status, headers: pageHeaders, body: page.html, isBase64Encoded: false };
  }
  const m = /\/api\/([A-Za-z][A-Za-z0-9.]{0,63})$/.exec(req.path);
  if (!m) return reply(404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址' } });
  if (req.method !== 'POST') return reply(405, { ok: false, error: { code: 'VALIDATION', message: '请用 POST 调用接口' } });
  if (req.body.length > MAX_HTTP_BODY) return reply(413, { ok: false, error: { code: 'VALIDATION', message: '请求内容过大' } });
  let envelope: unknown;
  try {
    envelope = req.body ? JSON.parse(req.body) : {};
  } catch {
    return reply(400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } });
  }
  const bearer = await resolve(req.authorization);
  if (bearer.kind === 'refused') return reply(401, PC_SESSION_REFUSED);
  const identity = bearer.kind === 'signedIn' ? bearer.identity : null;
  const fields = typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope) ? (envelope as Record<string, unknown>) : {};
  const result = await router.call(identity, { input: fields.input, requestId: fields.requestId, procedure: m[1] }, { clientKey: req.clientKey, userAgent: req.userAgent, visit: req.visit });
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
    if (identity) return reply(401, PC_SESSION_REFUSED);
    return reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先用微信扫码登录；或在微信中打开小程序办理', details: { signIn: 'pc' } } });
  }
  return reply(200, result);
}
