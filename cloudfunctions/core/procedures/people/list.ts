import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { PersonRow } from '@shared/contracts/people-list';
import { PEOPLE_SORT_DEFAULT_DIRECTION, type PeopleSort } from '@shared/contracts/lists';
import type { User } from '@shared/domain/person';
import type { Context } from '../../context';
import { MAX_GROUPS, MAX_PAGE, type FindOptions, type StoreOps, type Where } from '../../ports/store';
import { aggregateAll, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { sortForPaging } from '../../services/sort-page';
import { searchKey, searchKeysStartWith } from '../../services/name-keys';
import { profileFields } from './profile-fields';

const FIELD: Record<Exclude<PeopleSort, 'committee'>, string> = { name: 'nameSort', staffNo: 'profile.staffNo', bound: 'createdAt' };

/** One committee's part of a page: `limit` people from `skip`, by name. */
interface Slice {
  committeeId: string | null;
  skip: number;
  limit: number;
}

/**
 * 人员与角色 (the 组织部): every bound person, thirty thousand at a university, so the store sorts
 * and pages them. Filters by committee, role and profile status; a search matches the start of
 * one of each person's search keys (full pinyin, initials, any part of the name, the 工号/学号,
 * services/name-keys.ts), and names sort in pinyin order (`nameSort`), both indexed. By committee: one aggregate counts each committee's people, the committees go
 * by name, and the page is read as at most three slices (the committees it starts and ends in,
 * and those it holds whole).
 */
export async function listPeople(ctx: Context, input: ParsedInputOf<'people.list'>): Promise<OutputOf<'people.list'>> {
  const where: Where = input.q && searchKey(input.q) ? { searchKeys: searchKeysStartWith(input.q) } : {};
  if (input.committeeId) where['profile.committeeId'] = input.committeeId;
  if (input.profileStatus) where.profileStatus = input.profileStatus;
  if (input.role) {
    // The role's holders in one read (a thousand per trip), each once however many committees they serve.
    const holders = await aggregateAll(ctx.store, 'roleIndex', { where: { role: input.role }, groupBy: ['userId'], measures: { n: { op: 'count' } } });
    const ids = holders.flatMap((g) => keyText(g, 'userId') ?? []);
    if (ids.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
    where._id = { $in: ids };
  }
  const direction = input.direction ?? PEOPLE_SORT_DEFAULT_DIRECTION[input.sort];
  const lookup = new Lookup(ctx.store);
  let total: number;
  let users: User[];
  if (input.sort === 'committee') {
    ({ total, users } = await byCommittee(ctx.store, lookup, where, direction, input.page, input.pageSize));
  } else {
    const options: FindOptions = { where, orderBy: [{ field: FIELD[input.sort], direction }], skip: input.page * input.pageSize, limit: input.pageSize };
    [total, users] = await Promise.all([ctx.store.count('users', where), ctx.store.find<User>('users', options)]);
  }
  const items = await toRows(lookup, users);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

async function byCommittee(store: StoreOps, lookup: Lookup, where: Where, direction: 'asc' | 'desc', page: number, pageSize: number): Promise<{ total: number; users: User[] }> {
  const groups = await store.aggregate('users', { where, groupBy: ['profile.committeeId'], measures: { n: { op: 'count' } }, limit: MAX_GROUPS });
  const counted = groups.map((g) => ({ committeeId: keyText(g, 'profile.committeeId'), n: g.values.n ?? 0 }));
  await lookup.primeCommittees(counted.flatMap((g) => (g.committeeId ? [g.committeeId] : [])));
  const names = new Map(await Promise.all(counted.map(async (g) => [g.committeeId, g.committeeId ? await lookup.committeeName(g.committeeId) : null] as const)));
  const ordered = sortForPaging(counted, (g) => names.get(g.committeeId) ?? null, direction, (g) => g.committeeId ?? '');
  const slices: Slice[] = [];
  let skip = page * pageSize;
  let need = pageSize;
  for (const g of ordered) {
    if (need === 0) break;
    if (skip >= g.n) {
      skip -= g.n;
      continue;
    }
    const limit = Math.min(g.n - skip, need);
    slices.push({ committeeId: g.committeeId, skip, limit });
    need -= limit;
    skip = 0;
  }
  const byName: FindOptions['orderBy'] = [{ field: 'nameSort', direction: 'asc' }];
  const read = (s: Slice) => store.find<User>('users', { where: { ...where, 'profile.committeeId': s.committeeId }, orderBy: byName, skip: s.skip, limit: s.limit });
  // The committees between the first and the last are whole and hold fewer than a page together: one read.
  const middle = slices.slice(1, -1);
  const [first, inner, last] = await Promise.all([
    slices[0] ? read(slices[0]) : [],
    middle.length ? store.find<User>('users', { where: { ...where, 'profile.committeeId': { $in: middle.map((s) => s.committeeId) } }, orderBy: byName, limit: MAX_PAGE }) : [],
    slices.length > 1 ? read(slices[slices.length - 1]) : [],
  ]);
  const rank = new Map(middle.map((s, i) => [s.committeeId, i]));
  const inOrder = [...inner].sort((a, b) => (rank.get(a.profile.committeeId) ?? 0) - (rank.get(b.profile.committeeId) ?? 0));
  return { total: counted.reduce((sum, g) => sum + g.n, 0), users: [...first, ...inOrder, ...last] };
}

async function toRows(lookup: Lookup, users: User[]): Promise<PersonRow[]> {
  await Promise.all([
    lookup.primeBranches(users.map((u) => u.profile.branchId)),
    lookup.primeCommittees(users.flatMap((u) => [u.profile.committeeId, ...u.roles.flatMap((r) => (r.committeeId ? [r.committeeId] : []))])),
  ]);
  return Promise.all(
    users.map(async (u) => ({
      ...(await profileFields(lookup, u)),
      profileStatus: u.profileStatus,
      rejectReason: u.rejectReason ?? null,
      roles: await Promise.all(u.roles.map(async (r) => (r.committeeId ? { role: r.role, committeeId: r.committeeId, committeeName: await lookup.committeeName(r.committeeId) } : { role: r.role }))),
    })),
  );
}
