import { describe, expect, it } from 'vitest';
import {
  aggregate,
  checkReviewWindow,
  eligibleReviewers,
  scoreOf,
  selectForApproval,
  spreadAssignments,
  SUGGESTED_RUBRIC,
  validateRubric,
  type ApplicationRef,
  type ReviewerRef,
  type Rubric,
} from './review';

const RUBRIC: Rubric = [
  { key: 'innovation', label: '创新性', weight: 40, max: 10 },
  { key: 'practice', label: '实践性', weight: 35, max: 20 },
  { key: 'effect', label: '成效', weight: 25, max: 5 },
];

describe('rubrics', () => {
  it('accepts weights that add up to 100', () => {
    expect(validateRubric(RUBRIC)).toEqual({ ok: true });
    expect(validateRubric(SUGGESTED_RUBRIC)).toEqual({ ok: true });
  });

  it('refuses weights that do not add up to 100, bad weights or maxima, duplicates and empty rubrics', () => {
    expect(validateRubric([{ key: 'a', label: 'A', weight: 90, max: 10 }])).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '评分指标的权重合计须为 100，现为 90。',
    });
    expect(validateRubric([])).toMatchObject({ ok: false });
    expect(validateRubric([{ key: 'a', label: 'A', weight: 100.5, max: 10 }])).toMatchObject({ ok: false });
    expect(validateRubric([{ key: 'a', label: 'A', weight: 100, max: 0 }])).toMatchObject({ ok: false });
    expect(
      validateRubric([
        { key: 'a', label: 'A', weight: 50, max: 10 },
        { key: 'a', label: 'B', weight: 50, max: 10 },
      ]),
    ).toMatchObject({ ok: false, message: '评分指标「B」重复。' });
    expect(validateRubric([{ key: 'a', label: ' ', weight: 100, max: 10 }])).toMatchObject({ ok: false });
  });
});

