/**
 * Political status of a person. The notice: teams are 师生党员 and may include
 * 入党积极分子 and 发展对象; nobody else can join a project team.
 */
export const POLITICAL_STATUSES = ['full_member', 'probationary_member', 'development_target', 'activist', 'other'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  full_member: '中共正式党员',
  probationary_member: '中共预备党员',
  development_target: '发展对象',
  activist: '入党积极分子',
  other: '其他',
};

const TEAM_ELIGIBLE: readonly PoliticalStatus[] = ['full_member', 'probationary_member', 'development_target', 'activist'];

export function canJoinProjectTeam(status: PoliticalStatus): boolean {
  return TEAM_ELIGIBLE.includes(status);
}
