import type { User } from '@shared/domain/person';
import type { StoreOps } from '../../ports/store';
import { getMany } from '../../services/read-many';
import { roleEntries } from '../../services/role-index';

/** The people who hold a role the review round needs: reviewers, the 组织部, committee secretaries. */
export interface RoleHolders {
  reviewers: User[];
  adminIds: string[];
  /** Committee id → its secretaries' user ids. */
  secretaries: Map<string, string[]>;
}

/** Read from the role index: one page per hundred role holders, not a read of every user. */
export async function roleHolders(store: StoreOps): Promise<RoleHolders> {
  const [reviewerEntries, adminEntries, secretaryEntries] = await Promise.all([
    roleEntries(store, 'reviewer'),
    roleEntries(store, 'admin'),
    roleEntries(store, 'secretary'),
  ]);
  const reviewerIds = [...new Set(reviewerEntries.map((e) => e.userId))];
  const found = await getMany<User>(store, 'users', reviewerIds);
  const reviewers = reviewerIds.map((id) => found.get(id)).filter((u): u is User => u !== undefined);
  const secretaries = new Map<string, string[]>();
  for (const e of secretaryEntries) {
    if (e.committeeId) secretaries.set(e.committeeId, [...(secretaries.get(e.committeeId) ?? []), e.userId]);
  }
  return { reviewers, adminIds: [...new Set(adminEntries.map((e) => e.userId))], secretaries };
}

export function secretariesOf(holders: RoleHolders, committeeId: string): string[] {
  return holders.secretaries.get(committeeId) ?? [];
}
