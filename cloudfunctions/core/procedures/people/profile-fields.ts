import type { User } from '@shared/domain/person';
import type { Lookup } from '../../services/lookup';

/**
 * What every list of people shows of one person's profile (人员与角色, 待确认身份): their
 * committee and branch named. Prime the lookup's committees and branches for the page first.
 */
export async function profileFields(lookup: Lookup, u: User) {
  const [committeeName, branch] = await Promise.all([lookup.committeeName(u.profile.committeeId), lookup.branch(u.profile.branchId)]);
  return {
    userId: u._id,
    version: u.version,
    name: u.profile.name,
    staffNo: u.profile.staffNo,
    kind: u.profile.kind,
    committeeId: u.profile.committeeId,
    committeeName,
    branchName: branch?.name ?? '（支部已撤销）',
    politicalStatus: u.profile.politicalStatus,
    isPartyWorker: u.profile.isPartyWorker,
    boundAt: u.createdAt,
  };
}
