import { beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import { approvedProject, GRANT, passedMidterm } from './fixtures';
import type { Disbursement, Expense } from './records';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const list = (input: Record<string, unknown>) => h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, ...input });
const ids = (r: { items: Array<{ projectId: string }> }) => r.items.map((p) => p.projectId);

/** A funded project written straight into the store, with the tranches paid and expenses given and, as the procedures write them, their totals on the project. */
async function put(id: string, o: { title: string; committeeId?: string; state?: ProjectState; grant?: number; passed?: boolean; paid?: Array<1 | 2>; spent?: number[]; host?: string; at?: string }) {
  const grant = o.grant ?? 20_000;
  await h.store.insert<Project>('projects', {
    _id: id,
    batchId: OPEN_BATCH,
    committeeId: o.committeeId ?? 'c-art',
    hostId: `u_h-${id}`,
    hostName: o.host ?? `主持${id}`,
    state: o.state ?? 'cultivating',
    fields: { ...COMPLETE_FIELDS, title: o.title },
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: o.at ?? '2026-11-20T00:00:00.000Z',
    submittedAt: '2026-11-01T00:00:00.000Z',
    committeeRank: null,
    grantFen: grant,
    midtermPassed: o.passed ?? false,
    paidFen: (o.paid ?? []).length * (grant / 2),
    tranchesPaid: (o.paid ?? []).length,
    spentFen: (o.spent ?? []).reduce((a, b) => a + b, 0),
  });
  for (const t of o.paid ?? []) {
    await h.store.insert<Disbursement>('disbursements', { _id: `${id}:t${t}`, projectId: id, batchId: OPEN_BATCH, tranche: t, amountFen: grant / 2, note: '', at: '2026-11-10T00:00:00.000Z', actorId: 'u_dev-admin' });
  }
  for (const [i, amountFen] of (o.spent ?? []).entries()) {
    await h.store.insert<Expense>('expenses', { _id: `${id}:e${i}`, projectId: id, batchId: OPEN_BATCH, date: '2026-11-15', item: '资料', amountFen, receipts: [], overridden: false, overrideReason: null, excessFen: 0, authorId: `u_h-${id}`, createdAt: '2026-11-15T00:00:00.000Z' });
  }
}

describe('the 组织部’s list of funded projects', () => {
  it('shows every approved project of the batch with what is paid and what is due', async () => {
    const a = await passedMidterm(h); // tranche 1 paid, midterm passed: tranche 2 due
    const b = await approvedProject(h, 20_000, MEMBER2); // nothing paid yet: tranche 1 due
    const r = await list({});
    expect(r).toMatchObject({ total: 2, page: 0, pageSize: 20, due: 2, midterm: 0, final: 0 });
    const byId = Object.fromEntries(r.items.map((x) => [x.projectId, x]));
    expect(byId[a._id]).toMatchObject({ state: 'cultivating', grantFen: GRANT, paidFen: 5_000, dueTranche: 2, midtermPassed: true, committeeName: '计算机与软件学院党委' });
    expect(byId[b._id]).toMatchObject({ state: 'approved', grantFen: 20_000, paidFen: 0, spentFen: 0, dueTranche: 1, hostName: '李思雨' });
    expect(r.committees).toEqual([{ committeeId: byId[a._id].committeeId, name: '计算机与软件学院党委', count: 2 }]);
  });

  it('answers only the 组织部, and a batch that does not exist is NOT_FOUND (an existing empty one is an empty list)', async () => {
    await approvedProject(h);
    expect((await h.err(SECRETARY_CS, 'funding.list', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'funding.list', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'funding.list', { batchId: 'nope' })).code).toBe('NOT_FOUND');
    expect(await h.ok(ADMIN, 'funding.list', { batchId: 'batch-2022-2' })).toMatchObject({ items: [], total: 0, due: 0, committees: [] });
  });
});

