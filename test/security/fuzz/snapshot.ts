import { COLLECTIONS, type CollectionName } from '../../../cloudfunctions/core/ports/collections';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../../../cloudfunctions/core/ports/store';

/** Every document of every declared collection, read page by page through the store port. */
export async function snapshotStore(store: StoreOps): Promise<Record<string, StoredDoc[]>> {
  const all: Record<string, StoredDoc[]> = {};
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const docs: StoredDoc[] = [];
    for (let skip = 0; ; skip += MAX_PAGE) {
      const page = await store.find<StoredDoc>(collection, { orderBy: [{ field: '_id', direction: 'asc' }], limit: MAX_PAGE, skip });
      docs.push(...page);
      if (page.length < MAX_PAGE) break;
    }
    all[collection] = docs;
  }
  return all;
}

/** The collections whose documents differ between two snapshots, with counts, for a readable failure. */
export function storeDiff(before: Record<string, StoredDoc[]>, after: Record<string, StoredDoc[]>): string[] {
  const changed: string[] = [];
  for (const c of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = JSON.stringify(before[c] ?? []);
    const b = JSON.stringify(after[c] ?? []);
    if (a !== b) changed.push(`${c}: ${(before[c] ?? []).length} → ${(after[c] ?? []).length} documents`);
  }
  return changed;
}
