import { beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

/** The secretary's inbox (committee.inbox): each tab in its order, and at a desk sorted, filtered, searched and paged on the server. */
let h: Harness;
const pad = (i: number) => String(i).padStart(2, '0');

async function put(id: string, title: string, state: ProjectState, at: string, extra: { rank?: number; committeeId?: string; category?: 'culture' } = {}) {
  await h.store.insert<Project>('projects', {
    _id: id,
    batchId: OPEN_BATCH,
    committeeId: extra.committeeId ?? 'c-cs',
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

const inbox = (input: Record<string, unknown>) => h.ok(SECRETARY_CS, 'committee.inbox', input);
const ids = (r: { items: Array<{ _id: string }> }) => r.items.map((p) => p._id).filter((id) => id.startsWith('x'));

beforeEach(async () => {
  h = await createHarness();
  // 25 waiting (one a minute), two recommended (ranks 2 and 1), one returned, one draft, one of another committee.
  for (let i = 1; i <= 25; i++) await put(`x${pad(i)}`, `待审项目${pad(i)}`, 'submitted', `2026-11-20T00:${pad(i)}:00.000Z`, i === 7 ? { category: 'culture' } : {});
  await put('xr1', '推荐乙', 'recommended', '2026-11-21T01:00:00.000Z', { rank: 2 });
  await put('xr2', '推荐甲', 'recommended', '2026-11-21T00:00:00.000Z', { rank: 1 });
  await put('xre', '退回的', 'returned', '2026-11-22T00:00:00.000Z');
  await put('xdr', '草稿', 'draft', '2026-11-22T00:00:00.000Z');
  await put('xme', '别的党委', 'submitted', '2026-11-22T00:00:00.000Z', { committeeId: 'c-me' });
});

describe('committee.inbox', () => {
  it('answers each tab in its order without paging inputs, as before, with the total', async () => {
    const pending = await inbox({});
    expect(pending.view).toBe('pending');
    expect(ids(pending).slice(0, 3)).toEqual(['x01', 'x02', 'x03']);
    expect(ids(pending)).toHaveLength(25);
    expect(pending.total).toBe(pending.items.length);
    expect(ids(await inbox({ view: 'recommended' }))).toEqual(['xr2', 'xr1']);
    const decided = ids(await inbox({ view: 'decided' }));
    expect(decided.slice(0, 3)).toEqual(['xre', 'xr1', 'xr2']);
    expect(ids(await inbox({ view: 'all' }))).not.toContain('xdr');
    expect(ids(await inbox({ view: 'all' }))).not.toContain('xme');
  });

  it('pages, sorts and filters within a tab; searches title, number or host', async () => {
    const [p0, p1] = [await inbox({ pageSize: 20 }), await inbox({ pageSize: 20, page: 1 })];
    expect([ids(p0).length + ids(p1).length, p0.pageSize, p1.page]).toEqual([p0.total, 20, 1]);
    expect(new Set([...ids(p0), ...ids(p1)]).size).toBe(ids(p0).length + ids(p1).length);
    expect(ids(p1).slice(-1)).toEqual(['x25']);
    expect(ids(await inbox({ pageSize: 20, sort: 'submitted', direction: 'desc' })).slice(0, 2)).toEqual(['x25', 'x24']);
    const titles = (await inbox({ view: 'all', pageSize: 50, sort: 'title' })).items.map((p) => p.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(ids(await inbox({ view: 'all', sort: 'state', pageSize: 50 })).slice(0, 1)).not.toEqual(['xre']);
    expect(ids(await inbox({ view: 'decided', state: 'returned' }))).toEqual(['xre']);
    expect(await inbox({ view: 'pending', state: 'returned' })).toMatchObject({ items: [], total: 0 });
    expect(ids(await inbox({ category: 'culture' }))).toEqual(['x07']);
    expect(ids(await inbox({ view: 'all', q: '推荐甲' }))).toEqual(['xr2']);
    expect(ids(await inbox({ view: 'all', q: 'XRE' }))).toEqual(['xre']);
    expect(ids(await inbox({ view: 'all', q: '主持x1', pageSize: 20 }))).toEqual(['x19', 'x18', 'x17', 'x16', 'x15', 'x14', 'x13', 'x12', 'x11', 'x10']);
    expect(await inbox({ q: '没有这个' })).toMatchObject({ items: [], total: 0 });
    expect((await inbox({ pageSize: 20, page: 5 })).items).toEqual([]);
  });

  it('refuses bad input with the field’s name, another committee and anyone but its staff', async () => {
    for (const [input, message] of [
      [{ pageSize: 100 }, '每页条数只能是 20 或 50'],
      [{ page: -1 }, '页码不能小于 0'],
      [{ sort: 'budget' }, '排序方式只能是'],
      [{ view: 'mine' }, '请选择待处理、已推荐、已处理或全部'],
      [{ state: 'draft' }, '草稿不列出'],
      [{ q: 'x'.repeat(41) }, '搜索内容不能超过40字'],
    ] as const) {
      const e = await h.err(SECRETARY_CS, 'committee.inbox', input);
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.message).toContain(message);
    }
    expect((await h.err(SECRETARY_CS, 'committee.inbox', { committeeId: 'c-me' })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'committee.inbox', {})).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'committee.inbox', {})).code).toBe('VALIDATION');
    expect(ids(await h.ok(ADMIN, 'committee.inbox', { committeeId: 'c-me' }))).toEqual(['xme']);
  });
});
