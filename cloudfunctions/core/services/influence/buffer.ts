import { randomBytes } from 'node:crypto';
import type { Channel, ShareKind } from '@shared/domain/influence/channel';
import { dayKey, emptyDelta, mergeDelta, type DayDelta, type TargetKind } from '@shared/domain/influence/counts';
import { StoreError, type Store } from '../../ports/store';
import type { BufferDoc } from './docs';
import { keyedHash, type Salts } from './salts';

/** One counted event, as the page's procedure saw it. The visitor key lives in memory only. */
export interface Hit {
  kind: TargetKind;
  id: string;
  /** The calendar day (Asia/Shanghai) it happened on. */
  day: string;
  view?: Channel;
  share?: ShareKind;
  /** `o:<OPENID>` or `c:<browser cookie>`; hashed with the day's salt before anything is written. */
  visitorKey: string | null;
}

/**
 * Views and shares held in memory and written in bulk, so that a page's own answer never waits
 * for a store write and a burst of views costs one write per few seconds, not one per view.
 * Each flush adds to this instance's current buffer document (one versioned write, the version
 * kept here since only this instance writes it); the timed job folds and removes those documents.
 * Counting is at most once: what a frozen or recycled instance had not flushed yet is lost.
 */
export interface InfluenceBuffer {
  record(hit: Hit): void;
  /** Writes what is held now (the local host before each fold, and at shutdown). */
  flush(): Promise<void>;
  /** Events held and not yet written. */
  pending(): number;
}

export interface BufferOptions {
  store: Store;
  clock: () => Date;
  salts: Salts;
  /** Milliseconds between the first held event and its flush. */
  flushDelayMs?: number;
  /** A buffer document older than this, or holding more visitors, is closed and a new one started. */
  maxDocAgeMs?: number;
  maxDocVisitors?: number;
  logger?: { error(message: string, err: unknown): void };
}

interface Held {
  views: DayDelta['views'];
  shares: DayDelta['shares'];
  visitorKeys: Set<string>;
}

export function createInfluenceBuffer(options: BufferOptions): InfluenceBuffer {
  const { store, clock, salts } = options;
  const flushDelayMs = options.flushDelayMs ?? 5_000;
  const maxDocAgeMs = options.maxDocAgeMs ?? 15 * 60_000;
  const maxDocVisitors = options.maxDocVisitors ?? 5_000;
  const logger = options.logger ?? console;
  const instance = randomBytes(6).toString('base64url');
  let seq = 0;
  let held = new Map<string, Held>();
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: BufferDoc | null = null;
  let chain: Promise<void> = Promise.resolve();

  function hold(into: Map<string, Held>, key: string, h: Held): void {
    const at = into.get(key) ?? { views: {}, shares: {}, visitorKeys: new Set<string>() };
    for (const [c, n] of Object.entries(h.views) as Array<[Channel, number]>) at.views[c] = (at.views[c] ?? 0) + n;
    for (const [k, n] of Object.entries(h.shares) as Array<[ShareKind, number]>) at.shares[k] = (at.shares[k] ?? 0) + n;
    for (const v of h.visitorKeys) at.visitorKeys.add(v);
    into.set(key, at);
  }

  async function write(days: Record<string, DayDelta>): Promise<void> {
    const now = clock();
    const visitors = (d: Record<string, DayDelta>) => Object.values(d).reduce((n, x) => n + x.visitors.length, 0);
    if (current && now.getTime() - Date.parse(current.createdAt) < maxDocAgeMs && visitors(current.days) < maxDocVisitors) {
      const merged: Record<string, DayDelta> = { ...current.days };
      for (const [k, d] of Object.entries(days)) merged[k] = merged[k] ? mergeDelta(merged[k], d) : d;
      try {
        current = await store.update<BufferDoc>('influenceBuffer', current._id, current.version, { days: merged, updatedAt: now.toISOString() });
        return;
      } catch (err) {
        // The job folded (removed) it meanwhile: start a new one; nothing of this flush was written.
        if (!(err instanceof StoreError) || (err.kind !== 'CONFLICT' && err.kind !== 'NOT_FOUND')) throw err;
      }
    }
    current = await store.insert<BufferDoc>('influenceBuffer', { _id: `${instance}-${++seq}`, createdAt: now.toISOString(), updatedAt: now.toISOString(), days });
  }

  async function flushNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (held.size === 0) return;
    const taken = held;
    held = new Map();
    count = 0;
    try {
      const days: Record<string, DayDelta> = {};
      for (const [key, h] of taken) {
        const day = key.slice(-10);
        const salt = h.visitorKeys.size > 0 ? await salts.forDay(day) : '';
        days[key] = { ...emptyDelta(), views: h.views, shares: h.shares, visitors: [...h.visitorKeys].map((v) => keyedHash(salt, v)) };
      }
      await write(days);
    } catch (err) {
      // Kept for the next flush: a store hiccup does not lose the views.
      for (const [k, h] of taken) hold(held, k, h);
      count = [...held.values()].reduce((n, h) => n + Object.values(h.views).reduce((a, b) => a + (b ?? 0), 0) + Object.values(h.shares).reduce((a, b) => a + (b ?? 0), 0), 0);
      schedule();
      throw err;
    }
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().catch((err: unknown) => logger.error('influence buffer flush failed; kept for the next one', err));
    }, flushDelayMs);
    timer.unref?.();
  }

  function flush(): Promise<void> {
    const next = chain.then(flushNow);
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    record(hit) {
      const h: Held = { views: hit.view ? { [hit.view]: 1 } : {}, shares: hit.share ? { [hit.share]: 1 } : {}, visitorKeys: new Set(hit.view && hit.visitorKey ? [hit.visitorKey] : []) };
      hold(held, dayKey(hit.kind, hit.id, hit.day), h);
      count += 1;
      schedule();
    },
    flush,
    pending: () => count,
  };
}
