import type { User } from '@shared/domain/person';
import type { ContentCheck } from './ports/content-check';
import type { FileStore } from './ports/files';
import type { MiniCode } from './ports/mini-code';
import type { Notifier } from './ports/notifier';
import type { ReminderConfig } from '@shared/domain/reminders/templates';
import type { Store } from './ports/store';
import { NO_CLAIM_ANSWER, type AnswerInTransaction } from './services/idempotency';
import type { InfluenceBuffer } from './services/influence/buffer';
import type { Salts } from './services/influence/salts';

/** What the server knows about the caller: an identity from the platform, never from the payload. */
export interface Identity {
  /** WeChat OPENID on the cloud; the picked demo identity on the local host. */
  openid: string;
  /** Set when the call came from a PC signed in by scanning (扫码登录): that session's id. */
  sessionId?: string;
}

/** How the host saw the caller of a public page: which app, its user agent, its browser's visitor cookie. */
export interface Visit {
  platform: 'weapp' | 'h5';
  userAgent: string | null;
  /** The browser's first-party visitor cookie (H5); never stored, only hashed with a daily salt. */
  visitorKey: string | null;
  /** The web site's own host name, to tell in-app navigation from another site's referrer. */
  ownHost: string | null;
}

/** A call over WeChat's callFunction: the mini-program, no user agent, the OPENID as the visitor. */
export const WEAPP_VISIT: Visit = { platform: 'weapp', userAgent: null, visitorKey: null, ownHost: null };

/** The outside world a procedure may touch, passed in so tests need no real request. */
export interface Ports {
  store: Store;
  clock: () => Date;
  newId: () => string;
  contentCheck: ContentCheck;
  files: FileStore;
  miniCode: MiniCode;
  /** Subscription messages (reminders): the dev inbox locally, subscribeMessage.send on WeChat. */
  notifier: Notifier;
  /** Templates, offsets and send hour, validated at start-up. */
  reminderConfig: ReminderConfig;
  /** Views and shares of public pages, held in memory and written in bulk (services/influence/buffer.ts). */
  influence: InfluenceBuffer;
  salts: Salts;
}

export interface Context {
  /** Null only for public procedures called by someone signed out (e.g. a shared showcase page). */
  identity: Identity | null;
  /** The bound user, or null when this WeChat identity has not bound a profile yet. */
  user: User | null;
  now: Date;
  store: Store;
  newId: () => string;
  contentCheck: ContentCheck;
  files: FileStore;
  miniCode: MiniCode;
  notifier: Notifier;
  reminderConfig: ReminderConfig;
  requestId: string | null;
  /** What the host saw of the caller's address (an IP), for sign-in records; null when unknown. */
  clientKey: string | null;
  /** The User-Agent the caller's computer reports (a header it writes itself): parsed, and shown as such, never trusted. */
  userAgent: string | null;
  /**
   * Hands the call's answer over inside the transaction that acts, to be stored with the
   * request's claim as its last write (procedures declared `claim: 'withAnswer'`); a no-op when
   * the call claims nothing.
   */
  answer: AnswerInTransaction;
  visit: Visit;
  influence: InfluenceBuffer;
  salts: Salts;
}

export function userIdFor(openid: string): string {
  return `u_${openid}`;
}

/** What the host saw about the caller beyond the identity: its address (never a header it writes), its User-Agent. */
export interface ClientMeta {
  clientKey?: string | null;
  userAgent?: string | null;
  /** A call over HTTP (the web pages): its user agent and visitor cookie. Absent: WeChat's callFunction. */
  visit?: Visit;
}

/** Builds the per-call context: one read for the bound profile, one reading of the clock. */
export async function buildContext(identity: Identity | null, ports: Ports, requestId: string | null, client: ClientMeta = {}, answer: AnswerInTransaction = NO_CLAIM_ANSWER): Promise<Context> {
  const user = identity ? await ports.store.get<User>('users', userIdFor(identity.openid)) : null;
  return { identity, user, now: ports.clock(), store: ports.store, newId: ports.newId, contentCheck: ports.contentCheck, files: ports.files, miniCode: ports.miniCode, notifier: ports.notifier, reminderConfig: ports.reminderConfig, requestId, clientKey: client.clientKey ?? null, userAgent: client.userAgent ?? null, answer, visit: client.visit ?? WEAPP_VISIT, influence: ports.influence, salts: ports.salts };
}