describe('scoring', () => {
  it('weights each criterion by its share of 100', () => {
    expect(scoreOf(RUBRIC, { innovation: 10, practice: 20, effect: 5 })).toEqual({ ok: true, total: 100 });
    expect(scoreOf(RUBRIC, { innovation: 0, practice: 0, effect: 0 })).toEqual({ ok: true, total: 0 });
    // 40·8/10 + 35·15/20 + 25·4/5 = 32 + 26.25 + 20
    expect(scoreOf(RUBRIC, { innovation: 8, practice: 15, effect: 4 })).toEqual({ ok: true, total: 78.25 });
  });

  it('rounds to 2 decimals, half up', () => {
    // 40·7/10 + 35·13/20 + 25·1/5 = 28 + 22.75 + 5; and a third: 100·1/3
    expect(scoreOf(RUBRIC, { innovation: 7, practice: 13, effect: 1 })).toEqual({ ok: true, total: 55.75 });
    expect(scoreOf([{ key: 'a', label: 'A', weight: 100, max: 3 }], { a: 1 })).toEqual({ ok: true, total: 33.33 });
    expect(scoreOf([{ key: 'a', label: 'A', weight: 100, max: 3 }], { a: 2 })).toEqual({ ok: true, total: 66.67 });
    expect(scoreOf([{ key: 'a', label: 'A', weight: 100, max: 200 }], { a: 1.01 })).toEqual({ ok: true, total: 0.51 }); // 0.505
  });

  it('refuses a missing criterion, an out-of-range score or an unknown criterion', () => {
    expect(scoreOf(RUBRIC, { innovation: 8, practice: 15 })).toEqual({ ok: false, code: 'VALIDATION', message: '请为「成效」打分。' });
    expect(scoreOf(RUBRIC, { innovation: 11, practice: 15, effect: 4 })).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '「创新性」的得分须在 0 到 10 之间。',
    });
    expect(scoreOf(RUBRIC, { innovation: -1, practice: 15, effect: 4 })).toMatchObject({ ok: false });
    expect(scoreOf(RUBRIC, { innovation: Number.NaN, practice: 15, effect: 4 })).toMatchObject({ ok: false });
    expect(scoreOf(RUBRIC, { innovation: 8, practice: 15, effect: 4, charm: 3 })).toMatchObject({ ok: false, message: '评分细则中没有指标：charm。' });
  });

  it('refuses to score on an invalid rubric', () => {
    expect(scoreOf([{ key: 'a', label: 'A', weight: 50, max: 10 }], { a: 5 })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('aggregation', () => {
  it('averages the reviewers and shows how far they disagree', () => {
    expect(aggregate([80, 90, 85.5])).toEqual({ count: 3, average: 85.17, min: 80, max: 90, spread: 10 });
    expect(aggregate([78.25])).toEqual({ count: 1, average: 78.25, min: 78.25, max: 78.25, spread: 0 });
    expect(aggregate([70.1, 70.3])).toEqual({ count: 2, average: 70.2, min: 70.1, max: 70.3, spread: 0.2 });
  });

  it('has no average without reviews', () => {
    expect(aggregate([])).toEqual({ count: 0, average: null, min: null, max: null, spread: null });
  });
});

describe('the review window', () => {
  const calendar = { submissionDeadline: '2022-06-29', reviewStart: '2022-07-11', reviewEnd: '2022-07-15' };
  it('opens at 00:00:00 on the first day and closes after 23:59:59 on the last, Beijing time', () => {
    expect(checkReviewWindow(calendar, new Date('2022-07-10T15:59:59Z'))).toEqual({ ok: false, code: 'TOO_EARLY', message: '立项评审自 2022年7月11日（北京时间）开始。' });
    expect(checkReviewWindow(calendar, new Date('2022-07-10T16:00:00Z'))).toEqual({ ok: true });
    expect(checkReviewWindow(calendar, new Date('2022-07-15T15:59:59Z'))).toEqual({ ok: true });
    expect(checkReviewWindow(calendar, new Date('2022-07-15T16:00:00Z'))).toEqual({
      ok: false,
      code: 'DEADLINE_PASSED',
      message: '立项评审已于 2022年7月15日 23:59（北京时间） 截止。',
    });
    expect(checkReviewWindow({ submissionDeadline: '2022-06-29' }, new Date('2030-01-01T00:00:00Z'))).toEqual({ ok: true });
  });
});

const rev = (id: string, committeeId?: string): ReviewerRef => (committeeId ? { id, committeeId } : { id });
const app = (id: string, committeeId: string): ApplicationRef => ({ id, committeeId });

function expectFair(apps: readonly ApplicationRef[], reviewers: readonly ReviewerRef[], k: number, result: ReturnType<typeof spreadAssignments>) {
  if (!result.ok) throw new Error(result.message);
  const committeeOf = new Map(reviewers.map((r) => [r.id, r.committeeId]));
  expect(result.assignments.map((a) => a.applicationId).sort()).toEqual(apps.map((a) => a.id).sort());
  const counted: Record<string, number> = Object.fromEntries(reviewers.map((r) => [r.id, 0]));
  for (const a of result.assignments) {
    const committee = apps.find((x) => x.id === a.applicationId)?.committeeId;
    expect(new Set(a.reviewerIds).size).toBe(k);
    for (const r of a.reviewerIds) {
      expect(committeeOf.get(r)).not.toBe(committee);
      counted[r] += 1;
    }
  }
  expect(result.loads).toEqual(counted);
  return Object.values(result.loads);
}

describe('who may review', () => {
  it('never one of the applicant’s own committee; outside experts always', () => {
    const reviewers = [rev('r1', 'c1'), rev('r2', 'c2'), rev('r3'), rev('r4', 'c1')];
    expect(eligibleReviewers(reviewers, 'c1').map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(eligibleReviewers(reviewers, 'c9').map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});

describe('spreading the applications over the reviewers', () => {
  it('gives each application k distinct reviewers from other committees, loads within 1', () => {
    const apps = Array.from({ length: 10 }, (_, i) => app(`a${String(i).padStart(2, '0')}`, `c${i % 3}`));
    const reviewers = [rev('r1', 'c0'), rev('r2', 'c0'), rev('r3', 'c1'), rev('r4', 'c1'), rev('r5', 'c2'), rev('r6', 'c2'), rev('r7')];
    const loads = expectFair(apps, reviewers, 3, spreadAssignments(apps, reviewers, 3));
    expect(loads.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('balances even when a greedy pass would not', () => {
    // The outside expert x can take any application; committee reviewers only the others' ones.
    const apps = [app('a1', 'c1'), app('a2', 'c1'), app('a3', 'c1'), app('a4', 'c2')];
    const reviewers = [rev('p', 'c2'), rev('q', 'c2'), rev('x')];
    const loads = expectFair(apps, reviewers, 1, spreadAssignments(apps, reviewers, 1));
    expect(loads.sort()).toEqual([1, 1, 2]);
  });

  it('rotates when each committee has one reviewer and one application', () => {
    const apps = [app('a0', 'c0'), app('a1', 'c1'), app('a2', 'c2')];
    const reviewers = [rev('r0', 'c1'), rev('r1', 'c0'), rev('r2', 'c2')];
    const result = spreadAssignments(apps, reviewers, 1);
    expectFair(apps, reviewers, 1, result);
    expect(result).toMatchObject({ ok: true, loads: { r0: 1, r1: 1, r2: 1 } });
  });

  it('leaves idle a reviewer whose committee is the only applicant, and balances the rest', () => {
    const apps = [app('a1', 'c1'), app('a2', 'c1'), app('a3', 'c1'), app('a4', 'c1')];
    const reviewers = [rev('r1', 'c1'), rev('r2', 'c2'), rev('r3', 'c3'), rev('r4')];
    const result = spreadAssignments(apps, reviewers, 2);
    expectFair(apps, reviewers, 2, result);
    expect(result.ok && result.loads).toMatchObject({ r1: 0 });
    const others = result.ok ? [result.loads.r2, result.loads.r3, result.loads.r4] : [];
    expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
  });

  it('gives the same result whatever order the lists come in', () => {
    const apps = Array.from({ length: 7 }, (_, i) => app(`a${i}`, `c${i % 4}`));
    const reviewers = Array.from({ length: 6 }, (_, i) => rev(`r${i}`, i < 4 ? `c${i}` : undefined));
    const a = spreadAssignments(apps, reviewers, 3);
    const b = spreadAssignments([...apps].reverse(), [...reviewers].reverse(), 3);
    expect(b).toEqual(a);
  });

  it('reports the applications that lack eligible reviewers', () => {
    const apps = [app('a1', 'c1'), app('a2', 'c2')];
    const reviewers = [rev('r1', 'c1'), rev('r2', 'c1'), rev('r3', 'c2')];
    expect(spreadAssignments(apps, reviewers, 2)).toEqual({
      ok: false,
      code: 'NOT_ENOUGH_REVIEWERS',
      message: '有 1 个申报项目可选的评审专家不足 2 人（已排除本单位的专家），请增加评审专家或减少每个项目的评审人数。',
      applicationIds: ['a1'],
    });
    expect(spreadAssignments(apps, [], 1)).toMatchObject({ ok: false, code: 'NOT_ENOUGH_REVIEWERS', applicationIds: ['a1', 'a2'] });
  });

  it('refuses a non-positive reviewer count and duplicate ids', () => {
    expect(spreadAssignments([app('a1', 'c1')], [rev('r1')], 0)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(spreadAssignments([app('a1', 'c1')], [rev('r1'), rev('r1')], 1)).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('has nothing to do without applications', () => {
    expect(spreadAssignments([], [rev('r1')], 2)).toEqual({ ok: true, assignments: [], loads: { r1: 0 } });
  });

  it('reaches the most even spread possible on small random cases (checked by brute force)', () => {
    let seed = 20220609; // mulberry32: a small, repeatable generator
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const subsets = (ids: string[], k: number): string[][] =>
      k === 0 ? [[]] : ids.flatMap((id, i) => subsets(ids.slice(i + 1), k - 1).map((rest) => [id, ...rest]));

    for (let round = 0; round < 200; round++) {
      const k = 1 + rand(2);
      const apps = Array.from({ length: 2 + rand(4) }, (_, i) => app(`a${i}`, `c${rand(3)}`));
      const reviewers = Array.from({ length: 3 + rand(3) }, (_, i) => rev(`r${i}`, rand(4) === 3 ? undefined : `c${rand(3)}`));
      const result = spreadAssignments(apps, reviewers, k);
      const options = apps.map((a) => subsets(eligibleReviewers(reviewers, a.committeeId).map((r) => r.id), k));
      if (options.some((o) => o.length === 0)) {
        expect(result).toMatchObject({ ok: false, code: 'NOT_ENOUGH_REVIEWERS' });
        continue;
      }
      // The best possible: the smallest sum of squared loads over every assignment.
      let best = Number.POSITIVE_INFINITY;
      const walk = (i: number, loads: Map<string, number>) => {
        if (i === apps.length) {
          best = Math.min(best, [...loads.values()].reduce((a, b) => a + b * b, 0));
          return;
        }
        for (const pick of options[i]) {
          for (const r of pick) loads.set(r, (loads.get(r) ?? 0) + 1);
          walk(i + 1, loads);
          for (const r of pick) loads.set(r, (loads.get(r) ?? 0) - 1);
        }
      };
      walk(0, new Map());
      const loads = expectFair(apps, reviewers, k, result);
      expect(loads.reduce((a, b) => a + b * b, 0)).toBe(best);
    }
  });
});

describe('selecting for approval (优中选优、宁缺毋滥)', () => {
  const ranked = [
    { id: 'a', score: 91 },
    { id: 'b', score: 78.5 },
    { id: 'c', score: 88 },
    { id: 'd', score: 60 },
  ];

  it('takes the best up to the quota', () => {
    expect(selectForApproval(ranked, 2).selected.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('may take fewer than the quota: none below the bar', () => {
    expect(selectForApproval(ranked, 10).selected.map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(selectForApproval(ranked, 10, { minScore: 80 }).selected.map((r) => r.id)).toEqual(['a', 'c']);
    expect(selectForApproval(ranked, 0).selected).toEqual([]);
  });

  it('does not break a tie at the quota’s edge by list order', () => {
    const tied = [...ranked, { id: 'e', score: 88 }];
    expect(selectForApproval(tied, 2)).toEqual({
      selected: [{ id: 'a', score: 91 }],
      tiedAtCutoff: [
        { id: 'c', score: 88 },
        { id: 'e', score: 88 },
      ],
    });
    expect(selectForApproval(tied, 3).selected.map((r) => r.id)).toEqual(['a', 'c', 'e']);
  });

  it('refuses a quota that is not a whole number', () => {
    expect(() => selectForApproval(ranked, -1)).toThrow(RangeError);
    expect(() => selectForApproval(ranked, 1.5)).toThrow(RangeError);
  });
});
