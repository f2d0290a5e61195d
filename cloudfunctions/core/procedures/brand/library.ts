import type { BrandSummary, ParsedInputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import { canActForCommittee } from '@shared/domain/roles';
import type { Context } from '../../context';
import { MAX_PAGE, type Where } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { isAdmin } from './access';
import { toBrandSummary } from './views';

const PAGE = 20;
const LIBRARY_STATES = ['accepted', 'promoted'];

/**
 * 党建品牌资源库: brands by committee, year, stage, state and keyword. The Organization
 * Department sees every brand; committees see the library (accepted brands) and their own.
 * Indexed filters run in the store; the keyword is matched on each page read (brands are few:
 * one per committee per year).
 */
export async function brandLibrary(ctx: Context, input: ParsedInputOf<'brand.library'>): Promise<{ items: BrandSummary[]; hasMore: boolean }> {
  const admin = isAdmin(ctx);
  const roles = ctx.user?.roles ?? [];
  const where: Where = {};
  if (input.committeeId) where.committeeId = input.committeeId;
  if (input.year) where.year = input.year;
  if (input.stage) where['report.stage'] = input.stage;
  // Without a state filter a committee sees the library and its own brands in any state: the
  // "or" is applied per page below (brands are few: one per committee per year).
  if (input.state) where.state = input.state;
  const keyword = input.keyword?.trim().toLowerCase() ?? '';
  const visible = (b: Brand) => admin || LIBRARY_STATES.includes(b.state) || canActForCommittee(roles, b.committeeId);
  const matches = (b: Brand) => visible(b) && (keyword === '' || b.searchText.includes(keyword));

  const wanted = ((input.page ?? 0) + 1) * PAGE + 1;
  const found: Brand[] = [];
  for (let skip = 0; found.length < wanted; skip += MAX_PAGE) {
    const page = await ctx.store.find<Brand>('brands', { where, orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: MAX_PAGE, skip });
    found.push(...page.filter(matches));
    if (page.length < MAX_PAGE) break;
  }
  const start = (input.page ?? 0) * PAGE;
  const lookup = new Lookup(ctx.store);
  const shown = found.slice(start, start + PAGE);
  await lookup.primeCommittees(shown.map((b) => b.committeeId));
  const items = await Promise.all(shown.map(async (b) => toBrandSummary(b, await lookup.committeeName(b.committeeId))));
  return { items, hasMore: found.length > start + PAGE };
}
