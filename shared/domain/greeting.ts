import { hasRole, secretaryCommittees, type RoleGrant } from './roles';

/**
 * The role a person acts in, as the greeting names it (the 组织部 first, then a committee's
 * secretary, then a reviewer); null for a member, whose committee is all there is to say.
 * `committeeName` names a committee by id (the secretary's may not be their own).
 */
export function actingAs(roles: readonly RoleGrant[], committeeName: (id: string) => string | null): string | null {
  if (hasRole(roles, 'admin')) return '党委组织部';
  const committees = secretaryCommittees(roles);
  if (committees.length > 0) {
    const name = committeeName(committees[0]);
    return `${name ?? '基层党委'}书记/组织员${committees.length > 1 ? `（另${committees.length - 1}个党委）` : ''}`;
  }
  if (hasRole(roles, 'reviewer')) return '评审专家';
  return null;
}

/** The greeting's second line: the role acted in, then the person's own committee when it adds something. */
export function greetingLine(acting: string | null, ownCommittee: string | null): string {
  if (!acting) return ownCommittee ?? '';
  if (!ownCommittee || acting.startsWith(ownCommittee)) return acting;
  return `${acting} · ${ownCommittee}`;
}
