import { createHash } from 'node:crypto';
import { AppError } from '@shared/contracts/errors';
import { StoreError, type Store, type StoredDoc } from '../ports/store';
import { DEFAULT_SIGNIN_LIMIT, DEFAULT_UPLOAD_LIMIT, loadRateLimit, type RateLimitSettings } from './rate-limit';

/**
 * What is limited per caller in the store, so that the count holds across request ids, processes
 * and function instances (an in-memory bucket starts afresh in each): the 初始化码, the PC
 * sign-in tickets and polls (per address), 催办, uploads, exports and showcase prerenders (per address).
 */
export const LIMITED = ['setup', 'signIn', 'nudge', 'upload', 'export', 'prerender'] as const;
export type LimitKind = (typeof LIMITED)[number];

export const DEFAULT_STORE_LIMITS: Record<LimitKind, RateLimitSettings> = {
  // Five guesses a minute, on top of the code's own five wrong answers.
  setup: { capacity: 5, refillPerSecond: 1 / 60 },
  signIn: DEFAULT_SIGNIN_LIMIT,
  // A secretary nudges a list at a time (each person at most once a day anyway).
  nudge: { capacity: 10, refillPerSecond: 1 / 60 },
  upload: DEFAULT_UPLOAD_LIMIT,
  // Each export makes a file: twenty at once, then one every half minute.
  export: { capacity: 20, refillPerSecond: 1 / 30 },
  // Link previews and crawlers from one address; a real page stays open to every other address.
  prerender: { capacity: 60, refillPerSecond: 1 },
};

/** The environment variable that overrides each limit, as JSON {"capacity":…,"refillPerSecond":…}. */
const ENV_NAMES: Record<LimitKind, string> = {
  setup: 'SETUP_RATE_LIMIT',
  signIn: 'SIGNIN_RATE_LIMIT',
  nudge: 'NUDGE_RATE_LIMIT',
  upload: 'UPLOAD_RATE_LIMIT',
  export: 'EXPORT_RATE_LIMIT',
  prerender: 'PRERENDER_RATE_LIMIT',
};

/** Each limit from the environment, else the default; a bad value stops the start. */
export function loadStoreLimits(env: Record<string, string | undefined> = process.env): Record<LimitKind, RateLimitSettings> {
  return Object.fromEntries(LIMITED.map((k) => [k, loadRateLimit(ENV_NAMES[k], DEFAULT_STORE_LIMITS[k], env)])) as Record<LimitKind, RateLimitSettings>;
}

/** One caller's bucket of one kind; `_id` = kind:hash of the caller's key (no address or OPENID in an id). */
export interface RateBucket extends StoredDoc {
  kind: LimitKind;
  tokens: number;
  /** When `tokens` was last computed (ISO); the timed job drops buckets idle for a day. */
  at: string;
}

export interface StoreLimits {
  /** Takes one token of `kind` for `key`, or throws AppError('RATE_LIMITED') saying when to retry. */
  take(kind: LimitKind, key: string): Promise<void>;
}

/** Versioned writes that lose this many times in a row: the caller is flooding, and is refused. */
const MAX_ATTEMPTS = 4;

export const bucketIdOf = (kind: LimitKind, key: string) => `${kind}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/**
 * Token buckets kept in the store: each take reads the bucket and writes it back with its version,
 * so two instances taking at once cannot both spend the last token. Settings null: that kind is
 * not limited.
 */
export function createStoreLimits(store: Store, settings: Partial<Record<LimitKind, RateLimitSettings | null>>, clock: () => number): StoreLimits {
  return {
    async take(kind, key) {
      const s = settings[kind];
      if (!s) return;
      const id = bucketIdOf(kind, key);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const now = clock();
        const at = new Date(now).toISOString();
        const b = await store.get<RateBucket>('rateBuckets', id);
        const elapsed = b ? Math.max(0, now - Date.parse(b.at)) / 1000 : 0;
        const tokens = b ? Math.min(s.capacity, b.tokens + elapsed * s.refillPerSecond) : s.capacity;
        if (tokens < 1) {
          const seconds = Math.ceil((1 - tokens) / s.refillPerSecond);
          throw new AppError('RATE_LIMITED', `访问过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });
        }
        try {
          if (b) await store.update<RateBucket>('rateBuckets', id, b.version, { tokens: tokens - 1, at });
          else await store.insert<RateBucket>('rateBuckets', { _id: id, kind, tokens: tokens - 1, at });
          return;
        } catch (err) {
          if (!(err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE'))) throw err;
        }
      }
      throw new AppError('RATE_LIMITED', '访问过于频繁，请 1 秒后再试', { retryAfterSeconds: 1 });
    },
  };
}

/** No limits (the demo's seeding, benches that call as fast as they can). */
export const NO_STORE_LIMITS: StoreLimits = { take: async () => undefined };
