import { StoreError, type Store, type StoredDoc } from '../ports/store';
import type { FileStore } from '../ports/files';
import type { ExportFile } from '../services/export-files';
import type { PacketJob } from '../procedures/paperwork/progress';

/** Exported files and a packet's progress are for the day they are made: a person downloads at once. */
export const EXPIRE_AFTER_MS = 24 * 3600_000;
/** At most this many of each per run: the job runs every five minutes and must stay short. */
const MAX_PER_RUN = 500;

export interface ExpirySummary {
  exports: number;
  packetJobs: number;
  /** Rate-limit buckets idle for a day: full again by then, so dropping them changes nothing. */
  rateBuckets: number;
}

async function findOlderAndRemove<T extends StoredDoc>(store: Store, collection: 'exportFiles' | 'packetJobs' | 'rateBuckets', field: 'createdAt' | 'updatedAt' | 'at', before: string, each: (docs: T[]) => Promise<void>): Promise<number> {
  let removed = 0;
  while (removed < MAX_PER_RUN) {
    const page = await store.find<T>(collection, { where: { [field]: { $lt: before } }, orderBy: [{ field, direction: 'asc' }], limit: 100 });
    if (page.length === 0) break;
    await each(page);
    const start = removed;
    for (const doc of page) {
      try {
        await store.remove(collection, doc._id, doc.version);
        removed += 1;
      } catch (err) {
        if (!(err instanceof StoreError)) throw err;
      }
    }
    // Nothing could be removed (all changed under us): stop rather than spin.
    if (removed === start) break;
  }
  return removed;
}

/**
 * The timed job's housekeeping: exports older than a day are deleted from the file store, then
 * forgotten; packet progress older than a day is dropped. Safe to rerun, and to stop half way:
 * a file is deleted before its record, so a record left behind only deletes again.
 */
export async function expireDownloads(store: Store, files: FileStore, now: Date): Promise<ExpirySummary> {
  const before = new Date(now.getTime() - EXPIRE_AFTER_MS).toISOString();
  const exports = await findOlderAndRemove<ExportFile>(store, 'exportFiles', 'createdAt', before, (docs) => files.remove(docs.map((d) => d.fileId)));
  const packetJobs = await findOlderAndRemove<PacketJob>(store, 'packetJobs', 'updatedAt', before, async () => undefined);
  const rateBuckets = await findOlderAndRemove<StoredDoc>(store, 'rateBuckets', 'at', before, async () => undefined);
  return { exports, packetJobs, rateBuckets };
}
