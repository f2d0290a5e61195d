import type { BatchCalendar } from '../batch';
import { CAMPUS_ZONE, dateIn, formatDeadline, isBeforeDeadline } from '../../time/deadline';
import type { Rubric } from '../rubric';

/**
 * 立项评审 (notice 三(二)1): 公开、公平、公正 — a published rubric, reviewers never of the
 * applicant's own committee, an even and repeatable spread of the work; 优中选优、宁缺毋滥 —
 * the 组织部 approves at most the quota, and may approve fewer.
 */
export type { Rubric, RubricCriterion } from '../rubric';

/** A starting point drawn from 二(二) and 三(二)2 of the notice; the 组织部 may replace it per batch. */
export const SUGGESTED_RUBRIC: Rubric = [
  { key: 'fit', label: '围绕本单位党建品牌创建目标', weight: 20, max: 10 },
  { key: 'innovation', label: '机制创新与实践创新', weight: 25, max: 10 },
  { key: 'practice', label: '项目制与实践性（有目标、有计划）', weight: 25, max: 10 },
  { key: 'effect', label: '服务效能与预期成效', weight: 20, max: 10 },
  { key: 'support', label: '团队组成与保障', weight: 10, max: 10 },
];

export type ReviewCheck<T> = ({ ok: true } & T) | { ok: false; code: 'VALIDATION'; message: string };

const invalid = (message: string) => ({ ok: false as const, code: 'VALIDATION' as const, message });

/** Rounds half up to 2 decimals, ignoring binary noise (a total of 82.345 shows as 82.35). */
function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

export function validateRubric(rubric: Rubric): ReviewCheck<object> {
  if (rubric.length === 0) return invalid('评分细则至少需要一项指标。');
  const keys = new Set<string>();
  for (const c of rubric) {
    const name = c.label.trim() || c.key;
    if (!c.key.trim() || !c.label.trim()) return invalid('每项评分指标都须有代码和名称。');
    if (keys.has(c.key)) return invalid(`评分指标「${name}」重复。`);
    keys.add(c.key);
    if (!Number.isSafeInteger(c.weight) || c.weight <= 0) return invalid(`评分指标「${name}」的权重须为正整数。`);
    if (!Number.isFinite(c.max) || c.max <= 0) return invalid(`评分指标「${name}」的满分须大于 0。`);
  }
  const total = rubric.reduce((a, c) => a + c.weight, 0);
  if (total !== 100) return invalid(`评分指标的权重合计须为 100，现为 ${total}。`);
  return { ok: true };
}

/** A reviewer's weighted total on 0..100, 2 decimals; every criterion scored, none out of range. */
export function scoreOf(rubric: Rubric, scores: Readonly<Record<string, number>>): ReviewCheck<{ total: number }> {
  const valid = validateRubric(rubric);
  if (!valid.ok) return valid;
  const known = new Set(rubric.map((c) => c.key));
  const unknown = Object.keys(scores).filter((k) => !known.has(k));
  if (unknown.length) return invalid(`评分细则中没有指标：${unknown.join('、')}。`);
  let total = 0;
  for (const c of rubric) {
    const s = scores[c.key];
    if (s === undefined) return invalid(`请为「${c.label}」打分。`);
    if (!Number.isFinite(s) || s < 0 || s > c.max) return invalid(`「${c.label}」的得分须在 0 到 ${c.max} 之间。`);
    total += (c.weight * s) / c.max;
  }
  return { ok: true, total: round2(total) };
}

export interface Aggregate {
  count: number;
  average: number | null;
  min: number | null;
  max: number | null;
  /** max − min: a wide spread tells the 组织部 the reviewers disagree. */
  spread: number | null;
}

/** The reviewers' totals of one application, averaged (DESIGN.md: rubric scores per reviewer, averaged). */
export function aggregate(totals: readonly number[]): Aggregate {
  if (totals.length === 0) return { count: 0, average: null, min: null, max: null, spread: null };
  return aggregateOf({ count: totals.length, sum: totals.reduce((a, b) => a + b, 0), min: Math.min(...totals), max: Math.max(...totals) });
}

