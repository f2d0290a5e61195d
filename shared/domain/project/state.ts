/**
 * The flagship project's states (DESIGN.md). This slice moves only draft ⇄ submitted;
 * the later lifecycle adds its transitions to TRANSITIONS.
 */
export const PROJECT_STATES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'not_recommended',
  'under_review',
  'in_publicity',
  'approved',
  'rejected',
  'cultivating',
  'midterm_review',
  'terminated',
  'final_review',
  'concluded',
  'failed',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_STATE_LABELS: Record<ProjectState, string> = {
  draft: '草稿',
  submitted: '已提交基层党委',
  returned: '退回修改',
  recommended: '已推荐',
  not_recommended: '未推荐',
  under_review: '立项评审中',
  in_publicity: '公示中',
  approved: '已立项',
  rejected: '未立项',
  cultivating: '培育中',
  midterm_review: '中期验收中',
  terminated: '已终止',
  final_review: '结项验收中',
  concluded: '已结项',
  failed: '结项未通过',
};

export const PROJECT_ACTIONS = ['submit', 'withdraw'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

interface Transition {
  from: readonly ProjectState[];
  to: ProjectState;
}

const TRANSITIONS: Record<ProjectAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  // A host may take back a submission nobody has decided yet.
  withdraw: { from: ['submitted'], to: 'draft' },
};

export function nextState(from: ProjectState, action: ProjectAction): ProjectState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function canEditApplication(state: ProjectState): boolean {
  return state === 'draft' || state === 'returned';
}
