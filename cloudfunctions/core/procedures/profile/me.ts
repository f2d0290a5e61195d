import type { Me } from '@shared/contracts';
import type { Context } from '../../context';
import { actingAs, greetingLine } from '@shared/domain/greeting';
import { secretaryCommittees } from '@shared/domain/roles';
import { Lookup } from '../../services/lookup';

export async function describeMe(ctx: Context): Promise<Me> {
  const user = ctx.user;
  if (!user) {
    return { userId: '', bound: false, profile: null, profileStatus: null, rejectReason: null, roles: [], committeeName: null, branchName: null, greeting: '' };
  }
  const lookup = new Lookup(ctx.store);
  const acted = secretaryCommittees(user.roles)[0];
  const [committee, branch, actedFor] = await Promise.all([
    lookup.committee(user.profile.committeeId),
    lookup.branch(user.profile.branchId),
    acted && acted !== user.profile.committeeId ? lookup.committee(acted) : null,
  ]);
  return {
    userId: user._id,
    bound: true,
    profile: user.profile,
    profileStatus: user.profileStatus,
    rejectReason: user.profileStatus === 'rejected' ? (user.rejectReason ?? null) : null,
    roles: user.roles,
    committeeName: committee?.name ?? null,
    branchName: branch?.name ?? null,
    greeting: greetingLine(actingAs(user.roles, (id) => (id === committee?._id ? committee.name : id === actedFor?._id ? actedFor.name : null)), committee?.name ?? null),
  };
}
