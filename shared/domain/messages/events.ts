/**
 * Every event that concerns a person is a message to them (DESIGN.md "Messages"). This module
 * names the kinds, who hears about each, and what a subscription message says about it; the
 * server only gathers the parties (host, team, secretaries, 组织部) and writes the messages.
 */
import { approvalPagePath } from '../paperwork/notice';
import { BIND_PAGE } from '../pages';

export const EVENT_KINDS = [
  'project.submit',
  'project.withdraw',
  'project.return',
  'project.recommend',
  'project.notRecommend',
  'project.openReview',
  'project.publicize',
  'project.reject',
  'project.approve',
  'project.startCultivation',
  'project.submitMidterm',
  'project.passMidterm',
  'project.failMidterm',
  'project.submitFinal',
  'project.conclude',
  'project.failFinal',
  'funding.disbursed',
  'funding.matching',
  'funding.guidance',
  'funding.expenseOverride',
  'team.join',
  'batch.extend',
  'batch.extension',
  'batch.extensionWithdrawn',
  'notice.issue',
  'review.assigned',
  'review.unassigned',
  'review.objection',
  'review.objectionFinding',
  'profile.confirmed',
  'profile.returned',
  'role.granted',
  'role.revoked',
  'brand.accept',
  'brand.return',
  'brand.promote',
  'nudge',
  'reminder',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Who an event concerns:
 * - team: the host and the project's members;
 * - secretaries: the secretaries of the committee concerned;
 * - admins: the 组织部;
 * - subject: the one person it is about (a profile, a role, a reviewer's assignment);
 * - listed: people the caller names (hosts whose deadline moved, people nudged).
 */
export type Audience = 'team' | 'secretaries' | 'admins' | 'subject' | 'listed';

const TEAM_AND_COMMITTEE: readonly Audience[] = ['team', 'secretaries'];

export const EVENT_AUDIENCE: Record<EventKind, readonly Audience[]> = {
  'project.submit': ['secretaries'],
  'project.withdraw': ['secretaries'],
  'project.return': ['team'],
  'project.recommend': ['team'],
  'project.notRecommend': ['team'],
  // The 组织部's decisions: the team, and the committee that recommended the project.
  'project.openReview': TEAM_AND_COMMITTEE,
  'project.publicize': TEAM_AND_COMMITTEE,
  'project.reject': TEAM_AND_COMMITTEE,
  'project.approve': TEAM_AND_COMMITTEE,
  'project.startCultivation': TEAM_AND_COMMITTEE,
  'project.submitMidterm': ['secretaries', 'admins'],
  'project.passMidterm': TEAM_AND_COMMITTEE,
  'project.failMidterm': TEAM_AND_COMMITTEE,
  'project.submitFinal': ['team', 'admins'],
  'project.conclude': TEAM_AND_COMMITTEE,
  'project.failFinal': TEAM_AND_COMMITTEE,
  'funding.disbursed': TEAM_AND_COMMITTEE,
  'funding.matching': ['team'],
  'funding.guidance': ['team'],
  'funding.expenseOverride': ['admins'],
  'team.join': ['team'],
  'batch.extend': ['listed'],
  // 个别延期: the host (or the committee's hosts still drafting) and their secretaries, named by the caller.
  'batch.extension': ['listed'],
  'batch.extensionWithdrawn': ['listed'],
  // 立项通知: the hosts of the approved projects, with the public 立项 page.
  'notice.issue': ['listed'],
  'review.assigned': ['subject'],
  'review.unassigned': ['subject'],
  'review.objection': ['admins'],
  // The person who objected: the 组织部's finding on their objection.
  'review.objectionFinding': ['subject'],
  'profile.confirmed': ['subject'],
  'profile.returned': ['subject'],
  'role.granted': ['subject'],
  'role.revoked': ['subject'],
  'brand.accept': ['secretaries'],
  'brand.return': ['secretaries'],
  'brand.promote': ['secretaries'],
  nudge: ['listed'],
  reminder: ['subject'],
};

/** The people an event may reach; each list may be empty when the event has no such party. */
export interface Parties {
  hostId?: string | null;
  memberIds?: readonly string[];
  secretaryIds?: readonly string[];
  adminIds?: readonly string[];
  subjectId?: string | null;
  listedIds?: readonly string[];
}

/**
 * Who receives a message of `kind`: the parties its audience names, each once, without the
 * person who caused it (nobody is told of their own act).
 */
export function recipientsOf(kind: EventKind, parties: Parties, actorId: string | null): string[] {
  const out: string[] = [];
  for (const a of EVENT_AUDIENCE[kind]) {
    if (a === 'team') out.push(...(parties.hostId ? [parties.hostId] : []), ...(parties.memberIds ?? []));
    if (a === 'secretaries') out.push(...(parties.secretaryIds ?? []));
    if (a === 'admins') out.push(...(parties.adminIds ?? []));
    if (a === 'subject' && parties.subjectId) out.push(parties.subjectId);
    if (a === 'listed') out.push(...(parties.listedIds ?? []));
  }
  return [...new Set(out)].filter((id) => id !== '' && id !== actorId);
}

export const needsParty = (kind: EventKind, audience: Audience) => EVENT_AUDIENCE[kind].includes(audience);

/** How the 消息 list and the preview of a release name each kind. */
export const EVENT_LABELS: Record<EventKind, string> = {
  'project.submit': '申报已提交',
  'project.withdraw': '申报已撤回',
  'project.return': '退回修改',
  'project.recommend': '已推荐',
  'project.notRecommend': '未推荐',
  'project.openReview': '进入立项评审',
  'project.publicize': '进入公示',
  'project.reject': '未立项',
  'project.approve': '已立项',
  'project.startCultivation': '经费拨付',
  'project.submitMidterm': '中期材料已提交',
  'project.passMidterm': '中期验收通过',
  'project.failMidterm': '中期验收未通过',
  'project.submitFinal': '结项材料已报送',
  'project.conclude': '结项通过',
  'project.failFinal': '结项未通过',
  'funding.disbursed': '经费拨付',
  'funding.matching': '配套经费',
  'funding.guidance': '培育指导',
  'funding.expenseOverride': '超支登记',
  'team.join': '团队成员加入',
  'batch.extend': '截止日期延长',
  'batch.extension': '个别延期',
  'batch.extensionWithdrawn': '个别延期撤回',
  'notice.issue': '立项通知下发',
  'review.assigned': '评审任务',
  'review.unassigned': '评审任务取消',
  'review.objection': '公示异议',
  'review.objectionFinding': '异议处理结果',
  'profile.confirmed': '身份已确认',
  'profile.returned': '身份被退回',
  'role.granted': '角色授予',
  'role.revoked': '角色取消',
  'brand.accept': '品牌已认定',
  'brand.return': '品牌退回修改',
  'brand.promote': '品牌推广',
  nudge: '催办',
  reminder: '截止提醒',
};

/** The 审核结果 keyword (phrase: at most five Chinese characters) of each kind's subscription message. */
export function resultPhrase(kind: EventKind): string {
  const label = EVENT_LABELS[kind].replace(/[^\p{Script=Han}]/gu, '');
  return Array.from(label).slice(0, 5).join('') || '有更新';
}

const PROJECT_PAGE = '/packages/project/edit/index';

/** The page a message opens when the caller gives none: the thing it is about. */
export function defaultLink(kind: EventKind, entityId: string): string {
  if (kind.startsWith('project.') || kind.startsWith('funding.') || kind === 'team.join') return `${PROJECT_PAGE}?id=${entityId}`;
  if (kind === 'review.assigned' || kind === 'review.unassigned') return '/packages/review/mine/index';
  if (kind.startsWith('brand.')) return '/packages/brand/mine/index';
  if (kind === 'profile.returned') return BIND_PAGE;
  if (kind === 'batch.extend' || kind === 'batch.extension' || kind === 'batch.extensionWithdrawn') return '/pages/index/index';
  if (kind === 'notice.issue') return approvalPagePath(entityId);
  return '/pages/mine/index';
}
