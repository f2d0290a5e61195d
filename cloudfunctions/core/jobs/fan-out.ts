import { StoreError, type Store } from '../ports/store';
import { readEvery } from '../procedures/reminders/duties';
import type { GroupNotice } from '../services/group-notice';
import { eventEntry, type OutboxEntry } from '../services/outbox';
import { usersWithRole } from '../services/role-index';
import { pool } from './deliver';

/**
 * Writes every notice addressed to a committee's secretaries (services/group-notice.ts) out as
 * one message per secretary, then removes the notice; the same run then sends them. Safe to
 * rerun: a message's `_id` is the event and the person, so one written before a crash is not
 * written twice (at most once), and a notice is removed only after all of its messages exist.
 * Returns how many messages it wrote.
 */
export async function fanOutGroupNotices(store: Store, logger: { error(message: string, detail?: unknown): void } = console): Promise<number> {
  let written = 0;
  for (const g of await readEvery<GroupNotice>(store, 'groupNotices', {})) {
    try {
      written += await fanOut(store, g);
    } catch (err) {
      // Left for the next run (which writes only what is missing); the others go on.
      logger.error(`fanning out ${g._id} failed; the next run retries`, err);
    }
  }
  return written;
}

/** One notice: its messages, then the notice removed. */
async function fanOut(store: Store, g: GroupNotice): Promise<number> {
  let written = 0;
  const except = new Set(g.exceptIds);
  const secretaries = (await usersWithRole(store, g.role, g.committeeId)).filter((id) => !except.has(id));
  await pool(secretaries, 10, async (id) => {
    try {
      await store.insert<OutboxEntry>('outbox', eventEntry(g, id, g.createdAt));
      written += 1;
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'DUPLICATE')) throw err;
    }
  });
  try {
    await store.remove('groupNotices', g._id, g.version);
  } catch (err) {
    // Removed by a run in parallel: its messages are the same ones.
    if (!(err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'NOT_FOUND'))) throw err;
  }
  return written;
}
