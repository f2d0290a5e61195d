import type { CallResult } from '@shared/contracts';
import { createApp } from '../../app';
import { guardUnhandledRejections } from '../../process-guard';
import type { Router } from '../../router/router';
import type { Store } from '../../ports/store';
import { renderShowcase } from '../../showcase/prerender';
import { recordMediaVerdict } from '../../services/media-check';
import { createWechatContentCheck, type WechatSecurityCloud } from './content-check';
import { createWechatFiles, type WechatStorage } from './files';
import { createWechatMiniCode, type WechatCodeCloud } from './mini-code';
import { createWechatNotifier, type WechatSubscribeApi } from './notifier';
import { createWechatStore, type WechatDatabase } from './store';

/** The slice of wx-server-sdk the api function needs (after `cloud.init`). */
export interface WechatCloud extends WechatStorage {
  database(): WechatDatabase;
  getWXContext(): { OPENID?: string };
  /** Typed loosely by the SDK (its members are made on access); narrowed by `openapiOf`. */
  openapi: Record<string, unknown>;
  uploadFile: WechatCodeCloud['uploadFile'];
}

type OpenApi = WechatSecurityCloud['openapi'] & WechatCodeCloud['openapi'];

/** Checks that the openapi calls this function uses are there before relying on them. */
function openapiOf(cloud: WechatCloud): OpenApi {
  const api = cloud.openapi as { security?: { msgSecCheck?: unknown }; wxacode?: { getUnlimited?: unknown } };
  const security = api.security as { msgSecCheck?: unknown; mediaCheckAsync?: unknown } | undefined;
  const subscribe = (api as { subscribeMessage?: { send?: unknown } }).subscribeMessage;
  if (typeof subscribe?.send !== 'function') throw new Error('wx-server-sdk openapi lacks subscribeMessage.send');
  if (typeof security?.msgSecCheck !== 'function' || typeof security.mediaCheckAsync !== 'function' || typeof api.wxacode?.getUnlimited !== 'function') {
    throw new Error('wx-server-sdk openapi lacks security.msgSecCheck, security.mediaCheckAsync or wxacode.getUnlimited');
  }
  return api as OpenApi;
}

/**
 * The H5 build's index.html, copied beside the function by the build (scripts/build-functions.mjs)
 * with the static site's address its assets load from; null when the function was built without it.
 */
export interface ShowcaseShell {
  html: string;
  assetBase: string | null;
}

/** Builds the cloud function's `main`: identity from the WeChat context, never from the event. */
export function createWechatMain(cloud: WechatCloud, showcaseShell: () => ShowcaseShell | null = () => null): (event: unknown) => Promise<CallResult<unknown> | HttpResponse> {
  guardUnhandledRejections();
  let app: { router: Router; store: Store } | null = null;
  return async (event) => {
    if (!app) {
      const openapi = openapiOf(cloud);
      const store = createWechatStore(cloud.database());
      const router = createApp({
        store,
        contentCheck: createWechatContentCheck({ openapi }),
        files: createWechatFiles(cloud),
        miniCode: createWechatMiniCode({ openapi, uploadFile: (o) => cloud.uploadFile(o), getTempFileURL: (o) => cloud.getTempFileURL(o) }),
        // scheduler.run (the 组织部's "run now") sends real subscription messages, like the timer.
        notifier: createWechatNotifier(openapi as unknown as WechatSubscribeApi),
      });
      app = { router, store };
    }
    // WeChat pushes the verdict of mediaCheckAsync to this function as a message event.
    const push = mediaCheckPush(event);
    if (push) {
      await recordMediaVerdict(app.store, push.traceId, push.suggest, new Date().toISOString());
      return { ok: true, data: 'success' };
    }
    // The public web pages (the H5 build on static hosting) reach this function through the
    // HTTP access service: signed out, so only public procedures answer.
    const http = httpRequest(event);
    if (http) return answerHttp(app.router, http, showcaseShell);
    const openid = cloud.getWXContext().OPENID;
    return app.router.call(openid ? { openid } : null, event);
  };
}

/** A request through CloudBase's HTTP access service (集成请求), reduced to what the API needs. */
export interface HttpRequest {
  method: string;
  path: string;
  body: string;
  /** The query string's parameters (`queryStringParameters`). */
  query: Record<string, string>;
  origin: string | null;
  clientKey: string | null;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** Recognises an HTTP access-service event (`httpMethod` + `path`); null for a callFunction event. */
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
  const forwarded = headers['x-forwarded-for']?.split(',')[0]?.trim();
  const sourceIp = typeof e.requestContext?.sourceIp === 'string' ? e.requestContext.sourceIp : null;
  return { method: e.httpMethod.toUpperCase(), path: e.path, body, query, origin: headers.origin ?? null, clientKey: forwarded || sourceIp };
}

const MAX_HTTP_BODY = 1_000_000;

/**
 * Answers one web request: GET <prefix>/brand?id=… with the showcase page pre-rendered (when the
 * function was built with the H5 shell), or POST <prefix>/api/<procedure> with `{ input, requestId }` as JSON.
 * CORS allows any origin without credentials (nothing here depends on a cookie; only public
 * procedures answer), so the pages can live on the static-hosting domain.
 */
export async function answerHttp(router: Router, req: HttpRequest, showcaseShell: () => ShowcaseShell | null = () => null): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '86400',
  };
  const reply = (statusCode: number, body: unknown): HttpResponse => ({ statusCode, headers, body: JSON.stringify(body), isBase64Encoded: false });
  if (req.method === 'OPTIONS') return { statusCode: 204, headers, body: '', isBase64Encoded: false };
  const shell = /\/brand\/?$/.test(req.path) && (req.method === 'GET' || req.method === 'HEAD') ? showcaseShell() : null;
  if (shell) {
    const page = await renderShowcase(router, shell.html, req.query.id ?? null, { assetBase: shell.assetBase ?? undefined });
    return { statusCode: page.status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: page.html, isBase64Encoded: false };
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
  const fields = typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope) ? (envelope as Record<string, unknown>) : {};
  const result = await router.call(null, { input: fields.input, requestId: fields.requestId, procedure: m[1] }, { clientKey: req.clientKey });
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
    return reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '网页版只能浏览公开内容；申报、推荐与评审请在微信中打开小程序' } });
  }
  return reply(200, result);
}

/** A wxa_media_check message event: `{ Event: 'wxa_media_check', trace_id, result: { suggest } }`. */
export function mediaCheckPush(event: unknown): { traceId: string; suggest: string } | null {
  const e = event as { Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } } | null;
  if (!e || e.Event !== 'wxa_media_check' || typeof e.trace_id !== 'string') return null;
  return { traceId: e.trace_id, suggest: typeof e.result?.suggest === 'string' ? e.result.suggest : 'review' };
}
