import { AppError } from '@shared/contracts/errors';
import type { Me } from '@shared/contracts';
import type { ParsedInputOf } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import { branchBelongsTo, isOpen } from '@shared/domain/org';
import { rosterDifferences, rosterId, rosterRoles, type RosterEntry } from '@shared/domain/roster';
import { indexRoles } from '../../services/role-index';
import { userIdFor, type Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { nameKeys } from '../../services/name-keys';
import { describeMe } from './me';

/** Binds a profile to the caller's WeChat identity, once; the committee confirms it later. */
export async function bindProfile(ctx: Context, input: ParsedInputOf<'profile.bind'>): Promise<Me> {
  // Bound once; a profile the committee returned is corrected here and waits for confirmation again.
  if (ctx.user && ctx.user.profileStatus !== 'rejected') throw new AppError('ALREADY_EXISTS', '您已绑定身份；如需修改，请联系所在基层党委');
  const lookup = new Lookup(ctx.store);
  const [committee, branch] = await Promise.all([lookup.committee(input.committeeId), lookup.branch(input.branchId)]);
  if (!committee) throw new AppError('VALIDATION', '所选基层党委不存在，请重新选择', { field: 'committeeId' });
  if (!branch || !branchBelongsTo(branch, committee._id)) {
    throw new AppError('VALIDATION', '所选党支部不属于该基层党委，请重新选择', { field: 'branchId' });
  }
  if (!isOpen(committee)) throw new AppError('VALIDATION', `${committee.name}已撤销，不再接受绑定。请选择现在所在的基层党委`, { field: 'committeeId' });
  if (!isOpen(branch)) throw new AppError('VALIDATION', `${branch.name}已撤销，不再接受绑定。请选择现在所在的党支部`, { field: 'branchId' });
  if (!ctx.identity) throw new AppError('UNAUTHENTICATED');
  const openid = ctx.identity.openid;
  const at = ctx.now.toISOString();
  const id = userIdFor(openid);
  if (ctx.user) {
    const returned = ctx.user;
    await ctx.store.transaction(async (tx) => {
      await tx.update<User>('users', returned._id, returned.version, { profile: input, ...nameKeys(input.name, input.staffNo), profileStatus: 'pending', rejectReason: null });
      await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: returned._id, action: 'rebind', actorId: returned._id, at, from: 'rejected', to: 'pending', requestId: ctx.requestId });
    });
    return describeMe({ ...ctx, user: await ctx.store.get<User>('users', returned._id) });
  }
  // Pre-registered on the roster with the same number, name and unit: confirmed at once with the
  // roster's roles, and the entry is used up (claimedBy) in the same transaction. Otherwise the
  // committee confirms, and sees how the binding differs from the roster.
  const entry = await ctx.store.get<RosterEntry>('roster', rosterId(input.staffNo));
  const names = { committee: (cid: string) => (cid === committee._id ? committee.name : cid), branch: (bid: string) => (bid === branch._id ? branch.name : bid) };
  if (entry && entry.committeeId !== committee._id) {
    const theirs = await lookup.committee(entry.committeeId);
    names.committee = (cid: string) => (cid === committee._id ? committee.name : (theirs?.name ?? cid));
  } else if (entry && entry.branchId !== branch._id) {
    const theirs = await lookup.branch(entry.branchId);
    names.branch = (bid: string) => (bid === branch._id ? branch.name : (theirs?.name ?? bid));
  }
  const differences = entry ? rosterDifferences(entry, input, names) : [];
  const preRegistered = entry !== null && differences.length === 0;
  try {
    await ctx.store.transaction(async (tx) => {
      const roles = preRegistered ? rosterRoles(entry) : [{ role: 'member' as const }];
      await tx.insert<User>('users', {
        _id: id,
        openid,
        profile: input,
        ...nameKeys(input.name, input.staffNo),
        profileStatus: preRegistered ? 'confirmed' : 'pending',
        roles,
        createdAt: at,
        ...(differences.length ? { rosterDifferences: differences } : {}),
      });
      if (preRegistered) {
        await tx.update<RosterEntry>('roster', entry._id, entry.version, { claimedBy: id });
        await indexRoles(tx, id, roles);
      }
      await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: id, action: 'bind', actorId: id, at, from: null, to: preRegistered ? 'confirmed' : 'pending', reason: preRegistered ? '与人员名册一致，自动确认' : null, requestId: ctx.requestId });
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') {
      throw new AppError('ALREADY_EXISTS', '您已绑定身份；如需修改，请联系所在基层党委');
    }
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '名册信息刚刚有变动，请重新提交');
    throw err;
  }
  const user = await ctx.store.get<User>('users', id);
  return describeMe({ ...ctx, user });
}
