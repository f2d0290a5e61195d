import type { PersonKind } from '../person';
import type { PoliticalStatus } from '../political-status';

/** The notice: 申报成员由师生党员组成（可含积极分子、发展对象），可跨学院、跨部门、师生联合申报. */
export const MAX_TEAM_MEMBERS = 15;
/** An invitation card is valid for a week. */
export const INVITATION_DAYS = 7;

export interface TeamMember {
  _id: string;
  version: number;
  projectId: string;
  userId: string;
  name: string;
  kind: PersonKind;
  committeeId: string;
  politicalStatus: PoliticalStatus;
  joinedAt: string;
}

export interface Invitation {
  _id: string;
  version: number;
  projectId: string;
  hostId: string;
  status: 'open' | 'revoked';
  createdAt: string;
  expiresAt: string;
}

/** The team can change while the host can still edit the application. */
export function teamIsOpen(state: string): boolean {
  return state === 'draft' || state === 'returned';
}
