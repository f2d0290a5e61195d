import type { PoliticalStatus } from './political-status';
import type { PersonKind, Profile } from './person';
import type { RoleGrant } from './roles';

/**
 * A person the 组织部 pre-registered by importing the roster (人员名册). Whoever binds with the
 * same 工号/学号, name, committee and branch is confirmed at once with the roles listed; an entry
 * is used by one binding only (`claimedBy`), so a second person with the same number waits for
 * their committee like anyone else.
 */
export interface RosterEntry {
  _id: string;
  version: number;
  staffNo: string;
  name: string;
  kind: PersonKind;
  committeeId: string;
  branchId: string;
  politicalStatus: PoliticalStatus;
  isPartyWorker: boolean;
  /** 书记/组织员 of their own committee. */
  secretary: boolean;
  reviewer: boolean;
  /** The user who bound as this entry (confirmed at once). */
  claimedBy?: string | null;
}

/** One entry per 工号/学号 (the number's format keeps the id safe). */
export const rosterId = (staffNo: string) => `r_${staffNo}`;

export function rosterRoles(entry: Pick<RosterEntry, 'secretary' | 'reviewer' | 'committeeId'>): RoleGrant[] {
  const roles: RoleGrant[] = [{ role: 'member' }];
  if (entry.secretary) roles.push({ role: 'secretary', committeeId: entry.committeeId });
  if (entry.reviewer) roles.push({ role: 'reviewer' });
  return roles;
}

export interface UnitNames {
  committee(id: string): string;
  branch(id: string): string;
}

/**
 * How a binding differs from the roster entry with the same 工号/学号, in words the committee
 * reads when confirming ([] when it matches and may be confirmed at once).
 */
export function rosterDifferences(entry: Omit<RosterEntry, '_id' | 'version'>, profile: Profile, names: UnitNames): string[] {
  const out: string[] = [];
  if (entry.claimedBy) out.push(`名册中的 ${entry.staffNo} 已由另一微信账号绑定`);
  if (entry.name !== profile.name) out.push(`名册姓名为“${entry.name}”，本人填写“${profile.name}”`);
  if (entry.committeeId !== profile.committeeId) out.push(`名册单位为${names.committee(entry.committeeId)}，本人填写${names.committee(profile.committeeId)}`);
  else if (entry.branchId !== profile.branchId) out.push(`名册支部为${names.branch(entry.branchId)}，本人填写${names.branch(profile.branchId)}`);
  return out;
}
