/**
 * What started this run of the `api` function, told by what WeChat puts in the context — never
 * by what the event looks like, since any mini-program caller can send any JSON through
 * `callFunction`.
 *
 * Relied on (getWXContext, wx-server-sdk 4):
 * - A call from the mini-program carries the caller's OPENID, set by WeChat from the signed-in
 *   client session, and SOURCE `wx_client` (`wx_devtools` / `wx_localdebug` from the IDE). The
 *   caller cannot remove either, so whatever its payload looks like, it is an RPC envelope.
 * - A message push (消息推送 to a cloud function, e.g. `wxa_media_check`) is WeChat's server
 *   calling: SOURCE is not a client source, and the event carries the push's own marks —
 *   `ToUserName`, `FromUserName`, `CreateTime`, `MsgType: 'event'`, `Event`. When WeChat
 *   attaches an OPENID to a push, it is the push's `FromUserName`.
 * - A request through the HTTP access service (HTTP 访问服务) has no OPENID and no client
 *   SOURCE; the event carries `httpMethod`, `path`, `headers` and `requestContext`.
 * Not documented: the exact SOURCE of a push or of the HTTP access service, so neither is
 * required to be any one value — only "not a mini-program caller".
 */
export interface WxContext {
  OPENID?: string;
  SOURCE?: string;
}

export type Trigger = { kind: 'call'; openid: string | null } | { kind: 'push' } | { kind: 'http' };

const CLIENT_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug']);

/** The first link of SOURCE ("wx_client,scf" is a client call relayed by another function). */
function firstSource(ctx: WxContext): string | null {
  const s = typeof ctx.SOURCE === 'string' ? ctx.SOURCE.split(',')[0]?.trim() : '';
  return s ? s : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function looksLikePush(event: Record<string, unknown>): boolean {
  return event.MsgType === 'event' && typeof event.Event === 'string' && typeof event.ToUserName === 'string' && typeof event.FromUserName === 'string' && event.CreateTime !== undefined;
}

function looksLikeHttp(event: Record<string, unknown>): boolean {
  return typeof event.httpMethod === 'string' && typeof event.path === 'string' && isObject(event.requestContext);
}

export function classifyTrigger(event: unknown, ctx: WxContext): Trigger {
  const openid = typeof ctx.OPENID === 'string' && ctx.OPENID !== '' ? ctx.OPENID : null;
  const source = firstSource(ctx);
  const fromClient = source !== null && CLIENT_SOURCES.has(source);
  // A mini-program caller: its event is an envelope for the router, whatever it looks like.
  if (fromClient || (openid && source === null)) return { kind: 'call', openid };
  if (isObject(event)) {
    if (looksLikePush(event) && (openid === null || openid === event.FromUserName)) return { kind: 'push' };
    if (openid === null && looksLikeHttp(event)) return { kind: 'http' };
  }
  // Anything else (another function, a timer, a console test) reaches the router as an envelope.
  return { kind: 'call', openid };
}

/**
 * Whether a run of the `scheduler` function was started by its own timer trigger. A timer's event
 * carries `Type: 'Timer'`, `TriggerName` and `Time`; WeChat puts no OPENID and no client SOURCE
 * in its context. A mini-program caller can send the same event through `callFunction` (any
 * function of the environment is callable), but cannot remove its OPENID or its client SOURCE —
 * so, as for the api's triggers, the context decides and the event only confirms.
 */
export function isTimerTrigger(event: unknown, ctx: WxContext): boolean {
  const openid = typeof ctx.OPENID === 'string' && ctx.OPENID !== '' ? ctx.OPENID : null;
  const source = firstSource(ctx);
  if (openid !== null || (source !== null && CLIENT_SOURCES.has(source))) return false;
  return isObject(event) && event.Type === 'Timer' && typeof event.TriggerName === 'string' && typeof event.Time === 'string';
}
