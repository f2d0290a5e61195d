import type { User } from '@shared/domain/person';
import type { ContentCheck } from './ports/content-check';
import type { FileStore } from './ports/files';
import type { MiniCode } from './ports/mini-code';
import type { Notifier } from './ports/notifier';
import type { ReminderConfig } from '@shared/domain/reminders/templates';
import type { Store } from './ports/store';
import { NO_CLAIM_ANSWER, type AnswerInTransaction } from './services/idempotency';

/** What the server knows about the caller: an identity from the platform, never from the payload. */
export interface Identity {
  /** WeChat OPENID on the cloud; the picked demo identity on the local host. */
  openid: string;
  /** Set when the call came from a PC signed in by scanning (扫码登录): that session's id. */
  sessionId?: string;
}

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
  /**
   * Hands the call's answer over inside the transaction that acts, to be stored with the
   * request's claim as its last write (procedures declared `claim: 'withAnswer'`); a no-op when
   * the call claims nothing.
   */
  answer: AnswerInTransaction;
}

export function userIdFor(openid: string): string {
  return `u_${openid}`;
}

/** Builds the per-call context: one read for the bound profile, one reading of the clock. */
export async function buildContext(identity: Identity | null, ports: Ports, requestId: string | null, clientKey: string | null = null, answer: AnswerInTransaction = NO_CLAIM_ANSWER): Promise<Context> {
  const user = identity ? await ports.store.get<User>('users', userIdFor(identity.openid)) : null;
  return { identity, user, now: ports.clock(), store: ports.store, newId: ports.newId, contentCheck: ports.contentCheck, files: ports.files, miniCode: ports.miniCode, notifier: ports.notifier, reminderConfig: ports.reminderConfig, requestId, clientKey, answer };
}
