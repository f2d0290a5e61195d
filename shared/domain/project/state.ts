import type { BatchCalendar } from '../batch';
import { CAMPUS_ZONE, dateIn, formatDeadline, isBeforeDeadline } from '../../time/deadline';

/**
 * The flagship project's lifecycle (DESIGN.md, notice 三(二)): 申报 → 基层党委推荐 → 立项评审 →
 * 公示 → 立项 → 培育 → 中期验收 → 结项验收. Who may move a project, and until when, is decided here;
 * the server only adds scope (which committee), versions and the audit line.
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

/** Every move of the lifecycle. */
export const LIFECYCLE_ACTIONS = [
  'submit',
  'withdraw',
  'return',
  'recommend',
  'notRecommend',
  'openReview',
  'publicize',
  'reject',
  'approve',
  'startCultivation',
  'submitMidterm',
  'passMidterm',
  'failMidterm',
  'submitFinal',
  'conclude',
  'failFinal',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * The host's application moves, used by the submission procedures. Kept narrow because the
 * server keys a label table by it; new code should use LifecycleAction.
 */
export const PROJECT_ACTIONS = ['submit', 'withdraw'] as const satisfies readonly LifecycleAction[];
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Who performs a move: the host, the secretary of the project's own committee, or the 组织部. */
export const PROJECT_ACTORS = ['host', 'secretary', 'admin'] as const;
export type ProjectActor = (typeof PROJECT_ACTORS)[number];

export const ACTOR_LABELS: Record<ProjectActor, string> = {
  host: '项目主持人',
  secretary: '项目所在基层党委（总支）',
  admin: '党委组织部',
};

export const ACTION_LABELS: Record<LifecycleAction, string> = {
  submit: '提交申报',
  withdraw: '撤回申报',
  return: '退回修改',
  recommend: '推荐',
  notRecommend: '不予推荐',
  openReview: '开始立项评审',
  publicize: '公示',
  reject: '不予立项',
  approve: '立项',
  startCultivation: '开始培育',
  submitMidterm: '提交中期验收材料',
  passMidterm: '中期验收通过',
  failMidterm: '中期验收不通过（终止项目）',
  submitFinal: '提交结项材料',
  conclude: '结项验收通过',
  failFinal: '结项验收不通过',
};

export interface Transition {
  from: readonly ProjectState[];
  to: ProjectState;
  actor: ProjectActor;
  /** The decision must say why (the 推荐意见, the reason for returning or refusing). */
  needsComment?: boolean;
  /** The committee ranks what it recommends (择优推荐). */
  needsRank?: boolean;
}

export const TRANSITIONS: Readonly<Record<LifecycleAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', actor: 'host' },
  // A host may take back a submission nobody has decided yet.
  withdraw: { from: ['submitted'], to: 'draft', actor: 'host' },
  return: { from: ['submitted'], to: 'returned', actor: 'secretary', needsComment: true },
  recommend: { from: ['submitted'], to: 'recommended', actor: 'secretary', needsComment: true, needsRank: true },
  notRecommend: { from: ['submitted'], to: 'not_recommended', actor: 'secretary', needsComment: true },
  openReview: { from: ['recommended'], to: 'under_review', actor: 'admin' },
  publicize: { from: ['under_review'], to: 'in_publicity', actor: 'admin' },
  // An objection during the 公示 can still stop a project.
  reject: { from: ['under_review', 'in_publicity'], to: 'rejected', actor: 'admin', needsComment: true },
  approve: { from: ['in_publicity'], to: 'approved', actor: 'admin' },
  startCultivation: { from: ['approved'], to: 'cultivating', actor: 'admin' },
  submitMidterm: { from: ['cultivating'], to: 'midterm_review', actor: 'host' },
  passMidterm: { from: ['midterm_review'], to: 'cultivating', actor: 'admin' },
  failMidterm: { from: ['midterm_review'], to: 'terminated', actor: 'admin', needsComment: true },
  // 结项材料 are prepared by the host and submitted by the committee (notice 三(二)4).
  submitFinal: { from: ['cultivating'], to: 'final_review', actor: 'secretary' },
  conclude: { from: ['final_review'], to: 'concluded', actor: 'admin' },
  failFinal: { from: ['final_review'], to: 'failed', actor: 'admin', needsComment: true },
};

/** Every state some chain of moves leads to from `start`, `start` included, in lifecycle order. */
function reachableFrom(start: ProjectState): readonly ProjectState[] {
  const seen = new Set<ProjectState>([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of Object.values(TRANSITIONS)) {
      if (!seen.has(t.to) && t.from.some((f) => seen.has(f))) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return PROJECT_STATES.filter((s) => seen.has(s));
}

/**
 * Recommended by the committee, then wherever the 立项评审 took it: `recommended` and every state
 * the moves lead to from there (read off TRANSITIONS, so a new state joins by itself). The rank
 * and 推荐意见 stay with the project in all of them.
 */
export const RECOMMENDED_ONWARD_STATES: readonly ProjectState[] = reachableFrom('recommended');

export function isRecommendedOnward(state: ProjectState): boolean {
  return RECOMMENDED_ONWARD_STATES.includes(state);
}

/** 立项 and every state after it: the projects with a grant, a 中期 and a 结项 (培育与验收). */
export const FUNDED_STATES: readonly ProjectState[] = reachableFrom('approved');

export function isFunded(state: ProjectState): boolean {
  return FUNDED_STATES.includes(state);
}

/** Where a project can be once 立项评审 has begun: reviewers are assigned, and score, only under review. */
export const UNDER_REVIEW_ONWARD_STATES: readonly ProjectState[] = reachableFrom('under_review');

const TERMINAL: readonly ProjectState[] = ['terminated', 'concluded', 'failed', 'rejected', 'not_recommended'];

export function isTerminal(state: ProjectState): boolean {
  return TERMINAL.includes(state);
}

/** The state an action leads to, or null when it does not apply; no actor or calendar check. */
export function nextState(from: ProjectState, action: LifecycleAction): ProjectState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Actions that apply to a state, optionally only those of one actor, in lifecycle order. */
export function actionsFrom(state: ProjectState, actor?: ProjectActor): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state) && (!actor || TRANSITIONS[a].actor === actor));
}

