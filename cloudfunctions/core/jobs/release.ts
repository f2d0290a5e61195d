import { MAX_PAGE, StoreError, type Store, type StoredDoc } from '../ports/store';
import type { OutboxEntry } from '../services/outbox';
import { pool } from './deliver';

/** A round's bulk results whose messages are staged: the 公示 or the 立项 decisions. */
export const RELEASE_STAGES = ['publicity', 'approval'] as const;
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

export const releaseIdOf = (batchId: string, stage: ReleaseStage) => `${batchId}:${stage}`;

/**
 * One release of staged messages. 'releasing' is written before the first message is shown, so a
 * release that stops half way is finished by the next call or the next run of the timed job.
 */
export interface Release extends StoredDoc {
  batchId: string;
  stage: ReleaseStage;
  state: 'releasing' | 'released';
  released: number;
  startedAt: string;
  releasedAt: string | null;
  releasedBy: string;
}

export interface ReleaseProgress {
  /** Shown by this call. */
  released: number;
  /** Still held (another call or the timed job shows them). */
  remaining: number;
}

/** Staged messages of a release, one page. */
export const heldPage = (store: Store, releaseId: string, limit = MAX_PAGE) =>
  store.find<OutboxEntry>('outbox', { where: { releaseId, box: 'held' }, orderBy: [{ field: '_id', direction: 'asc' }], limit });

/**
 * Shows the held messages of a release — in 消息 and queued for the sender — in pages, each
 * with a versioned write: a message is shown exactly once even when two calls (a double tap,
 * the timed job) release together. Stops after `budgetMs` and reports what is left.
 */
export async function showHeld(store: Store, releaseId: string, now: Date, budgetMs = Number.POSITIVE_INFINITY): Promise<ReleaseProgress> {
  const started = Date.now();
  const at = now.toISOString();
  let released = 0;
  for (;;) {
    const page = await heldPage(store, releaseId);
    if (page.length === 0) return { released, remaining: 0 };
    await pool(page, 10, async (e) => {
      try {
        await store.update<OutboxEntry>('outbox', e._id, e.version, { box: 'inbox', status: 'pending', nextAttemptAt: at });
        released += 1;
      } catch (err) {
        // Shown by a concurrent release: counted there.
        if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
      }
    });
    if (Date.now() - started > budgetMs) return { released, remaining: await store.count('outbox', { releaseId, box: 'held' }) };
  }
}

/** Marks a release done once nothing of it is held any more. */
export async function finishRelease(store: Store, release: Release, now: Date, shown: number): Promise<Release> {
  for (let attempt = 0; ; attempt++) {
    const current = (await store.get<Release>('releases', release._id)) ?? release;
    try {
      return await store.update<Release>('releases', current._id, current.version, { state: 'released', released: current.released + shown, releasedAt: now.toISOString() });
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'CONFLICT') || attempt >= 3) throw err;
    }
  }
}

/** The timed job's part: releases that stopped half way are finished (never shown twice). */
export async function resumeReleases(store: Store, now: Date): Promise<number> {
  let shown = 0;
  for (const r of await store.find<Release>('releases', { where: { state: 'releasing' }, limit: MAX_PAGE })) {
    const progress = await showHeld(store, r._id, now);
    await finishRelease(store, r, now, progress.released);
    shown += progress.released;
  }
  return shown;
}
