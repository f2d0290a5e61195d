import type { PoliticalStatus } from './political-status';
import type { RoleGrant } from './roles';

export const PERSON_KINDS = ['teacher', 'student'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = { teacher: '教职工', student: '学生' };

/** What a person tells about themselves when binding their WeChat identity, once. */
export interface Profile {
  name: string;
  staffNo: string;
  kind: PersonKind;
  committeeId: string;
  branchId: string;
  politicalStatus: PoliticalStatus;
  /** 党务工作者: hosts normally are (a warning, not a block). */
  isPartyWorker: boolean;
}

/** A user document: identity from the WeChat context, profile bound once, roles granted by others. */
export interface User {
  _id: string;
  version: number;
  openid: string;
  profile: Profile;
  /** The committee confirms a bound profile. */
  profileStatus: 'pending' | 'confirmed';
  roles: RoleGrant[];
  createdAt: string;
}
