import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { LIBRARY_SORT_DEFAULT_DIRECTION, type LibrarySort } from '@shared/contracts/lists';
import type { Brand } from '@shared/domain/brand/brand';
import { BRAND_STAGES } from '@shared/domain/brand/stage';
import { BRAND_STATES } from '@shared/domain/brand/state';
import { canActForCommittee } from '@shared/domain/roles';
import type { Context } from '../../context';
import type { AggregateRow, Where } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { getMany } from '../../services/read-many';
import { pageSlice, sortForPaging, type SortKey } from '../../services/sort-page';
import { isAdmin } from './access';
import { toBrandSummary } from './views';

const LIBRARY_STATES = ['accepted', 'promoted'];
/** What the library sorts, filters and searches by: one aggregate group per brand. */
const INDEX_KEYS = ['_id', 'committeeId', 'year', 'state', 'report.stage', 'report.name', 'searchText', 'updatedAt'];

const order = (list: readonly string[], value: string | null): number => (value === null ? list.length : list.indexOf(value));

function keyOf(sort: LibrarySort, row: AggregateRow, committeeName: (id: string) => string): SortKey {
  switch (sort) {
    case 'updated':
      return keyText(row, 'updatedAt');
    case 'name':
      return keyText(row, 'report.name')?.trim() || null;
    case 'committee':
      return committeeName(keyText(row, 'committeeId') ?? '');
    case 'year':
      return keyNumber(row, 'year');
    case 'stage':
      return order(BRAND_STAGES, keyText(row, 'report.stage'));
    case 'state':
      return order(BRAND_STATES, keyText(row, 'state'));
  }
}

/**
 * 党建品牌资源库: brands by committee, year, stage, state and keyword, sorted and paged. The
 * Organization Department sees every brand; committees see the library (accepted brands) and
 * their own. Brands are few (one per committee per year), so the filtered library is one
 * aggregate of its sort keys and search text; only the page's brands are read in full.
 */
export async function brandLibrary(ctx: Context, input: ParsedInputOf<'brand.library'>): Promise<OutputOf<'brand.library'>> {
  const admin = isAdmin(ctx);
  const roles = ctx.user?.roles ?? [];
  const where: Where = {};
  if (input.committeeId) where.committeeId = input.committeeId;
  if (input.year) where.year = input.year;
  if (input.stage) where['report.stage'] = input.stage;
  if (input.state) where.state = input.state;
  const rows = await aggregateAll(ctx.store, 'brands', { where, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } });
  const keyword = input.keyword?.trim().toLowerCase() ?? '';
  // A committee sees the library and its own brands in any state.
  const visible = (r: AggregateRow) => admin || LIBRARY_STATES.includes(keyText(r, 'state') ?? '') || canActForCommittee(roles, keyText(r, 'committeeId') ?? '');
  const matching = rows.filter((r) => visible(r) && (keyword === '' || (keyText(r, 'searchText') ?? '').includes(keyword)));

  const lookup = new Lookup(ctx.store);
  const committeeIds = (list: AggregateRow[]) => [...new Set(list.map((r) => keyText(r, 'committeeId') ?? ''))];
  const names = new Map<string, string>();
  if (input.sort === 'committee') {
    await lookup.primeCommittees(committeeIds(matching));
    for (const id of committeeIds(matching)) names.set(id, await lookup.committeeName(id));
  }
  const direction = input.direction ?? LIBRARY_SORT_DEFAULT_DIRECTION[input.sort];
  const sorted = sortForPaging(matching, (r) => keyOf(input.sort, r, (id) => names.get(id) ?? ''), direction, (r) => keyText(r, '_id') ?? '');
  const page = pageSlice(sorted, input.page, input.pageSize);
  const ids = page.map((r) => keyText(r, '_id') ?? '');
  const [docs] = await Promise.all([getMany<Brand>(ctx.store, 'brands', ids), lookup.primeCommittees(committeeIds(page))]);
  const shown = ids.map((id) => docs.get(id)).filter((b): b is Brand => b !== undefined);
  const items = await Promise.all(shown.map(async (b) => toBrandSummary(b, await lookup.committeeName(b.committeeId))));
  const total = matching.length;
  return { items, hasMore: (input.page + 1) * input.pageSize < total, total, page: input.page, pageSize: input.pageSize };
}