/** The same figures from totals already counted and summed (a store aggregate). */
export function aggregateOf(t: { count: number; sum: number; min: number | null; max: number | null }): Aggregate {
  if (t.count === 0 || t.min === null || t.max === null) return { count: 0, average: null, min: null, max: null, spread: null };
  return { count: t.count, average: round2(t.sum / t.count), min: t.min, max: t.max, spread: round2(t.max - t.min) };
}

/** Reviewing opens on reviewStart and holds until 23:59:59 of reviewEnd (Beijing), when the batch sets them. */
export function checkReviewWindow(
  calendar: BatchCalendar,
  now: Date,
  zone: string = CAMPUS_ZONE,
): { ok: true } | { ok: false; code: 'TOO_EARLY' | 'DEADLINE_PASSED'; message: string } {
  if (calendar.reviewStart && dateIn(now, zone) < calendar.reviewStart) {
    const [y, m, d] = calendar.reviewStart.split('-').map(Number);
    return { ok: false, code: 'TOO_EARLY', message: `立项评审自 ${y}年${m}月${d}日（北京时间）开始。` };
  }
  if (calendar.reviewEnd && !isBeforeDeadline(calendar.reviewEnd, now, zone)) {
    return { ok: false, code: 'DEADLINE_PASSED', message: `立项评审已于 ${formatDeadline(calendar.reviewEnd, zone)} 截止。` };
  }
  return { ok: true };
}

export interface ReviewerRef {
  id: string;
  /** The reviewer's own committee; none for an expert from outside the committees. */
  committeeId?: string | null;
}

export interface ApplicationRef {
  id: string;
  committeeId: string;
}

/** 公平: a reviewer never scores an application of their own committee. */
export function eligibleReviewers<R extends ReviewerRef>(reviewers: readonly R[], applicantCommitteeId: string): R[] {
  return reviewers.filter((r) => r.committeeId !== applicantCommitteeId);
}

export interface Assignment {
  applicationId: string;
  reviewerIds: string[];
}

export type SpreadResult =
  | { ok: true; assignments: Assignment[]; loads: Record<string, number> }
  | { ok: false; code: 'NOT_ENOUGH_REVIEWERS' | 'VALIDATION'; message: string; applicationIds: string[] };

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Gives each application `perApplication` distinct eligible reviewers, spreading the work as
 * evenly as the exclusions allow (loads differ by at most 1 whenever some assignment achieves
 * that). Deterministic: the same applications and reviewers, in any order, give the same result.
 *
 * A greedy pass gives each application the least-loaded eligible reviewers; then, while a chain
 * of moves can take one application from a reviewer with load L to one with load ≤ L − 2, it is
 * applied. When no such chain is left the spread is the most even possible (a min-cost-flow
 * optimum: no negative cycle remains in the residual graph).
 */
