import type { ParsedInputOf } from '@shared/contracts';
import type { ReviewerView } from '@shared/contracts/review';
import type { User } from '@shared/domain/person';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { getMany } from '../../services/read-many';
import { aggregateAll, keyText } from '../../services/aggregate-all';
import { reviewerLoads } from './round-index';
import { byNameSort, keysOf } from '../../services/name-keys';
import { committeeNameOf } from './views';

/** The reviewer pool (评审专家库) with each reviewer's load in this batch, by name in pinyin order. */
export async function roundReviewers(ctx: Context, input: ParsedInputOf<'review.roundReviewers'>): Promise<ReviewerView[]> {
  // The role index grouped by user: every reviewer's id in one round trip (not pages of a hundred).
  const [entries, loads] = await Promise.all([
    aggregateAll(ctx.store, 'roleIndex', { where: { role: 'reviewer' }, groupBy: ['userId'], measures: { n: { op: 'count' } } }),
    reviewerLoads(ctx.store, input.batchId),
  ]);
  const users = await getMany<User>(ctx.store, 'users', entries.map((e) => keyText(e, 'userId') ?? ''));
  const lookup = new Lookup(ctx.store);
  await lookup.primeCommittees([...users.values()].map((u) => u.profile.committeeId));
  const reviewers = await Promise.all(
    [...users.values()].map(async (r) => ({
      _id: r._id,
      name: r.profile.name,
      committeeId: r.profile.committeeId || null,
      committeeName: await committeeNameOf(lookup, r.profile.committeeId),
      assigned: loads.assigned.get(r._id) ?? 0,
      scored: loads.scored.get(r._id) ?? 0,
    })),
  );
  return reviewers.sort(byNameSort((r) => keysOf(users.get(r._id) ?? { profile: { name: r.name, staffNo: '' } }).nameSort));
}
