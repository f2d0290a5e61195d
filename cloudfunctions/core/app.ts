import { randomUUID } from 'node:crypto';
import type { Ports } from './context';
import { procedures } from './procedures';
import { createLocalContentCheck, type ContentCheck } from './ports/content-check';
import { NO_FILES, type FileStore } from './ports/files';
import { recordingExports } from './services/export-files';
import { localMiniCode, type MiniCode } from './ports/mini-code';
import type { Store } from './ports/store';
import type { Notifier } from './ports/notifier';
import { createLocalNotifier } from './adapters/local/notifier';
import { loadReminderConfig } from './jobs/reminder-config';
import type { ReminderConfig } from '@shared/domain/reminders/templates';
import { createRouter, type Logger, type Router } from './router/router';
import { createInfluenceBuffer, type InfluenceBuffer } from './services/influence/buffer';
import { createSalts, type Salts } from './services/influence/salts';
import { createRateLimiter, DEFAULT_PUBLIC_LIMIT, loadRateLimit, type RateLimitSettings } from './services/rate-limit';
import { createStoreLimits, loadStoreLimits, type LimitKind } from './services/store-limits';

export interface AppOptions {
  store: Store;
  clock?: () => Date;
  newId?: () => string;
  /** Defaults to the local stand-in; the WeChat entry passes msgSecCheck. */
  contentCheck?: ContentCheck;
  /** Defaults to none (no file resolves). */
  files?: FileStore;
  /** Defaults to the showcase's web address (local host). */
  miniCode?: MiniCode;
  logger?: Logger;
  /** Defaults to the local dev inbox (a collection shown at GET /dev/inbox). */
  notifier?: Notifier;
  /** Defaults to REMINDER_CONFIG or the built-in templates; a bad one fails here, at start-up. */
  reminderConfig?: ReminderConfig;
  /** Token bucket per caller for 'public' procedures; defaults to PUBLIC_RATE_LIMIT or 120 at once, 2/s; null: none. */
  publicRateLimit?: RateLimitSettings | null;
  /** Token bucket per IP for the PC sign-in ticket and poll, in the store; defaults to SIGNIN_RATE_LIMIT or 30 at once, 1/s; null: none. */
  signInRateLimit?: RateLimitSettings | null;
  /** The other per-caller limits kept in the store (初始化码, 催办, exports, …); defaults from the environment (services/store-limits.ts); null: none. */
  storeLimits?: Partial<Record<LimitKind, RateLimitSettings | null>> | null;
  /** The limiter's clock in ms (tests move it); defaults to Date.now. */
  rateClock?: () => number;
  /** Defaults to a buffer of this app's own (the local host passes its own, to flush it before folding). */
  influence?: { buffer: InfluenceBuffer; salts: Salts };
}

/** The influence buffer and salts of one process, on `store`. */
export function createInfluence(store: Store, clock: () => Date, logger?: Logger): { buffer: InfluenceBuffer; salts: Salts } {
  const salts = createSalts(store, clock);
  return { salts, buffer: createInfluenceBuffer({ store, clock, salts, logger }) };
}

/** The server as one object: the same router for the cloud function and the local host. */
export function createApp(options: AppOptions): Router {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? (() => randomUUID().replace(/-/g, ''));
  const influence = options.influence ?? createInfluence(options.store, clock, options.logger);
  const ports: Ports = {
    store: options.store,
    clock,
    newId,
    contentCheck: options.contentCheck ?? createLocalContentCheck(),
    files: recordingExports(options.files ?? NO_FILES, options.store, clock, newId),
    miniCode: options.miniCode ?? localMiniCode,
    notifier: options.notifier ?? createLocalNotifier(options.store, clock, newId),
    reminderConfig: options.reminderConfig ?? loadReminderConfig(),
    influence: influence.buffer,
    salts: influence.salts,
  };
  const limit = options.publicRateLimit === undefined ? loadRateLimit('PUBLIC_RATE_LIMIT', DEFAULT_PUBLIC_LIMIT) : options.publicRateLimit;
  const publicLimiter = limit ? createRateLimiter(limit, options.rateClock) : null;
  const settings: Partial<Record<LimitKind, RateLimitSettings | null>> = options.storeLimits === null ? {} : { ...loadStoreLimits(), ...options.storeLimits };
  if (options.signInRateLimit !== undefined) settings.signIn = options.signInRateLimit;
  const limits = createStoreLimits(options.store, settings, options.rateClock ?? (() => clock().getTime()));
  return createRouter(procedures, ports, options.logger, { publicLimiter, limits });
}
