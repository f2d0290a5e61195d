import { AppError, type Me } from '@shared/contracts';
import type { ParsedInputOf } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import { branchBelongsTo } from '@shared/domain/org';
import { userIdFor, type Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
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
  if (!ctx.identity) throw new AppError('UNAUTHENTICATED');
  const openid = ctx.identity.openid;
  const at = ctx.now.toISOString();
  const id = userIdFor(openid);
  if (ctx.user) {
    const returned = ctx.user;
    await ctx.store.transaction(async (tx) => {
      await tx.update<User>('users', returned._id, returned.version, { profile: input, profileStatus: 'pending', rejectReason: null });
      await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: returned._id, action: 'rebind', actorId: returned._id, at, from: 'rejected', to: 'pending', requestId: ctx.requestId });
    });
    return describeMe({ ...ctx, user: await ctx.store.get<User>('users', returned._id) });
  }
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert<User>('users', {
        _id: id,
        openid,
        profile: input,
        profileStatus: 'pending',
        roles: [{ role: 'member' }],
        createdAt: at,
      });
      await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: id, action: 'bind', actorId: id, at, from: null, to: 'pending', requestId: ctx.requestId });
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') {
      throw new AppError('ALREADY_EXISTS', '您已绑定身份；如需修改，请联系所在基层党委');
    }
    throw err;
  }
  const user = await ctx.store.get<User>('users', id);
  return describeMe({ ...ctx, user });
}