export function canEditApplication(state: ProjectState): boolean {
  return state === 'draft' || state === 'returned';
}

/** The host prepares the 结项 materials (not a state change) once the midterm has passed. */
export function canPrepareFinal(state: ProjectState, midtermPassed: boolean): boolean {
  return state === 'cultivating' && midtermPassed;
}

export type TransitionRefusal = 'INVALID_TRANSITION' | 'FORBIDDEN' | 'DEADLINE_PASSED' | 'TOO_EARLY';

export type TransitionCheck =
  | { ok: true; to: ProjectState }
  | { ok: false; code: TransitionRefusal; message: string };

export interface TransitionRequest {
  state: ProjectState;
  action: LifecycleAction;
  /** The role the caller holds toward this project, resolved (with its scope) by the server. */
  actorRole: ProjectActor;
  /** Whether the project has passed its 中期验收 (read from its history). */
  midtermPassed: boolean;
  now: Date;
  calendar: BatchCalendar;
  zone?: string;
}

/** "2022年7月20日" from "2022-07-20". */
function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const refuse = (code: TransitionRefusal, message: string): TransitionCheck => ({ ok: false, code, message });

/**
 * Whether `actorRole` may perform `action` on a project in `state` at `now`. Checks, in order:
 * the actor (FORBIDDEN), the state (INVALID_TRANSITION), the midterm, then the calendar.
 */
export function checkTransition(req: TransitionRequest): TransitionCheck {
  const { state, action, actorRole, midtermPassed, now, calendar } = req;
  const zone = req.zone ?? CAMPUS_ZONE;
  const t = TRANSITIONS[action];
  const label = ACTION_LABELS[action];

  if (actorRole !== t.actor) return refuse('FORBIDDEN', `「${label}」只能由${ACTOR_LABELS[t.actor]}进行。`);
  if (!t.from.includes(state)) {
    return refuse('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[state]}」，不能进行「${label}」。`);
  }
  if (action === 'submitMidterm' && midtermPassed) {
    return refuse('INVALID_TRANSITION', '项目已通过中期验收，不能再次提交中期验收材料。');
  }
  if (action === 'submitFinal' && !midtermPassed) {
    return refuse('TOO_EARLY', '项目通过中期验收后才能提交结项材料。');
  }

  const passed = (date: string) => !isBeforeDeadline(date, now, zone);
  switch (action) {
    case 'submit':
    case 'withdraw':
      if (passed(calendar.submissionDeadline)) {
        return refuse('DEADLINE_PASSED', `申报已于 ${formatDeadline(calendar.submissionDeadline, zone)} 截止，不能再「${label}」。如有特殊情况请联系党委组织部。`);
      }
      break;
    case 'return':
    case 'recommend':
    case 'notRecommend':
      if (calendar.recommendationDeadline && passed(calendar.recommendationDeadline)) {
        return refuse('DEADLINE_PASSED', `推荐已于 ${formatDeadline(calendar.recommendationDeadline, zone)} 截止，不能再「${label}」。如有特殊情况请联系党委组织部。`);
      }
      break;
    case 'publicize':
      if (calendar.publicityStart && dateIn(now, zone) < calendar.publicityStart) {
        return refuse('TOO_EARLY', `公示期自 ${formatDate(calendar.publicityStart)}（北京时间）开始，届时才能公示。`);
      }
      // Publicising after the period has ended would let approval follow at once.
      if (calendar.publicityEnd && passed(calendar.publicityEnd)) {
        return refuse('DEADLINE_PASSED', `批次日程中的公示期已于 ${formatDeadline(calendar.publicityEnd, zone)} 结束，请先调整公示期再公示。`);
      }
      break;
    case 'approve':
      if (!calendar.publicityEnd) return refuse('TOO_EARLY', '批次日程尚未设定公示期，公示期满后才能立项。');
      if (!passed(calendar.publicityEnd)) {
        return refuse('TOO_EARLY', `公示期至 ${formatDeadline(calendar.publicityEnd, zone)} 结束，期满后才能立项。`);
      }
      break;
    default:
      break;
  }
  return { ok: true, to: t.to };
}

export type DecisionCheck = { ok: true } | { ok: false; code: 'VALIDATION'; message: string };

/** The comment (and rank) a decision must carry, per TRANSITIONS. */
export function checkDecisionInput(action: LifecycleAction, input: { comment?: string; rank?: number }): DecisionCheck {
  const t = TRANSITIONS[action];
  if (t.needsComment && !(input.comment ?? '').trim()) {
    const what = action === 'recommend' ? '推荐意见' : '理由';
    return { ok: false, code: 'VALIDATION', message: `「${ACTION_LABELS[action]}」须填写${what}。` };
  }
  if (t.needsRank && !(Number.isSafeInteger(input.rank) && (input.rank ?? 0) >= 1)) {
    return { ok: false, code: 'VALIDATION', message: '推荐须填写排序（从 1 开始的整数）。' };
  }
  return { ok: true };
}
