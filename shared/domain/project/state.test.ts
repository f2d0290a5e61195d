import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchCalendar } from '../batch';
import {
  ACTION_LABELS,
  actionsFrom,
  canEditApplication,
  canPrepareFinal,
  checkDecisionInput,
  checkTransition,
  isRecommendedOnward,
  isTerminal,
  LIFECYCLE_ACTIONS,
  nextState,
  PROJECT_ACTORS,
  PROJECT_STATES,
  TRANSITIONS,
  type LifecycleAction,
  type ProjectActor,
  type ProjectState,
} from './state';

// Written out by hand from DESIGN.md, not derived from TRANSITIONS, so the table is checked against it.
const ALLOWED: Record<LifecycleAction, { actor: ProjectActor; moves: Partial<Record<ProjectState, ProjectState>> }> = {
  submit: { actor: 'host', moves: { draft: 'submitted', returned: 'submitted' } },
  withdraw: { actor: 'host', moves: { submitted: 'draft' } },
  return: { actor: 'secretary', moves: { submitted: 'returned' } },
  recommend: { actor: 'secretary', moves: { submitted: 'recommended' } },
  notRecommend: { actor: 'secretary', moves: { submitted: 'not_recommended' } },
  openReview: { actor: 'admin', moves: { recommended: 'under_review' } },
  publicize: { actor: 'admin', moves: { under_review: 'in_publicity' } },
  reject: { actor: 'admin', moves: { under_review: 'rejected', in_publicity: 'rejected' } },
  approve: { actor: 'admin', moves: { in_publicity: 'approved' } },
  startCultivation: { actor: 'admin', moves: { approved: 'cultivating' } },
  submitMidterm: { actor: 'host', moves: { cultivating: 'midterm_review' } },
  passMidterm: { actor: 'admin', moves: { midterm_review: 'cultivating' } },
  failMidterm: { actor: 'admin', moves: { midterm_review: 'terminated' } },
  submitFinal: { actor: 'secretary', moves: { cultivating: 'final_review' } },
  conclude: { actor: 'admin', moves: { final_review: 'concluded' } },
  failFinal: { actor: 'admin', moves: { final_review: 'failed' } },
};

// Calendars that bound nothing at NOW: submission still open; for 立项, the publicity long over.
const OPEN: BatchCalendar = { submissionDeadline: '2099-12-31', recommendationDeadline: '2099-12-31' };
const AFTER_PUBLICITY: BatchCalendar = { ...OPEN, publicityStart: '2000-01-01', publicityEnd: '2000-01-02' };
const NOW = new Date('2022-06-20T02:00:00Z');
const calendarFor = (action: LifecycleAction) => (action === 'approve' ? AFTER_PUBLICITY : OPEN);

// The midterm flag each action needs to be possible at all.
const midtermFor = (action: LifecycleAction) => action === 'submitFinal';

const cases = PROJECT_STATES.flatMap((state) => LIFECYCLE_ACTIONS.map((action) => ({ state, action })));

describe('the project state machine: every state × action, by the right actor', () => {
  it('covers all 15 states × 16 actions', () => {
    expect(cases).toHaveLength(240);
  });

  it.each(cases)('$action from $state', ({ state, action }) => {
    const expected = ALLOWED[action].moves[state];
    const check = checkTransition({ state, action, actorRole: ALLOWED[action].actor, midtermPassed: midtermFor(action), now: NOW, calendar: calendarFor(action) });
    if (expected) {
      expect(check).toEqual({ ok: true, to: expected });
      expect(nextState(state, action)).toBe(expected);
    } else {
      expect(check).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
      expect(nextState(state, action)).toBeNull();
    }
  });

  it('names the current state and the action when refusing', () => {
    const check = checkTransition({ state: 'in_publicity', action: 'startCultivation', actorRole: 'admin', midtermPassed: false, now: NOW, calendar: OPEN });
    expect(check).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: '项目当前为「公示中」，不能进行「开始培育」。' });
  });

  it('matches the exported table', () => {
    for (const action of LIFECYCLE_ACTIONS) {
      expect(TRANSITIONS[action].actor).toBe(ALLOWED[action].actor);
      expect([...TRANSITIONS[action].from].sort()).toEqual(Object.keys(ALLOWED[action].moves).sort());
    }
  });
});

