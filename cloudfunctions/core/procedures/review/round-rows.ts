import type { ParsedInputOf } from '@shared/contracts';
import type { RoundProgress, RoundRow } from '@shared/contracts/round';
import { ROUND_SORT_DEFAULT_DIRECTION, type RoundSort } from '@shared/contracts/lists';
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { found, sortForPaging, stateOrder, type SortKey } from '../../services/sort-page';
import type { IndexedApplication } from './round-index';

type ListInput = ParsedInputOf<'review.roundList'>;

export function progressOf(a: Pick<IndexedApplication, 'assigned' | 'scores'>): RoundProgress {
  if (a.assigned === 0) return 'unassigned';
  return a.scores.count < a.assigned ? 'incomplete' : 'complete';
}

function keyOf(sort: RoundSort, a: IndexedApplication, committeeName: (id: string) => string): SortKey {
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
      return stateOrder(a.state);
  }
}

export function matchesFilters(a: IndexedApplication, input: Omit<ListInput, 'page' | 'pageSize' | 'sort' | 'direction' | 'batchId'>, staged: ReadonlySet<string>): boolean {
  if (input.state && a.state !== input.state) return false;
  if (input.committeeId && a.committeeId !== input.committeeId) return false;
  if (input.category && a.category !== input.category) return false;
  if (input.progress && progressOf(a) !== input.progress) return false;
  if (input.staged !== undefined && staged.has(a._id) !== input.staged) return false;
  return found(input.q, a.title, a._id, a.hostName);
}

/** The filtered applications in the order asked for (the whole list; the caller takes its page). */
export function sortApplications(apps: readonly IndexedApplication[], sort: RoundSort, direction: 'asc' | 'desc' | undefined, committeeName: (id: string) => string): IndexedApplication[] {
  return sortForPaging(apps, (a) => keyOf(sort, a, committeeName), direction ?? ROUND_SORT_DEFAULT_DIRECTION[sort], (a) => a._id);
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
