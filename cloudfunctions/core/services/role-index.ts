import type { Role, RoleGrant } from '@shared/domain/roles';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';

/**
 * Who holds a role, queryable: roles live inline on each user, so this index (one document per
 * user and role) answers "every admin" or "the reviewers" without reading every user.
 */
export interface RoleEntry extends StoredDoc {
  role: Role;
  userId: string;
  committeeId: string | null;
}

export const roleEntryId = (userId: string, grant: RoleGrant) => `${grant.role}:${grant.committeeId ?? '-'}:${userId}`;

/** Writes the index entries of a user's grants (idempotent: existing entries are kept). */
export async function indexRoles(tx: StoreOps, userId: string, grants: readonly RoleGrant[]): Promise<void> {
  for (const g of grants) {
    if (g.role === 'member') continue; // every bound user is a member; nobody asks for "all members"
    const _id = roleEntryId(userId, g);
    if (await tx.get<RoleEntry>('roleIndex', _id)) continue;
    await tx.insert<RoleEntry>('roleIndex', { _id, role: g.role, userId, committeeId: g.committeeId ?? null });
  }
}

/** The users holding `role` (for a committee, when given), read in pages. */
export async function usersWithRole(store: StoreOps, role: Role, committeeId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<RoleEntry>('roleIndex', { where: committeeId ? { role, committeeId } : { role }, limit: MAX_PAGE, skip });
    ids.push(...page.map((e) => e.userId));
    if (page.length < MAX_PAGE) return [...new Set(ids)];
  }
}

/** Every entry of a role (with its committee), read in pages. */
export async function roleEntries(store: StoreOps, role: Role): Promise<RoleEntry[]> {
  const out: RoleEntry[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<RoleEntry>('roleIndex', { where: { role }, limit: MAX_PAGE, skip });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}
