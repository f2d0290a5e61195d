import { z } from 'zod';
import { AppError } from '@shared/contracts/errors';

/**
 * A token bucket per caller for what is reachable signed out (public procedures, the local
 * host's upload). In memory, per function instance: a warm instance serves most of a burst,
 * and a scraper spread over many cold instances is WeChat's own quota's business.
 */
export interface RateLimitSettings {
  /** Calls a caller may make at once (the bucket's size). */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export const DEFAULT_PUBLIC_LIMIT: RateLimitSettings = { capacity: 120, refillPerSecond: 2 };
/** PC sign-in: a page polls every 2 s while its code is shown; a burst of tickets is refused. */
export const DEFAULT_SIGNIN_LIMIT: RateLimitSettings = { capacity: 30, refillPerSecond: 1 };
export const DEFAULT_UPLOAD_LIMIT: RateLimitSettings = { capacity: 30, refillPerSecond: 0.5 };

const settingsSchema = z.object({
  capacity: z.number().int().min(1).max(100_000),
  refillPerSecond: z.number().positive().max(10_000),
});

/**
 * Reads a limit from the environment at start-up, e.g. PUBLIC_RATE_LIMIT='{"capacity":60,"refillPerSecond":1}'.
 * A bad value stops the start with a message in Chinese and English.
 */
export function loadRateLimit(name: string, fallback: RateLimitSettings, env: Record<string, string | undefined> = process.env): RateLimitSettings {
  const raw = env[name];
  if (!raw) return fallback;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`限流配置有误：${name} 不是有效的 JSON / invalid ${name}: not JSON`);
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; ');
    throw new Error(`限流配置有误：${name} 须为 {"capacity": 正整数, "refillPerSecond": 正数} / invalid ${name}: ${lines}`);
  }
  return parsed.data;
}

export interface RateLimiter {
  /** Takes one token for `key`, or throws AppError('RATE_LIMITED') saying when to retry. */
  take(key: string): void;
  /** Seconds until `key` may call again (0 when it may now). */
  retryAfterSeconds(key: string): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets beyond this many are dropped oldest-first, so a flood of keys cannot exhaust memory. */
const MAX_KEYS = 10_000;

export function createRateLimiter(settings: RateLimitSettings, clock: () => number = () => Date.now()): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function refill(key: string): Bucket {
    const now = clock();
    const b = buckets.get(key) ?? { tokens: settings.capacity, at: now };
    const elapsed = Math.max(0, now - b.at) / 1000;
    b.tokens = Math.min(settings.capacity, b.tokens + elapsed * settings.refillPerSecond);
    b.at = now;
    // Re-insert so the Map's order is "least recently used first".
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > MAX_KEYS) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    return b;
  }

  function wait(b: Bucket): number {
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / settings.refillPerSecond);
  }

  return {
    take(key) {
      const b = refill(key);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      const seconds = wait(b);
      throw new AppError('RATE_LIMITED', `访问过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds });
    },
    retryAfterSeconds(key) {
      return wait(refill(key));
    },
  };
}

/** The bucket key of a caller: the platform identity when there is one, else what the host saw. */
export function callerKey(openid: string | null | undefined, clientKey: string | null | undefined): string {
  if (openid) return `openid:${openid}`;
  if (clientKey) return `client:${clientKey}`;
  // Signed out with nothing to tell callers apart: one bucket shared by all of them.
  return 'anonymous';
}
