import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';

/** A sort key of a server-paged list: text (Chinese collation), a number, or none (always last). */
export type SortKey = string | number | null;

/** One collator for every sort (localeCompare with a locale builds a new one per comparison). */
const CHINESE = new Intl.Collator('zh-Hans-CN');

/**
 * Sorts a list for paging: by `key` in `direction`, rows without a key last either way, and ties
 * broken by `id`, so the same query always gives the same order and pages never overlap.
 */
export function sortForPaging<T>(items: readonly T[], key: (t: T) => SortKey, direction: 'asc' | 'desc', id: (t: T) => string): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = items.map((t) => ({ t, k: key(t), id: id(t) }));
  keyed.sort((x, y) => compareKeys(x.k, y.k, sign) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return keyed.map((x) => x.t);
}

function compareKeys(a: SortKey, b: SortKey, sign: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * CHINESE.compare(String(a), String(b));
}

/** The page `page` (from 0) of `pageSize` rows. */
export function pageSlice<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice(page * pageSize, (page + 1) * pageSize);
}

/** Whether a search (already trimmed) finds a row by any of its texts, ignoring case. */
export function found(q: string | undefined, ...texts: string[]): boolean {
  const needle = q?.toLowerCase() ?? '';
  return needle === '' || texts.some((t) => t.toLowerCase().includes(needle));
}

const STATE_ORDER = new Map<string, number>(PROJECT_STATES.map((s, i) => [s, i]));

/** States sort in the order an application passes through them, not by their names. */
export function stateOrder(state: ProjectState): number {
  return STATE_ORDER.get(state) ?? PROJECT_STATES.length;
}
