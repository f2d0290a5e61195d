import type { ParsedInputOf } from '@shared/contracts';
import { ROUND_SORT_DEFAULT_DIRECTION, type RoundProgress, type RoundRow, type RoundSort } from '@shared/contracts/round';
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { PROJECT_STATES } from '@shared/domain/project/state';
import type { IndexedApplication } from './round-index';

type ListInput = ParsedInputOf<'review.roundList'>;
type Key = string | number | null;

/** One collator for every sort (Chinese collation, as people on campus read names). */
const CHINESE = new Intl.Collator('zh-Hans-CN');

export function progressOf(a: Pick<IndexedApplication, 'assigned' | 'scores'>): RoundProgress {
  if (a.assigned === 0) return 'unassigned';
  return a.scores.count < a.assigned ? 'incomplete' : 'complete';
}

const STATE_ORDER = new Map<string, number>(PROJECT_STATES.map((s, i) => [s, i]));

function keyOf(sort: RoundSort, a: IndexedApplication, committeeName: (id: string) => string): Key {
  switch (sort) {
    case 'average':
      return a.scores.average;
    case 'spread':
      return a.scores.count > 1 ? a.scores.spread : null;
    case 'progress':
      return a.assigned === 0 ? -1 : a.scores.count / a.assigned;
    case 'title':
      return a.title;
    case 'committee':
      return committeeName(a.committeeId);
    case 'host':
      return a.hostName;
    case 'rank':
      return a.committeeRank;
    case 'state':
      return STATE_ORDER.get(a.state) ?? null;
  }
}

/** Nulls (no score yet, no rank) last in either direction; ties broken by `_id`, so pages never overlap. */
function compareKeys(a: Key, b: Key, sign: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * CHINESE.compare(String(a), String(b));
}

export function matchesFilters(a: IndexedApplication, input: Omit<ListInput, 'page' | 'pageSize' | 'sort' | 'direction' | 'batchId'>, staged: ReadonlySet<string>): boolean {
  if (input.state && a.state !== input.state) return false;
  if (input.committeeId && a.committeeId !== input.committeeId) return false;
  if (input.category && a.category !== input.category) return false;
  if (input.progress && progressOf(a) !== input.progress) return false;
  if (input.staged !== undefined && staged.has(a._id) !== input.staged) return false;
  const q = input.q?.toLowerCase() ?? '';
  if (q && !a.title.toLowerCase().includes(q) && !a._id.toLowerCase().includes(q) && !a.hostName.toLowerCase().includes(q)) return false;
  return true;
}

/** The filtered applications in the order asked for (the whole list; the caller takes its page). */
export function sortApplications(apps: readonly IndexedApplication[], sort: RoundSort, direction: 'asc' | 'desc' | undefined, committeeName: (id: string) => string): IndexedApplication[] {
  const sign = (direction ?? ROUND_SORT_DEFAULT_DIRECTION[sort]) === 'asc' ? 1 : -1;
  const keyed = apps.map((a) => ({ a, k: keyOf(sort, a, committeeName) }));
  keyed.sort((x, y) => compareKeys(x.k, y.k, sign) || (x.a._id < y.a._id ? -1 : x.a._id > y.a._id ? 1 : 0));
  return keyed.map((x) => x.a);
}

export function toRow(a: IndexedApplication, committeeName: string, staged: boolean): RoundRow {
  return {
    projectId: a._id,
    title: a.title,
    state: a.state,
    committeeId: a.committeeId,
    committeeName,
    hostName: a.hostName,
    category: a.category ? PROJECT_CATEGORY_LABELS[a.category] : null,
    committeeRank: a.committeeRank,
    assigned: a.assigned,
    scored: a.scores.count,
    average: a.scores.average,
    spread: a.scores.count > 1 ? a.scores.spread : null,
    staged,
  };
}
