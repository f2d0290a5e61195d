import type { Me } from '@shared/contracts';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';

export async function describeMe(ctx: Context): Promise<Me> {
  const user = ctx.user;
  if (!user) {
    return { userId: '', bound: false, profile: null, profileStatus: null, rejectReason: null, roles: [], committeeName: null, branchName: null };
  }
  const lookup = new Lookup(ctx.store);
  const [committee, branch] = await Promise.all([lookup.committee(user.profile.committeeId), lookup.branch(user.profile.branchId)]);
  return {
    userId: user._id,
    bound: true,
    profile: user.profile,
    profileStatus: user.profileStatus,
    rejectReason: user.profileStatus === 'rejected' ? (user.rejectReason ?? null) : null,
    roles: user.roles,
    committeeName: committee?.name ?? null,
    branchName: branch?.name ?? null,
  };
}
