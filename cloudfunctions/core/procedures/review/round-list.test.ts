import { beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '@shared/domain/batch';
import type { ProjectCategory } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import type { Review, ReviewAssignment } from './docs';

/**
 * 评审与立项's list on the server (review.roundList), one application's detail
 * (review.roundApplication) and the reviewer pool (review.roundReviewers), on a batch of its own
 * whose applications, assignments and scores are written directly, so every sort key is known.
 */
const BATCH = 'b-round';
let h: Harness;

interface Spec {
  id: string;
  title: string;
  committee: string;
  state?: ProjectState;
  category?: ProjectCategory;
  rank?: number;
  /** Reviewers assigned; the first `totals.length` of them have scored these totals. */
  reviewers?: number;
  totals?: number[];
}

async function put(spec: Spec): Promise<void> {
  const at = '2026-12-01T00:00:00.000Z';
  await h.store.insert<Project>('projects', {
    _id: spec.id,
    batchId: BATCH,
    committeeId: spec.committee,
    hostId: `u_host-${spec.id}`,
    hostName: `主持人${spec.id}`,
    state: spec.state ?? 'under_review',
    fields: { ...COMPLETE_FIELDS, title: spec.title, category: spec.category ?? 'integration' },
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    committeeOpinion: '同意推荐',
    committeeRank: spec.rank ?? 1,
  });
  for (let i = 0; i < (spec.reviewers ?? 0); i++) {
    const reviewerId = i === 0 ? 'u_dev-reviewer' : `u_r${i}`;
    const _id = `${spec.id}:${reviewerId}`;
    await h.store.insert<ReviewAssignment>('reviewAssignments', { _id, batchId: BATCH, projectId: spec.id, committeeId: spec.committee, reviewerId, scored: spec.totals?.[i] === undefined ? 0 : 1, assignedBy: 'u_dev-admin', assignedAt: at, how: 'manual' });
    const total = spec.totals?.[i];
    if (total !== undefined) {
      await h.store.insert<Review>('reviews', { _id, batchId: BATCH, projectId: spec.id, reviewerId, scores: {}, comment: '', total, createdAt: at, updatedAt: at });
    }
  }
}

const list = (input: Record<string, unknown> = {}) => h.ok(ADMIN, 'review.roundList', { batchId: BATCH, ...input });
const ids = (r: { items: Array<{ projectId: string }> }) => r.items.map((a) => a.projectId);

beforeEach(async () => {
  h = await createHarness();
  const open = await h.store.get<Batch & { version: number; _id: string }>('batches', OPEN_BATCH);
  if (!open) throw new Error('no seeded batch');
  const { version: _v, ...copy } = open;
  await h.store.insert<Batch & { version: number; _id: string }>('batches', { ...copy, _id: BATCH, name: '评审列表测试批次' });
  await put({ id: 'p01', title: '红色引擎', committee: 'c-cs', reviewers: 3, totals: [90, 70], rank: 1 });
  await put({ id: 'p02', title: '机电先锋', committee: 'c-me', reviewers: 2, totals: [80, 80], category: 'culture' });
  await put({ id: 'p03', title: '医者仁心', committee: 'c-med', reviewers: 2, totals: [80, 80] });
  await put({ id: 'p04', title: '艺心向党', committee: 'c-art', reviewers: 0 });
  await put({ id: 'p05', title: '体育强国', committee: 'c-pe', state: 'recommended', rank: 2 });
  await put({ id: 'p06', title: '研究生党建', committee: 'c-cs', state: 'rejected', reviewers: 1, totals: [50], rank: 2 });
  await put({ id: 'p07', title: '草稿不列出', committee: 'c-cs', state: 'draft' });
});

describe('review.roundList: the round sorted, filtered and paged on the server', () => {
  it('lists the round best average first, unscored last, ties by number; drafts never', async () => {
    const r = await list();
    // p02 and p03 tie at 80: the number decides, so the order is the same on every call.
    expect(ids(r)).toEqual(['p01', 'p02', 'p03', 'p06', 'p04', 'p05']);
    expect(r).toMatchObject({ total: 6, page: 0, pageSize: 20 });
    expect(r.items[0]).toMatchObject({ title: '红色引擎', committeeName: '计算机与软件学院党委', assigned: 3, scored: 2, average: 80, spread: 20, state: 'under_review', staged: false, category: '党建与业务融合' });
    expect(r.items[1].spread).toBe(0);
    expect(r.items[3].spread).toBeNull();
    // Ascending keeps the unscored last and still breaks ties by number.
    expect(ids(await list({ direction: 'asc' }))).toEqual(['p06', 'p01', 'p02', 'p03', 'p04', 'p05']);
  });

  it('sorts by title, committee, host, rank, 评审进度 and state, either way', async () => {
    // By pinyin: 红 hóng, 机 jī, 体 tǐ, 研 yán, 医 yī, 艺 yì.
    expect(ids(await list({ sort: 'title' }))).toEqual(['p01', 'p02', 'p05', 'p06', 'p03', 'p04']);
    expect(ids(await list({ sort: 'title', direction: 'desc' }))).toEqual(['p04', 'p03', 'p06', 'p05', 'p02', 'p01']);
    const byCommittee = await list({ sort: 'committee' });
    expect(byCommittee.items.map((a) => a.committeeName)).toEqual([...byCommittee.items.map((a) => a.committeeName)].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(ids(await list({ sort: 'rank' })).slice(-2)).toEqual(['p05', 'p06']);
    // Fewest done first: nobody assigned, then 2 of 3, then complete (ties by number).
    expect(ids(await list({ sort: 'progress' }))).toEqual(['p04', 'p05', 'p01', 'p02', 'p03', 'p06']);
    expect(ids(await list({ sort: 'state' }))).toEqual(['p05', 'p01', 'p02', 'p03', 'p04', 'p06']);
    expect(ids(await list({ sort: 'host', direction: 'desc' }))).toEqual(['p06', 'p05', 'p04', 'p03', 'p02', 'p01']);
  });

  it('filters by state, committee, category, 评审进度, the staged list and a search of title, number or host', async () => {
    expect(ids(await list({ state: 'under_review' }))).toEqual(['p01', 'p02', 'p03', 'p04']);
    expect(ids(await list({ committeeId: 'c-cs' }))).toEqual(['p01', 'p06']);
    expect(ids(await list({ category: 'culture' }))).toEqual(['p02']);
    expect(ids(await list({ progress: 'unassigned' }))).toEqual(['p04', 'p05']);
    expect(ids(await list({ progress: 'incomplete' }))).toEqual(['p01']);
    expect(ids(await list({ progress: 'complete', state: 'under_review' }))).toEqual(['p02', 'p03']);
    expect(ids(await list({ q: '先锋' }))).toEqual(['p02']);
    expect(ids(await list({ q: '  P04 ' }))).toEqual(['p04']);
    expect(ids(await list({ q: '主持人p03' }))).toEqual(['p03']);
    const none = await list({ q: '不存在的项目' });
    expect(none).toMatchObject({ items: [], total: 0 });
    await h.ok(ADMIN, 'review.stagePublicity', { batchId: BATCH, projectIds: ['p03', 'p01'] });
    const staged = await list({ staged: true });
    expect(ids(staged)).toEqual(['p01', 'p03']);
    expect(staged.items.every((a) => a.staged)).toBe(true);
    expect(ids(await list({ staged: false }))).toEqual(['p02', 'p06', 'p04', 'p05']);
  });

  it('pages without overlap or gaps, with the total of the whole filtered list; past the end is an empty page', async () => {
    for (let i = 10; i < 55; i++) await put({ id: `p${i}`, title: `批量项目${i}`, committee: 'c-me', reviewers: 1, totals: [60] });
    const first = await list({ pageSize: 20 });
    const second = await list({ pageSize: 20, page: 1 });
    const third = await list({ pageSize: 20, page: 2 });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([20, 20, 11]);
    const all = [...ids(first), ...ids(second), ...ids(third)];
    expect(new Set(all).size).toBe(51);
    expect(first.total).toBe(51);
    // 45 applications tie at 60: the number orders them.
    const tied = all.filter((id) => /^p[1-5]\d$/.test(id));
    expect(tied).toEqual([...tied].sort());
    expect(ids(await list({ pageSize: 50 }))).toEqual(all.slice(0, 50));
    expect(await list({ page: 9 })).toMatchObject({ items: [], total: 51, page: 9 });
  });

  it('refuses bad input with the name of the field on the page', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ pageSize: 30 }, '每页条数只能是 20 或 50'],
      [{ page: -1 }, '页码不能小于 0'],
      [{ page: 1.5 }, '页码须为整数'],
      [{ sort: 'budget' }, '排序方式只能是'],
      [{ direction: 'up' }, '排序方向只能是升序或降序'],
      [{ state: 'draft' }, '状态只能是'],
      [{ progress: 'half' }, '评审进度只能是'],
      [{ category: 'x' }, '请选择有效的项目类别'],
      [{ q: '字'.repeat(41) }, '搜索内容不能超过40字'],
      [{ staged: 'yes' }, '只看拟公示'],
      [{ extra: 1 }, '无法识别的字段'],
    ];
    for (const [input, message] of cases) {
      const e = await h.err(ADMIN, 'review.roundList', { batchId: BATCH, ...input });
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.message, JSON.stringify(input)).toContain(message);
    }
    expect((await h.err(ADMIN, 'review.roundList', { batchId: 'b-none' })).code).toBe('NOT_FOUND');
  });

  it('is the 组织部’s alone', async () => {
    expect((await h.err(SECRETARY_CS, 'review.roundList', { batchId: BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'review.roundList', { batchId: BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err('dev-reviewer', 'review.roundList', { batchId: BATCH })).code).toBe('FORBIDDEN');
    expect((await h.raw(null, 'review.roundList', { batchId: BATCH })).ok).toBe(false);
    expect(await h.raw(null, 'review.roundList', { batchId: BATCH })).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('review.roundApplication and review.roundReviewers', () => {
  it('gives one application in full, and refuses one outside the round or the batch', async () => {
    const a = await h.ok(ADMIN, 'review.roundApplication', { batchId: BATCH, projectId: 'p01' });
    expect(a).toMatchObject({ projectId: 'p01', committeeOpinion: '同意推荐', aggregate: { count: 2, average: 80, spread: 20 } });
    expect(a.assignments).toHaveLength(3);
    expect(a.missingReviewers).toHaveLength(1);
    for (const projectId of ['p07', 'nope']) {
      const e = await h.err(ADMIN, 'review.roundApplication', { batchId: BATCH, projectId });
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toContain('请刷新列表');
    }
    expect((await h.err(ADMIN, 'review.roundApplication', { batchId: OPEN_BATCH, projectId: 'p01' })).code).toBe('NOT_FOUND');
    expect((await h.err(SECRETARY_CS, 'review.roundApplication', { batchId: BATCH, projectId: 'p01' })).code).toBe('FORBIDDEN');
  });

  it('gives each reviewer’s load in this batch', async () => {
    const pool = await h.ok(ADMIN, 'review.roundReviewers', { batchId: BATCH });
    expect(pool.find((r) => r._id === 'u_dev-reviewer')).toMatchObject({ assigned: 4, scored: 4 });
    expect((await h.err('dev-reviewer', 'review.roundReviewers', { batchId: BATCH })).code).toBe('FORBIDDEN');
  });
});

describe('review.roundStatus: the round’s figures', () => {
  it('counts states, reviews done and missing, and names the shortlist and the committees', async () => {
    const s = await h.ok(ADMIN, 'review.roundStatus', { batchId: BATCH });
    expect(s.counts).toEqual({ recommended: 1, underReview: 4, inPublicity: 0, approved: 0, rejected: 1 });
    expect(s.progress).toEqual({ assigned: 7, scored: 6, unassigned: 1, incomplete: 1 });
    expect(s.suggestion.selectedIds).toEqual(['p01', 'p02', 'p03']);
    expect(s.shortlist.map((a) => a.projectId)).toEqual(['p01', 'p02', 'p03']);
    expect(s.committees.find((c) => c._id === 'c-cs')).toMatchObject({ name: '计算机与软件学院党委', count: 2 });
    expect(s.can.setRubric).toBe(false);
  });
});