export function spreadAssignments(
  applications: readonly ApplicationRef[],
  reviewers: readonly ReviewerRef[],
  perApplication: number,
): SpreadResult {
  if (!Number.isSafeInteger(perApplication) || perApplication < 1) {
    return { ok: false, code: 'VALIDATION', message: '每个项目的评审专家人数须为正整数。', applicationIds: [] };
  }
  const apps = [...applications].sort(byId);
  const revs = [...reviewers].sort(byId);
  const dupApp = apps.find((a, i) => i > 0 && apps[i - 1].id === a.id);
  const dupRev = revs.find((r, i) => i > 0 && revs[i - 1].id === r.id);
  if (dupApp || dupRev) {
    return { ok: false, code: 'VALIDATION', message: `重复的${dupApp ? '申报项目' : '评审专家'}：${(dupApp ?? dupRev)?.id}。`, applicationIds: [] };
  }

  const eligible = new Map(apps.map((a) => [a.id, eligibleReviewers(revs, a.committeeId).map((r) => r.id)]));
  const short = apps.filter((a) => (eligible.get(a.id) ?? []).length < perApplication).map((a) => a.id);
  if (short.length) {
    return {
      ok: false,
      code: 'NOT_ENOUGH_REVIEWERS',
      message: `有 ${short.length} 个申报项目可选的评审专家不足 ${perApplication} 人（已排除本单位的专家），请增加评审专家或减少每个项目的评审人数。`,
      applicationIds: short,
    };
  }

  const loads = new Map(revs.map((r) => [r.id, 0]));
  const load = (id: string) => loads.get(id) ?? 0;
  const assigned = new Map<string, Set<string>>();

  // Most constrained applications first, so they are not left with only busy reviewers.
  const order = [...apps].sort((a, b) => (eligible.get(a.id)?.length ?? 0) - (eligible.get(b.id)?.length ?? 0) || byId(a, b));
  for (const a of order) {
    const picks = [...(eligible.get(a.id) ?? [])].sort((x, y) => load(x) - load(y) || (x < y ? -1 : 1)).slice(0, perApplication);
    assigned.set(a.id, new Set(picks));
    for (const r of picks) loads.set(r, load(r) + 1);
  }

  // Reviewer → applications they hold, for the chains below.
  const holds = (reviewerId: string) => apps.filter((a) => assigned.get(a.id)?.has(reviewerId)).map((a) => a.id);

  function findChain(): { applicationId: string; from: string; to: string }[] | null {
    const sources = [...revs].sort((x, y) => load(y.id) - load(x.id) || byId(x, y));
    for (const source of sources) {
      const limit = load(source.id) - 2;
      if (limit < 0) return null;
      const parent = new Map<string, { applicationId: string; from: string }>();
      const seen = new Set([source.id]);
      const queue = [source.id];
      while (queue.length) {
        const r = queue.shift() as string;
        for (const appId of holds(r)) {
          for (const next of eligible.get(appId) ?? []) {
            if (seen.has(next) || assigned.get(appId)?.has(next)) continue;
            seen.add(next);
            parent.set(next, { applicationId: appId, from: r });
            if (load(next) <= limit) {
              const chain: { applicationId: string; from: string; to: string }[] = [];
              for (let at = next; at !== source.id; ) {
                const p = parent.get(at) as { applicationId: string; from: string };
                chain.unshift({ applicationId: p.applicationId, from: p.from, to: at });
                at = p.from;
              }
              return chain;
            }
            queue.push(next);
          }
        }
      }
    }
    return null;
  }

  // Each applied chain lowers the sum of squared loads by at least 2, so this ends.
  for (;;) {
    const chain = findChain();
    if (!chain) break;
    for (const step of chain) {
      const set = assigned.get(step.applicationId);
      set?.delete(step.from);
      set?.add(step.to);
    }
    const first = chain[0].from;
    const last = chain[chain.length - 1].to;
    loads.set(first, load(first) - 1);
    loads.set(last, load(last) + 1);
  }

  return {
    ok: true,
    assignments: apps.map((a) => ({ applicationId: a.id, reviewerIds: [...(assigned.get(a.id) ?? [])].sort() })),
    loads: Object.fromEntries(revs.map((r) => [r.id, load(r.id)])),
  };
}

export interface Selection<T> {
  /** Approved on the ranking, best first; never more than the quota. */
  selected: T[];
  /** Tied on the score at the quota's edge: left out, for the 组织部 to decide, rather than picked by list order. */
  tiedAtCutoff: T[];
}

/**
 * 优中选优、宁缺毋滥: the best-scoring applications up to the quota, only those reaching
 * `minScore` if one is set; fewer than the quota is a valid outcome.
 */
export function selectForApproval<T extends { score: number }>(ranked: readonly T[], quota: number, options: { minScore?: number } = {}): Selection<T> {
  if (!Number.isSafeInteger(quota) || quota < 0) throw new RangeError(`quota must be a whole number ≥ 0: ${quota}`);
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  const candidates = ranked.filter((r) => r.score >= minScore).sort((a, b) => b.score - a.score);
  if (candidates.length <= quota) return { selected: candidates, tiedAtCutoff: [] };
  if (quota === 0) return { selected: [], tiedAtCutoff: [] };
  const cutoff = candidates[quota - 1].score;
  if (candidates[quota].score !== cutoff) return { selected: candidates.slice(0, quota), tiedAtCutoff: [] };
  return {
    selected: candidates.filter((c) => c.score > cutoff),
    tiedAtCutoff: candidates.filter((c) => c.score === cutoff),
  };
}
