import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { stagedFor } from '../bulk/review';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { pageSlice } from '../../services/sort-page';
import { loadBatch } from './batch';
import { readRoundIndex, type IndexedApplication } from './round-index';
import { matchesFilters, sortApplications, toRow } from './round-rows';

/** The committees' names of a round's applications, read at once (one round trip for up to a hundred). */
export async function committeeNames(lookup: Lookup, apps: readonly IndexedApplication[]): Promise<Map<string, string>> {
  const ids = [...new Set(apps.map((a) => a.committeeId))];
  await lookup.primeCommittees(ids);
  return new Map(await Promise.all(ids.map(async (id) => [id, await lookup.committeeName(id)] as const)));
}

/** The staged 公示 list as the round shows it: only applications still under review. */
export async function stagedUnderReview(ctx: Context, batchId: string, apps: readonly IndexedApplication[]): Promise<string[]> {
  const under = new Set(apps.filter((a) => a.state === 'under_review').map((a) => a._id));
  return (await stagedFor(ctx.store, batchId)).filter((id) => under.has(id));
}

/**
 * 评审与立项's list, a page at a time: filtered by state, committee, category, 评审进度, the staged
 * list and a search of title, number and host; sorted with `_id` breaking ties, so paging is stable.
 */
export async function roundList(ctx: Context, input: ParsedInputOf<'review.roundList'>): Promise<OutputOf<'review.roundList'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const lookup = new Lookup(ctx.store);
  const index = await readRoundIndex(ctx.store, batch._id, { perState: false });
  const [names, staged] = await Promise.all([committeeNames(lookup, index.applications), stagedUnderReview(ctx, batch._id, index.applications)]);
  const stagedSet = new Set(staged);
  const name = (id: string) => names.get(id) ?? '';
  const found = index.applications.filter((a) => matchesFilters(a, input, stagedSet));
  const sorted = sortApplications(found, input.sort, input.direction, name);
  const items = pageSlice(sorted, input.page, input.pageSize).map((a) => toRow(a, name(a.committeeId), stagedSet.has(a._id)));
  return { items, total: found.length, page: input.page, pageSize: input.pageSize };
}
