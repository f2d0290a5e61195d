import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { APPLICATION_SORT_DEFAULT_DIRECTION } from '@shared/contracts/lists';
import type { Context } from '../../context';
import type { Where } from '../../ports/store';
import { pageApplications } from './application-page';

/**
 * 各党委申报 (the 组织部): the applications of one committee or of every committee, in one batch or
 * in all, drafts excepted; filtered by state, category and a search of title, number and host;
 * sorted with `_id` breaking ties, one page at a time with the total.
 */
export async function committeeApplications(ctx: Context, input: ParsedInputOf<'committee.applications'>): Promise<OutputOf<'committee.applications'>> {
  const where: Where = { state: input.state ?? { $ne: 'draft' } };
  if (input.batchId) where.batchId = input.batchId;
  if (input.committeeId) where.committeeId = input.committeeId;
  if (input.category) where['fields.category'] = input.category;
  const direction = input.direction ?? APPLICATION_SORT_DEFAULT_DIRECTION[input.sort];
  const { items, total } = await pageApplications(ctx, where, { q: input.q, sort: input.sort, direction, page: input.page, pageSize: input.pageSize });
  return { items, total, page: input.page, pageSize: input.pageSize };
}