describe('sorted, filtered and paged on the server', () => {
  beforeEach(async () => {
    await put('f1', { title: '红色引擎', committeeId: 'c-art', paid: [1], spent: [3_000, 1_000], at: '2026-11-21T00:00:00.000Z' });
    await put('f2', { title: '机电先锋', committeeId: 'c-pe', state: 'approved', grant: 40_000, host: '王一' });
    await put('f3', { title: '医者仁心', committeeId: 'c-art', paid: [1], passed: true, spent: [9_000], at: '2026-11-22T00:00:00.000Z' });
    await put('f4', { title: '体育强国', committeeId: 'c-pe', state: 'midterm_review', paid: [1], at: '2026-11-19T00:00:00.000Z' });
    await put('f5', { title: '已结项目', committeeId: 'c-art', state: 'concluded', paid: [1, 2], passed: true, spent: [500] });
    await put('f6', { title: '未立项的', committeeId: 'c-art', state: 'under_review' });
  });

  it('lists only funded states, newest change first, with paid and spent and the batch’s counts', async () => {
    const r = await list({});
    expect(ids(r)).toEqual(['f3', 'f1', 'f2', 'f5', 'f4']);
    expect(r).toMatchObject({ total: 5, due: 2, midterm: 1, final: 0 });
    expect(r.items.find((p) => p.projectId === 'f1')).toMatchObject({ paidFen: 10_000, spentFen: 4_000, dueTranche: null });
    expect(r.items.find((p) => p.projectId === 'f3')).toMatchObject({ paidFen: 10_000, spentFen: 9_000, dueTranche: 2 });
    expect(r.items.find((p) => p.projectId === 'f5')).toMatchObject({ paidFen: 20_000, spentFen: 500, dueTranche: null });
    expect(Object.fromEntries(r.committees.map((c) => [c.committeeId, c.count]))).toEqual({ 'c-art': 3, 'c-pe': 2 });
    const names = r.committees.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare));
  });

  it('sorts by the tranche due, money, title, committee and state, either way, ties by number', async () => {
    expect(ids(await list({ sort: 'due' }))).toEqual(['f2', 'f3', 'f1', 'f4', 'f5']);
    expect(ids(await list({ sort: 'spent' }))).toEqual(['f3', 'f1', 'f5', 'f2', 'f4']);
    expect(ids(await list({ sort: 'spent', direction: 'asc' }))).toEqual(['f2', 'f4', 'f5', 'f1', 'f3']);
    expect(ids(await list({ sort: 'paid' }))).toEqual(['f5', 'f1', 'f3', 'f4', 'f2']);
    expect(ids(await list({ sort: 'grant' }))[0]).toBe('f2');
    const titles = (await list({ sort: 'title' })).items.map((p) => p.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('zh-Hans-CN').compare));
    const names = (await list({ sort: 'committee', direction: 'desc' })).items.map((p) => p.committeeName);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare).reverse());
    expect((await list({ sort: 'state' })).items.map((p) => p.state)).toEqual(['approved', 'cultivating', 'cultivating', 'midterm_review', 'concluded']);
  });

  it('filters by state, committee, 待拨付 and a search of title, number or host', async () => {
    expect(ids(await list({ state: 'cultivating' }))).toEqual(['f3', 'f1']);
    expect(ids(await list({ committeeId: 'c-pe' }))).toEqual(['f2', 'f4']);
    expect(ids(await list({ due: true }))).toEqual(['f3', 'f2']);
    expect(ids(await list({ due: false, committeeId: 'c-art' }))).toEqual(['f1', 'f5']);
    expect(ids(await list({ q: '仁心' }))).toEqual(['f3']);
    expect(ids(await list({ q: 'F4' }))).toEqual(['f4']);
    expect(ids(await list({ q: '王一' }))).toEqual(['f2']);
    expect(ids(await list({ q: '  ' }))).toHaveLength(5);
    // The batch's counts and committees stay whole under a filter.
    expect(await list({ q: '没有这个' })).toMatchObject({ items: [], total: 0, due: 2, midterm: 1 });
  });

  it('pages without overlap, 20 or 50 rows, a page past the end empty', async () => {
    for (let i = 10; i < 55; i++) await put(`g${i}`, { title: `批量${i}`, committeeId: 'c-pe', state: 'approved' });
    const [p0, p1, p2] = [await list({ q: '批量' }), await list({ q: '批量', page: 1 }), await list({ q: '批量', page: 2 })];
    expect([p0.items.length, p1.items.length, p2.items.length, p0.total]).toEqual([20, 20, 5, 45]);
    expect(new Set([...ids(p0), ...ids(p1), ...ids(p2)]).size).toBe(45);
    // Same change time: the number orders them.
    expect([...ids(p0), ...ids(p1), ...ids(p2)]).toEqual([...ids(p0), ...ids(p1), ...ids(p2)].sort());
    expect((await list({ q: '批量', pageSize: 50 })).items).toHaveLength(45);
    expect(await list({ q: '批量', page: 3 })).toMatchObject({ items: [], total: 45, page: 3 });
  });

  it('refuses bad input with a coded error naming the field, and stores nothing', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ page: -1 }, '页码'],
      [{ page: 1.5 }, '页码'],
      [{ pageSize: 30 }, '每页条数'],
      [{ pageSize: '20' }, '每页条数'],
      [{ sort: 'budget' }, '排序方式'],
      [{ direction: 'up' }, '排序方向'],
      [{ state: 'draft' }, '项目状态'],
      [{ state: 'nope' }, '项目状态'],
      [{ committeeId: '' }, '基层党委'],
      [{ committeeId: 'x'.repeat(65) }, '基层党委'],
      [{ due: 'yes' }, '待拨付'],
      [{ q: '长'.repeat(41) }, '搜索内容'],
      [{ q: 12 }, '搜索内容'],
      [{ extra: 1 }, ''],
      [{ batchId: '' }, '批次'],
    ];
    for (const [input, field] of bad) {
      const e = await h.err(ADMIN, 'funding.list', { batchId: OPEN_BATCH, ...input });
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.message, JSON.stringify(input)).toContain(field);
    }
    expect((await h.raw(ADMIN, 'funding.list', null)).ok).toBe(false);
    expect((await h.raw(ADMIN, 'funding.list', [])).ok).toBe(false);
  });
});
