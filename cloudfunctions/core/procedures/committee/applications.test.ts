import { beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '@shared/domain/batch';
import type { ProjectCategory } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

/** 各党委申报 (committee.applications): the committees' applications sorted, filtered and paged on the server. */
let h: Harness;

async function put(id: string, title: string, committeeId: string, state: ProjectState, at: string, extra: { rank?: number; category?: ProjectCategory; batchId?: string } = {}) {
  await h.store.insert<Project>('projects', {
    _id: id,
    batchId: extra.batchId ?? OPEN_BATCH,
    committeeId,
    hostId: `u_h-${id}`,
    hostName: `主持${id}`,
    state,
    fields: { ...COMPLETE_FIELDS, title, category: extra.category ?? 'integration' },
    createdAt: at,
    updatedAt: at,
    submittedAt: state === 'draft' ? null : at,
    committeeRank: extra.rank ?? null,
  });
}

const list = (input: Record<string, unknown>) => h.ok(ADMIN, 'committee.applications', input);
const ids = (r: { items: Array<{ _id: string }> }) => r.items.map((p) => p._id);

beforeEach(async () => {
  h = await createHarness();
  const open = await h.store.get<Batch & { _id: string; version: number }>('batches', OPEN_BATCH);
  if (!open) throw new Error('no seeded batch');
  const { version: _v, ...copy } = open;
  await h.store.insert<Batch & { _id: string; version: number }>('batches', { ...copy, _id: 'b-other', name: '另一批次' });
  await put('a1', '红色引擎', 'c-art', 'submitted', '2026-12-01T01:00:00.000Z');
  await put('a2', '机电先锋', 'c-art', 'recommended', '2026-12-01T03:00:00.000Z', { rank: 2, category: 'culture' });
  await put('a3', '医者仁心', 'c-art', 'recommended', '2026-12-01T02:00:00.000Z', { rank: 1 });
  await put('a4', '草稿不列出', 'c-art', 'draft', '2026-12-01T04:00:00.000Z');
  await put('a5', '别的批次', 'c-art', 'submitted', '2026-12-01T05:00:00.000Z', { batchId: 'b-other' });
  await put('a6', '体育强国', 'c-pe', 'returned', '2026-12-01T00:30:00.000Z');
});

describe('committee.applications', () => {
  it('lists a committee’s applications newest first, drafts never, the total beside the page', async () => {
    const r = await list({ committeeId: 'c-art', batchId: OPEN_BATCH });
    expect(ids(r).filter((id) => id.startsWith('a'))).toEqual(['a2', 'a3', 'a1']);
    expect(r.total).toBe(r.items.length);
    expect(r.items.find((p) => p._id === 'a2')).toMatchObject({ title: '机电先锋', committeeName: '艺术学部党委', committeeRank: 2, state: 'recommended' });
    // Every batch of the committee: the other batch's application too.
    expect(ids(await list({ committeeId: 'c-art' }))).toContain('a5');
  });

  it('sorts by rank, title, state, committee, either way, ties by number', async () => {
    const art = { committeeId: 'c-art', batchId: OPEN_BATCH };
    expect(ids(await list({ ...art, sort: 'rank' })).slice(0, 2)).toEqual(['a3', 'a2']);
    expect(ids(await list({ ...art, sort: 'submitted', direction: 'asc' })).filter((id) => id.startsWith('a'))).toEqual(['a1', 'a3', 'a2']);
    const titles = (await list({ ...art, sort: 'title' })).items.map((p) => p.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('zh-Hans-CN').compare));
    const school = await list({ batchId: OPEN_BATCH, sort: 'committee', pageSize: 50 });
    const names = school.items.map((p) => p.committeeName);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(ids(school)).toContain('a6');
  });

  it('filters by state, category and a search of title, number or host; pages without overlap', async () => {
    const art = { committeeId: 'c-art', batchId: OPEN_BATCH };
    expect(ids(await list({ ...art, state: 'recommended' }))).toEqual(['a2', 'a3']);
    expect(ids(await list({ ...art, category: 'culture' }))).toEqual(['a2']);
    expect(ids(await list({ batchId: OPEN_BATCH, q: '仁心' }))).toEqual(['a3']);
    expect(ids(await list({ batchId: OPEN_BATCH, q: 'A6' }))).toEqual(['a6']);
    expect(await list({ ...art, q: '没有这个' })).toMatchObject({ items: [], total: 0 });
    for (let i = 10; i < 35; i++) await put(`a${i}`, `批量${i}`, 'c-pe', 'submitted', '2026-12-02T00:00:00.000Z');
    const pe = { committeeId: 'c-pe', batchId: OPEN_BATCH, q: '批量' };
    const [p0, p1] = [await list({ ...pe }), await list({ ...pe, page: 1 })];
    expect([p0.items.length, p1.items.length, p0.total]).toEqual([20, 5, 25]);
    expect(new Set([...ids(p0), ...ids(p1)]).size).toBe(25);
    // Same submission time: the number orders them.
    expect([...ids(p0), ...ids(p1)]).toEqual([...ids(p0), ...ids(p1)].sort());
    expect((await list({ ...pe, page: 3 })).items).toEqual([]);
  });

  it('refuses the whole school in every batch, bad input with the field’s name, and anyone but the 组织部', async () => {
    const all = await h.err(ADMIN, 'committee.applications', {});
    expect(all).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('查看全校的申报时请选择批次') });
    for (const [input, message] of [
      [{ pageSize: 10 }, '每页条数只能是 20 或 50'],
      [{ state: 'draft' }, '草稿不列出'],
      [{ sort: 'budget' }, '排序方式只能是'],
      [{ q: 'x'.repeat(41) }, '搜索内容不能超过40字'],
    ] as const) {
      const e = await h.err(ADMIN, 'committee.applications', { batchId: OPEN_BATCH, ...input });
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain(message);
    }
    expect((await h.err(SECRETARY_CS, 'committee.applications', { committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'committee.applications', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
  });
});