describe('who may act', () => {
  const wrong = LIFECYCLE_ACTIONS.flatMap((action) =>
    PROJECT_ACTORS.filter((a) => a !== ALLOWED[action].actor).map((actorRole) => ({ action, actorRole })),
  );

  it.each(wrong)('refuses $action by $actorRole', ({ action, actorRole }) => {
    const state = Object.keys(ALLOWED[action].moves)[0] as ProjectState;
    const check = checkTransition({ state, action, actorRole, midtermPassed: midtermFor(action), now: NOW, calendar: calendarFor(action) });
    expect(check).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('says who may act', () => {
    expect(checkTransition({ state: 'submitted', action: 'recommend', actorRole: 'host', midtermPassed: false, now: NOW, calendar: OPEN })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '「推荐」只能由项目所在基层党委（总支）进行。',
    });
  });

  it('has the committee, not the host, submit the 结项 materials', () => {
    expect(TRANSITIONS.submitFinal.actor).toBe('secretary');
    expect(canPrepareFinal('cultivating', true)).toBe(true);
    expect(canPrepareFinal('cultivating', false)).toBe(false);
    expect(canPrepareFinal('final_review', true)).toBe(false);
  });
});

describe('the midterm', () => {
  const base = { state: 'cultivating' as const, now: NOW, calendar: OPEN };

  it('is submitted once: not again after it was passed', () => {
    expect(checkTransition({ ...base, action: 'submitMidterm', actorRole: 'host', midtermPassed: false })).toEqual({ ok: true, to: 'midterm_review' });
    expect(checkTransition({ ...base, action: 'submitMidterm', actorRole: 'host', midtermPassed: true })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
  });

  it('comes before the 结项', () => {
    expect(checkTransition({ ...base, action: 'submitFinal', actorRole: 'secretary', midtermPassed: false })).toEqual({
      ok: false,
      code: 'TOO_EARLY',
      message: '项目通过中期验收后才能提交结项材料。',
    });
    expect(checkTransition({ ...base, action: 'submitFinal', actorRole: 'secretary', midtermPassed: true })).toEqual({ ok: true, to: 'final_review' });
  });
});

describe('terminal states and the actions each state offers', () => {
  it('ends in terminated, concluded, failed, rejected and not_recommended, with nothing to do after', () => {
    expect(PROJECT_STATES.filter(isTerminal)).toEqual(['not_recommended', 'rejected', 'terminated', 'concluded', 'failed']);
    for (const s of PROJECT_STATES.filter(isTerminal)) expect(actionsFrom(s)).toEqual([]);
    for (const s of PROJECT_STATES.filter((s) => !isTerminal(s))) expect(actionsFrom(s).length).toBeGreaterThan(0);
  });

  it('lists the actions of a state, optionally for one actor', () => {
    expect(actionsFrom('submitted')).toEqual(['withdraw', 'return', 'recommend', 'notRecommend']);
    expect(actionsFrom('submitted', 'secretary')).toEqual(['return', 'recommend', 'notRecommend']);
    expect(actionsFrom('submitted', 'host')).toEqual(['withdraw']);
    expect(actionsFrom('cultivating')).toEqual(['submitMidterm', 'submitFinal']);
    expect(actionsFrom('in_publicity', 'host')).toEqual([]);
  });

  it('labels every action in Chinese', () => {
    for (const a of LIFECYCLE_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets the host edit only drafts and returned applications', () => {
    expect(PROJECT_STATES.filter(canEditApplication)).toEqual(['draft', 'returned']);
  });
});

describe('decisions carry their reasons', () => {
  it('needs a comment to return, refuse or fail, and an opinion and rank to recommend', () => {
    expect(checkDecisionInput('return', {})).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(checkDecisionInput('return', { comment: '  ' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(checkDecisionInput('return', { comment: '预算不完整' })).toEqual({ ok: true });
    expect(checkDecisionInput('recommend', { comment: '同意推荐' })).toEqual({ ok: false, code: 'VALIDATION', message: '推荐须填写排序（从 1 开始的整数）。' });
    expect(checkDecisionInput('recommend', { comment: '同意推荐', rank: 0 })).toMatchObject({ ok: false });
    expect(checkDecisionInput('recommend', { comment: '同意推荐', rank: 1.5 })).toMatchObject({ ok: false });
    expect(checkDecisionInput('recommend', { rank: 1 })).toEqual({ ok: false, code: 'VALIDATION', message: '「推荐」须填写推荐意见。' });
    expect(checkDecisionInput('recommend', { comment: '同意推荐', rank: 1 })).toEqual({ ok: true });
    for (const a of ['notRecommend', 'reject', 'failMidterm', 'failFinal'] as const) {
      expect(checkDecisionInput(a, {})).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    for (const a of ['submit', 'withdraw', 'openReview', 'publicize', 'approve', 'startCultivation', 'passMidterm', 'conclude'] as const) {
      expect(checkDecisionInput(a, {})).toEqual({ ok: true });
    }
  });
});

// The calendar must not depend on the zone of the machine the rule runs on.
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];
const original = process.env.TZ;

describe.each(ZONES)('calendar edges in Beijing time, server in %s', (zone) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  const calendar: BatchCalendar = {
    submissionDeadline: '2022-06-29',
    recommendationDeadline: '2022-07-08',
    publicityStart: '2022-07-20',
    publicityEnd: '2022-07-26',
  };
  const LAST = (date: string) => new Date(`${date}T15:59:59.000Z`); // 23:59:59 +08 that day
  const NEXT = (date: string) => new Date(`${date}T16:00:00.000Z`); // 00:00:00 +08 the day after
  const check = (state: ProjectState, action: LifecycleAction, actorRole: ProjectActor, now: Date, cal: BatchCalendar = calendar) =>
    checkTransition({ state, action, actorRole, midtermPassed: false, now, calendar: cal });

  it('takes submissions and withdrawals until 23:59:59 on the deadline day', () => {
    expect(check('draft', 'submit', 'host', LAST('2022-06-29'))).toEqual({ ok: true, to: 'submitted' });
    expect(check('returned', 'submit', 'host', LAST('2022-06-29'))).toEqual({ ok: true, to: 'submitted' });
    expect(check('submitted', 'withdraw', 'host', LAST('2022-06-29'))).toEqual({ ok: true, to: 'draft' });
  });

  it('refuses them from 00:00:00 the next day, naming the deadline', () => {
    expect(check('draft', 'submit', 'host', NEXT('2022-06-29'))).toEqual({
      ok: false,
      code: 'DEADLINE_PASSED',
      message: '申报已于 2022年6月29日 23:59（北京时间） 截止，不能再「提交申报」。如有特殊情况请联系党委组织部。',
    });
    expect(check('submitted', 'withdraw', 'host', NEXT('2022-06-29'))).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
  });

  it('bounds the committee decisions by the recommendation deadline', () => {
    for (const action of ['return', 'recommend', 'notRecommend'] as const) {
      expect(check('submitted', action, 'secretary', LAST('2022-07-08'))).toMatchObject({ ok: true });
      const late = check('submitted', action, 'secretary', NEXT('2022-07-08'));
      expect(late).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
      expect(late.ok || late.message).toContain('2022年7月8日 23:59（北京时间）');
    }
  });

  it('leaves committee decisions unbounded when the batch sets no recommendation deadline', () => {
    const noRecommendation: BatchCalendar = { submissionDeadline: '2022-06-29' };
    expect(check('submitted', 'recommend', 'secretary', new Date('2030-01-01T00:00:00Z'), noRecommendation)).toEqual({ ok: true, to: 'recommended' });
  });

  it('publicises from the first day of the publicity period, not after it ended', () => {
    expect(check('under_review', 'publicize', 'admin', LAST('2022-07-19'))).toEqual({
      ok: false,
      code: 'TOO_EARLY',
      message: '公示期自 2022年7月20日（北京时间）开始，届时才能公示。',
    });
    expect(check('under_review', 'publicize', 'admin', NEXT('2022-07-19'))).toEqual({ ok: true, to: 'in_publicity' });
    expect(check('under_review', 'publicize', 'admin', LAST('2022-07-26'))).toEqual({ ok: true, to: 'in_publicity' });
    expect(check('under_review', 'publicize', 'admin', NEXT('2022-07-26'))).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
  });

  it('approves only once the publicity period is over', () => {
    expect(check('in_publicity', 'approve', 'admin', LAST('2022-07-26'))).toEqual({
      ok: false,
      code: 'TOO_EARLY',
      message: '公示期至 2022年7月26日 23:59（北京时间） 结束，期满后才能立项。',
    });
    expect(check('in_publicity', 'approve', 'admin', NEXT('2022-07-26'))).toEqual({ ok: true, to: 'approved' });
  });

  it('does not approve without a publicity period in the calendar', () => {
    expect(check('in_publicity', 'approve', 'admin', NEXT('2030-01-01'), { submissionDeadline: '2022-06-29' })).toMatchObject({
      ok: false,
      code: 'TOO_EARLY',
    });
  });

  it('lets the 组织部 reject during the publicity period', () => {
    expect(check('in_publicity', 'reject', 'admin', LAST('2022-07-22'))).toEqual({ ok: true, to: 'rejected' });
  });

  it('checks the state before the calendar', () => {
    expect(check('approved', 'submit', 'host', NEXT('2022-06-29'))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('recommended or later', () => {
  it('is the recommended state and everything after it, never a state before or instead of a recommendation', () => {
    for (const s of ['recommended', 'under_review', 'in_publicity', 'approved', 'rejected', 'cultivating', 'midterm_review', 'terminated', 'final_review', 'concluded', 'failed'] as const) {
      expect(isRecommendedOnward(s), s).toBe(true);
    }
    for (const s of ['draft', 'submitted', 'returned', 'not_recommended'] as const) expect(isRecommendedOnward(s), s).toBe(false);
  });
});
