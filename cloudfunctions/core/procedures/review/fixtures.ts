import type { User } from '@shared/domain/person';

/** A confirmed teacher of a committee, optionally a reviewer, for tests of the review round. */
export function person(openid: string, name: string, committeeId: string, branchId: string, reviewer: boolean): Omit<User, 'version'> {
  return {
    _id: `u_${openid}`,
    openid,
    profile: { name, staffNo: `T${openid.length}${name.length}`, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed',
    roles: reviewer ? [{ role: 'member' }, { role: 'reviewer' }] : [{ role: 'member' }],
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}
