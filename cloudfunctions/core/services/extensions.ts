import type { Batch, BatchCalendar } from '@shared/domain/batch';
import { calendarWithExtensions, extensionFor, type Extension, type ExtensionSubject } from '@shared/domain/paperwork/extension';
import { isBeforeDeadline } from '@shared/time/deadline';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';

export type StoredExtension = Extension & StoredDoc;

/** A batch's extensions, withdrawn ones included (a batch has a handful). */
export async function extensionsOf(store: StoreOps, batchId: string): Promise<StoredExtension[]> {
  const out: StoredExtension[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<StoredExtension>('extensions', { where: { batchId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_PAGE, skip });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}

/**
 * Every extension of one host or their committee, in any batch (a person has one or two); with
 * `moreCommittees`, those of other committees too (a host's older applications, filed under the
 * committee they were in then), in the same read.
 */
export function extensionsConcerning(store: StoreOps, who: ExtensionSubject, moreCommittees: readonly string[] = []): Promise<StoredExtension[]> {
  const targets = [...new Set([who.hostId, who.committeeId, ...moreCommittees])].filter((id) => id !== '');
  return store.find<StoredExtension>('extensions', { where: { targetId: { $in: targets } }, limit: MAX_PAGE });
}

/** The batch's calendar as it holds for one host: their extension moves the submission deadline; their committee's moves its 推荐截止 too. */
export function calendarFor(batch: Pick<Batch, 'calendar'>, extensions: readonly Extension[], who: ExtensionSubject): BatchCalendar {
  return calendarWithExtensions(batch.calendar, extensions, who);
}

/** The batch as one host sees it, given the batch's extensions: calendar moved by their extension, and the extension itself. */
export function batchWith<B extends Batch>(batch: B, extensions: readonly StoredExtension[], who: ExtensionSubject): { batch: B; extension: StoredExtension | null } {
  const extension = extensionFor(extensions, who);
  if (!extension || extension.date <= batch.calendar.submissionDeadline) return { batch, extension: null };
  return { batch: { ...batch, calendar: calendarFor(batch, extensions, who) }, extension };
}

/** The batch as one host sees it, its extensions read from the store. */
export async function batchFor<B extends Batch>(store: StoreOps, batch: B, who: ExtensionSubject): Promise<{ batch: B; extension: StoredExtension | null }> {
  return batchWith(batch, await extensionsOf(store, batch._id), who);
}

/**
 * After a submission by `who`: when only their extension let it through (the batch's own
 * deadline had passed), the extension is marked used and can no longer be withdrawn. Given the
 * batch's extensions (read in the same transaction), they are not read again; answers the
 * extensions as they now are.
 */
export async function markUsed(
  tx: StoreOps,
  batch: Pick<Batch, 'calendar' | '_id'>,
  who: ExtensionSubject,
  now: Date,
  read?: readonly StoredExtension[],
): Promise<readonly StoredExtension[] | null> {
  if (isBeforeDeadline(batch.calendar.submissionDeadline, now)) return read ?? null;
  const extensions = read ?? (await extensionsOf(tx, batch._id));
  const extension = extensionFor(extensions, who);
  if (!extension || extension.usedAt) return extensions;
  const used = await tx.update<StoredExtension>('extensions', extension._id, extension.version, { usedAt: now.toISOString() });
  return extensions.map((e) => (e._id === used._id ? used : e));
}
