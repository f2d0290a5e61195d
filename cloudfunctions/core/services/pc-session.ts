import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TicketState } from '@shared/domain/pc-login';
import { sessionEnd } from '@shared/domain/pc-login';
import type { Identity } from '../context';
import type { Store, StoredDoc } from '../ports/store';

/** A PC sign-in ticket. The PC holds the poll secret; only its hash is kept. */
export interface PcLoginTicket extends StoredDoc {
  state: TicketState;
  secretHash: string;
  browser: string;
  ip: string;
  createdAt: string;
  expiresAt: string;
  /** Who scanned it (and then confirmed or refused). */
  userId: string | null;
  openid: string | null;
  answeredAt: string | null;
}

/** A signed-in PC. The token itself is never stored, only its SHA-256. */
export interface PcSession extends StoredDoc {
  userId: string;
  openid: string;
  tokenHash: string;
  browser: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  signedOutAt: string | null;
  /** The person themself, or the 组织部 member who signed all their PCs out. */
  signedOutBy: string | null;
}

/** `bytes` random bytes as base64url: 16 → 22 characters (a scene), 32 → 43 (a token). */
export const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

export const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function sameHash(secret: string, hash: string): boolean {
  const a = Buffer.from(hashOf(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Last use is written at most once a minute: a busy PC does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

/** The token of `Authorization: Bearer <token>`, or null when the header is absent or of another kind. */
export function bearerOf(header: string | null | undefined): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header ?? '');
  return m ? m[1] : null;
}

/**
 * The identity a PC's session token stands for, or null when the token is unknown, signed out,
 * idle for 8 h or older than 24 h. Each use moves the idle expiry on.
 */
export async function resolvePcSession(store: Store, token: string, now: Date): Promise<Identity | null> {
  const [session] = await store.find<PcSession>('pcSessions', { where: { tokenHash: hashOf(token) }, limit: 1 });
  if (!session || sessionEnd(session, now)) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
    // A parallel call may have touched it first; either write moves the idle expiry on.
    await store.update<PcSession>('pcSessions', session._id, session.version, { lastSeenAt: now.toISOString() }).catch(() => undefined);
  }
  return { openid: session.openid, sessionId: session._id };
}

/** What a bearer header gives: no header (public only), an identity, or a refusal (sign in again). */
export type BearerOutcome = { kind: 'none' } | { kind: 'signedIn'; identity: Identity } | { kind: 'refused' };

export async function identityFromBearer(store: Store, header: string | null | undefined, now: Date): Promise<BearerOutcome> {
  if (!header) return { kind: 'none' };
  const token = bearerOf(header);
  const identity = token ? await resolvePcSession(store, token, now) : null;
  return identity ? { kind: 'signedIn', identity } : { kind: 'refused' };
}

/** The refusal a PC gets for a dead session: the page goes back to the sign-in code. */
export const PC_SESSION_REFUSED = {
  ok: false as const,
  error: { code: 'UNAUTHENTICATED' as const, message: '电脑端登录已失效或已在手机上退出，请重新扫码登录', details: { signIn: 'pc' } },
};
