import type { CollectionName } from '../ports/collections';
import { MAX_GROUPS, type AggregateRow, type AggregateSpec, type StoreOps } from '../ports/store';

/**
 * Every group of an aggregate, MAX_GROUPS per round trip (a round of up to a thousand
 * applications is one), up to `cap` groups. The groups come ordered by their keys, so the pages
 * never overlap.
 */
export async function aggregateAll(store: StoreOps, collection: CollectionName, spec: Omit<AggregateSpec, 'limit' | 'skip' | 'orderBy'>, cap = 10_000): Promise<AggregateRow[]> {
  const out: AggregateRow[] = [];
  for (let skip = 0; skip < cap; skip += MAX_GROUPS) {
    const page = await store.aggregate(collection, { ...spec, limit: MAX_GROUPS, skip });
    out.push(...page);
    if (page.length < MAX_GROUPS) break;
  }
  return out;
}

/** A string key of a group (null when the group's documents lack it). */
export const keyText = (row: AggregateRow, field: string): string | null => {
  const v = row.key[field];
  return typeof v === 'string' ? v : null;
};

/** A number key of a group. */
export const keyNumber = (row: AggregateRow, field: string): number | null => {
  const v = row.key[field];
  return typeof v === 'number' ? v : null;
};
