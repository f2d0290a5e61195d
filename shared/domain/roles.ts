/**
 * Roles a person can hold. Scoped roles carry the committee they apply to: a secretary
 * of 计算机学院党委 sees only that committee's applications.
 */
export const ROLES = ['member', 'secretary', 'admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '基层党委书记/组织员',
  admin: '党委组织部',
  reviewer: '评审专家',
};

export interface RoleGrant {
  role: Role;
  /** Set for committee-scoped roles (secretary). */
  committeeId?: string;
}

export function hasRole(grants: readonly RoleGrant[], role: Role): boolean {
  return grants.some((g) => g.role === role);
}

/** Committees a person acts for as secretary. */
export function secretaryCommittees(grants: readonly RoleGrant[]): string[] {
  return grants.filter((g) => g.role === 'secretary' && g.committeeId).map((g) => g.committeeId as string);
}

export function canActForCommittee(grants: readonly RoleGrant[], committeeId: string): boolean {
  return hasRole(grants, 'admin') || secretaryCommittees(grants).includes(committeeId);
}
