import { randomBytes } from 'node:crypto';
import type { Visit } from '../../context';

/** The first-party cookie that tells one browser from another for counting (never stored as is). */
export const VISITOR_COOKIE = 'vid';
/** The same id, sent by the H5 app with its calls (the cloud's HTTP route is cross-site: no cookie). */
export const VISITOR_HEADER = 'x-visitor';

const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

export const isVisitorId = (value: string | null | undefined): value is string => typeof value === 'string' && VISITOR_ID.test(value);

export const newVisitorId = () => randomBytes(16).toString('base64url');

/** Set-Cookie for a new browser: a year, the whole site, readable by the app (it sends it along). */
export const visitorCookie = (id: string) => `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=31536000; SameSite=Lax`;

export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** What a web request tells about its caller, for counting views of public pages. */
export function webVisit(headers: { userAgent?: string | null; cookie?: string | null; visitor?: string | null; host?: string | null }): Visit {
  const fromCookie = cookieValue(headers.cookie, VISITOR_COOKIE);
  const visitorKey = isVisitorId(headers.visitor) ? headers.visitor : isVisitorId(fromCookie) ? fromCookie : null;
  return { platform: 'h5', userAgent: headers.userAgent ?? null, visitorKey, ownHost: headers.host ? headers.host.replace(/:\d+$/, '').toLowerCase() : null };
}
