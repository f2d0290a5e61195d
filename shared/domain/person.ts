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

export const PROFILE_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];
export const PROFILE_STATUS_LABELS: Record<ProfileStatus, string> = { pending: '待确认', confirmed: '已确认', rejected: '已退回' };

/**
 * What a person whose profile is not confirmed yet may already do: look at the batches, their
 * own (empty) lists and to-dos, an invitation they were sent, and their reminder settings. Every
 * other signed-in procedure waits for their committee's confirmation.
 */
export const OPEN_BEFORE_CONFIRMATION: ReadonlySet<string> = new Set([
  'batch.list',
  'batch.get',
  'project.listMine',
  'project.listJoined',
  'team.preview',
  'todo.mine',
  'subscribe.templates',
  'subscribe.record',
  // A waiting or returned profile reads why in 消息.
  'messages.list',
  'messages.unreadCount',
  'messages.markRead',
  'messages.markAllRead',
]);

/** Why a signed-in person may not act yet, or null when their profile is confirmed. */
export function unconfirmedMessage(user: Pick<User, 'profileStatus' | 'rejectReason'>): string | null {
  if (user.profileStatus === 'confirmed') return null;
  if (user.profileStatus === 'rejected') {
    return `所在基层党委退回了您的身份信息${user.rejectReason ? `（${user.rejectReason}）` : ''}，请在“我的”中修改后重新提交`;
  }
  return '您的身份正在等待所在基层党委确认，确认后即可办理；如较急，请联系本党委书记或组织员';
}

/** A user document: identity from the WeChat context, profile bound once, roles granted by others. */
export interface User {
  _id: string;
  version: number;
  openid: string;
  profile: Profile;
  /** The committee confirms a bound profile (or returns it with a reason, to be corrected). */
  profileStatus: ProfileStatus;
  /** Why the committee returned the profile (when `rejected`). */
  rejectReason?: string | null;
  roles: RoleGrant[];
  createdAt: string;
  /** Set at binding when a roster entry with the same 工号/学号 differs: shown to the committee. */
  rosterDifferences?: string[];
  /** Pinyin order of the name, derived by the server whenever the profile is written (absent until then, or until the backfill). */
  nameSort?: string;
  /** What a people search may start: pinyin, initials, parts of the name, the 工号/学号 (derived with nameSort). */
  searchKeys?: string[];
}
