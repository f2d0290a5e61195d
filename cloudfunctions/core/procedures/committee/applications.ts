import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { APPLICATION_SORT_DEFAULT_DIRECTION, type ApplicationSort } from '@shared/contracts/applications';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import type { AggregateRow, Where } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { getMany } from '../../services/read-many';
import { found, pageSlice, sortForPaging, stateOrder, type SortKey } from '../../services/sort-page';
import { toSummary } from '../project/views';

/** What the list sorts, filters and searches by: one aggregate group per application. */
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

/**
 * 各党委申报 (the 组织部): the applications of one committee or of every committee, in one batch or
 * in all, drafts excepted; filtered by state, category and a search of title, number and host;
 * sorted with `_id` breaking ties, one page at a time with the total. The whole filtered list is
 * one aggregate (its sort keys only); only the page's applications are read in full.
 */
export async function committeeApplications(ctx: Context, input: ParsedInputOf<'committee.applications'>): Promise<OutputOf<'committee.applications'>> {
  const where: Where = { state: input.state ?? { $ne: 'draft' } };
  if (input.batchId) where.batchId = input.batchId;
  if (input.committeeId) where.committeeId = input.committeeId;
  if (input.category) where['fields.category'] = input.category;
  const rows = await aggregateAll(ctx.store, 'projects', { where, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } });
  const matching = rows.filter((r) => found(input.q, keyText(r, 'fields.title') ?? '', keyText(r, '_id') ?? '', keyText(r, 'hostName') ?? ''));
  const lookup = new Lookup(ctx.store);
  // Sorting by committee names every committee of the list; otherwise only the page's are read.
  const names = new Map<string, string>();
  if (input.sort === 'committee') {
    const ids = [...new Set(matching.map((r) => keyText(r, 'committeeId') ?? ''))];
    await lookup.primeCommittees(ids);
    for (const id of ids) names.set(id, await lookup.committeeName(id));
  }
  const direction = input.direction ?? APPLICATION_SORT_DEFAULT_DIRECTION[input.sort];
  const sorted = sortForPaging(matching, (r) => keyOf(input.sort, r, (id) => names.get(id) ?? ''), direction, (r) => keyText(r, '_id') ?? '');
  const ids = pageSlice(sorted, input.page, input.pageSize).map((r) => keyText(r, '_id') ?? '');
  const docs = await getMany<Project>(ctx.store, 'projects', ids);
  const shown = ids.map((id) => docs.get(id)).filter((p): p is Project => p !== undefined);
  await lookup.primeCommittees(shown.map((p) => p.committeeId));
  const items = await Promise.all(shown.map((p) => toSummary(lookup, p)));
  return { items, total: matching.length, page: input.page, pageSize: input.pageSize };
}
