import type { ProjectSummary } from '@shared/contracts';
import type { ApplicationSort } from '@shared/contracts/lists';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import type { AggregateRow, Where } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { SeenProjects } from '../../services/staged-view';
import { getMany } from '../../services/read-many';
import { found, pageSlice, sortForPaging, stateOrder, type SortKey } from '../../services/sort-page';
import { toSummary } from '../project/views';

/** What a list of applications sorts, filters and searches by: one aggregate group per application. */
const INDEX_KEYS = ['_id', 'batchId', 'committeeId', 'state', 'hostName', 'fields.title', 'fields.category', 'committeeRank', 'submittedAt', 'updatedAt'];

const stateOf = (row: AggregateRow): ProjectState => PROJECT_STATES.find((s) => s === keyText(row, 'state')) ?? 'submitted';

function keyOf(sort: ApplicationSort, row: AggregateRow, committeeName: (id: string) => string): SortKey {
  switch (sort) {
    case 'submitted':
      return keyText(row, 'submittedAt');
    case 'updated':
      return keyText(row, 'updatedAt');
    case 'title':
      return keyText(row, 'fields.title')?.trim() || null;
    case 'host':
      return keyText(row, 'hostName');
    case 'committee':
      return committeeName(keyText(row, 'committeeId') ?? '');
    case 'rank':
      return keyNumber(row, 'committeeRank');
    case 'state':
      return stateOrder(stateOf(row));
  }
}

export interface ApplicationPageQuery {
  /** Part of the title, the number or the host's name. */
  q?: string;
  sort: ApplicationSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/**
 * One page of the applications matching `where`, searched, sorted with `_id` breaking ties, with
 * the total. The whole filtered list is one aggregate (its sort keys only); only the page's
 * applications are read in full. `lookup` may hold committees the caller has read already.
 */
export async function pageApplications(ctx: Context, where: Where, query: ApplicationPageQuery, lookup = new Lookup(ctx.store)): Promise<{ items: ProjectSummary[]; total: number }> {
  const rows = await aggregateAll(ctx.store, 'projects', { where, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } });
  const matching = rows.filter((r) => found(query.q, keyText(r, 'fields.title') ?? '', keyText(r, '_id') ?? '', keyText(r, 'hostName') ?? ''));
  // Sorting by committee names every committee of the list; otherwise only the page's are read.
  const names = new Map<string, string>();
  if (query.sort === 'committee') {
    const ids = [...new Set(matching.map((r) => keyText(r, 'committeeId') ?? ''))];
    await lookup.primeCommittees(ids);
    for (const id of ids) names.set(id, await lookup.committeeName(id));
  }
  const sorted = sortForPaging(matching, (r) => keyOf(query.sort, r, (id) => names.get(id) ?? ''), query.direction, (r) => keyText(r, '_id') ?? '');
  const ids = pageSlice(sorted, query.page, query.pageSize).map((r) => keyText(r, '_id') ?? '');
  const docs = await getMany<Project>(ctx.store, 'projects', ids);
  const shown = ids.map((id) => docs.get(id)).filter((p): p is Project => p !== undefined);
  // The page's committees and batches, one read each.
  await Promise.all([lookup.primeCommittees(shown.map((p) => p.committeeId)), lookup.primeBatches(shown.map((p) => p.batchId))]);
  const seen = SeenProjects.of(ctx);
  const items = await Promise.all(shown.map(async (p) => toSummary(lookup, await seen.project(p))));
  return { items, total: matching.length };
}
