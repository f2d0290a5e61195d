// Types of seed-university.mjs, for the budget test (TypeScript) that seeds the same university.
import type { Store } from '../../cloudfunctions/core/ports/store';

export const NOW: Date;
export const BATCH_PAST: string;
export const BATCH_REVIEW: string;
export const BATCH_OPEN: string;
export const SIZES: { committees: number; branchesPerCommittee: number; users: number; admins: number; secretaries: number; reviewers: number };
export function committeeId(c: number): string;

export interface SeededPerson {
  openid: string;
  committee: number;
}
export interface SeededProject {
  _id: string;
  hostOpenid: string;
}
export interface SeededUniversity {
  who: { admins: string[]; secretaries: SeededPerson[]; reviewers: SeededPerson[]; members: SeededPerson[] };
  /** By batch id, then by state. */
  projects: Record<string, Record<string, SeededProject[]>>;
  brands: { promoted: string[]; all: string[] };
  counts: Record<string, number>;
}
export function seedUniversity(store: Store): Promise<SeededUniversity>;
