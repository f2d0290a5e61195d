import { beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import { ADMIN, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import { addMember, addPeople, application, HOST_CS3, HOST_ME, openExport, stored, table, tick } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addPeople(h);
});

interface Seeded {
  /** c-cs, 张晓明, budget 1 200.50, one member, recommended 2nd. */
  a: Project;
  /** c-cs, 李思雨, recommended 1st. */
  b: Project;
  /** c-me, 吴机电, submitted. */
  c: Project;
  /** c-cs, 何草稿: a draft, never listed. */
  draft: Project;
}

async function recommend(p: Project, rank: number, comment: string): Promise<void> {
  tick(h);
  await h.ok(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'recommend', comment, rank });
}

async function seed(): Promise<Seeded> {
  const a = await application(h, HOST, '“红色引擎”党建与科研融合工程', { budgetFen: 120_050 });
  await addMember(h, a, 'dev-member-2', '李思雨', '2026-11-27T03:00:00.000Z');
  const b = await application(h, MEMBER2, '研究生“双带头人”培育计划');
  const c = await application(h, HOST_ME, '机电先锋工程');
  const draft = await application(h, HOST_CS3, '尚未提交的草稿', { draft: true });
  await recommend(a, 2, '经党委会研究，同意推荐，排第二。');
  await recommend(b, 1, '经党委会研究，同意推荐，排第一。');
  return { a: await stored(h, a._id), b: await stored(h, b._id), c, draft };
}

describe('export.applications (申报汇总)', () => {
  it('lists a batch for the 组织部 by committee, with branch, phone, Beijing time, yuan from fen and team size, never drafts', async () => {
    const s = await seed();
    const file = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(3);
    expect(file.fileName).toBe('第三批校级党建精品项目（2026）申报汇总（全校）.xlsx');
    const t = table(await openExport(h, file), '申报汇总', file.rows);
    expect(t.header).toEqual(['序号', '项目名称', '所属党委/总支', '支部', '负责人', '联系电话', '类别', '状态', '提交时间（北京时间）', '推荐排序', '经费预算（元）', '团队人数']);
    expect(t.headerRow).toBe(3);
    expect(String(t.ws.getCell('A1').value)).toBe('第三批校级党建精品项目（2026）申报汇总');
    expect(String(t.ws.getCell('A2').value)).toContain('共 3 项');
    // c-cs (order 1) before c-me; within c-cs by submission time.
    expect(t.rows.map((r) => r['项目名称'])).toEqual([s.a.fields.title, s.b.fields.title, s.c.fields.title]);
    expect(t.rows.map((r) => r['序号'])).toEqual([1, 2, 3]);
    expect(t.rows[0]).toMatchObject({
      '所属党委/总支': '计算机与软件学院党委',
      支部: '计算机系教工第一党支部',
      负责人: '张晓明',
      联系电话: '13800138000',
      类别: '党建与业务融合',
      状态: '已推荐',
      推荐排序: 2,
      '经费预算（元）': 1200.5,
      团队人数: 2,
    });
    expect(t.cell(0, '经费预算（元）').numFmt).toBe('#,##0.00');
    // Submitted at 10:01 UTC+8 on 2026-11-27 (the harness clock is 02:00Z, ticked a minute).
    expect(t.rows[0]['提交时间（北京时间）']).toBe('2026-11-27 10:01');
    expect(t.rows[1]).toMatchObject({ 支部: '软件工程研究生第一党支部', 推荐排序: 1, 团队人数: 1, '经费预算（元）': 4200.5 });
    expect(t.rows[2]).toMatchObject({ '所属党委/总支': '机电与控制工程学院党委', 状态: '已提交基层党委', 推荐排序: null, 支部: '机电研究生党支部' });
    expect(JSON.stringify(t.rows)).not.toContain('尚未提交的草稿');
    // Nothing after the three rows.
    expect(t.ws.getRow(t.headerRow + 4).getCell(1).value).toBeNull();
    expect(t.ws.getColumn(2).width).toBe(32);
  });

  it('gives a secretary their own committee, and FORBIDDEN for another committee or a member', async () => {
    const s = await seed();
    const own = await h.ok(SECRETARY_CS, 'export.applications', { batchId: OPEN_BATCH });
    expect(own.rows).toBe(2);
    expect(own.fileName).toContain('（计算机与软件学院党委）');
    const t = table(await openExport(h, own), '申报汇总', own.rows);
    expect(t.rows.map((r) => r['项目名称']).sort()).toEqual([s.a.fields.title, s.b.fields.title].sort());
    expect((await h.ok(SECRETARY_CS, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-cs' })).rows).toBe(2);

    const other = await h.err(SECRETARY_CS, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-me' });
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toContain('本基层党委');
    expect((await h.err(SECRETARY_ME, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'export.applications', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(NEWCOMER, 'export.applications', { batchId: OPEN_BATCH })).code).toBe('UNAUTHENTICATED');
    expect((await h.err(ADMIN, 'export.applications', { batchId: 'no-such-batch' })).code).toBe('NOT_FOUND');
    expect((await h.err(ADMIN, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-nowhere' })).code).toBe('NOT_FOUND');
  });

  it('filters by committee and state for the 组织部; drafts cannot be asked for', async () => {
    const s = await seed();
    const me = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-me' });
    expect(me.rows).toBe(1);
    expect(me.fileName).toContain('机电与控制工程学院党委');
    const submitted = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH, state: 'submitted', committeeId: null });
    expect(submitted.fileName).toContain('已提交基层党委');
    const t = table(await openExport(h, submitted), '申报汇总', submitted.rows);
    expect(t.rows.map((r) => r['项目名称'])).toEqual([s.c.fields.title]);
    const recommended = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH, state: 'recommended' });
    expect(recommended.rows).toBe(2);
    const draft = await h.err(ADMIN, 'export.applications', { batchId: OPEN_BATCH, state: 'draft' });
    expect(draft.code).toBe('VALIDATION');
    expect(draft.message).toContain('草稿');
  });

  it('answers an empty list with a valid file that has its headers and says there is nothing', async () => {
    const file = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(0);
    const t = table(await openExport(h, file), '申报汇总', 0);
    expect(t.header).toContain('经费预算（元）');
    expect(String(t.ws.getRow(t.headerRow + 1).getCell(1).value)).toContain('暂无数据');
  });

  it('makes a file that opens from hostile stored text: control characters dropped, 40 000 characters cut at 32 767', async () => {
    const s = await seed();
    const p = await stored(h, s.a._id);
    const hostile = `坏\u0000标\u0007题\u001b\uFFFE\uD800尾`;
    await h.store.update<Project>('projects', p._id, p.version, {
      hostName: '张\u0001晓明',
      fields: { ...p.fields, title: hostile, contactPhone: '138\u000b0013' },
      committeeOpinion: '长'.repeat(40_000),
    });
    const file = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH, committeeId: 'c-cs' });
    const t = table(await openExport(h, file), '申报汇总', file.rows);
    const row = t.rows.find((r) => String(r['项目名称']).startsWith('坏'));
    expect(row).toMatchObject({ 项目名称: '坏标题尾', 负责人: '张晓明', 联系电话: '1380013' });

    const rec = await h.ok(ADMIN, 'export.recommendations', { batchId: OPEN_BATCH, committeeId: 'c-cs' });
    const r = table(await openExport(h, rec), '推荐名单', rec.rows);
    const opinion = String(r.rows.find((x) => x['项目名称'] === '坏标题尾')?.['推荐意见']);
    expect(opinion.length).toBe(32_767);
    expect(opinion.endsWith('…')).toBe(true);
  });
});

describe('export.recommendations (推荐名单)', () => {
  it('lists each committee’s recommendations in rank order with the 推荐意见', async () => {
    const s = await seed();
    const file = await h.ok(SECRETARY_CS, 'export.recommendations', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(2);
    expect(file.fileName).toBe('第三批校级党建精品项目（2026）推荐名单（计算机与软件学院党委）.xlsx');
    const t = table(await openExport(h, file), '推荐名单', file.rows);
    expect(t.rows.map((r) => [r['推荐排序'], r['项目名称'], r['推荐意见']])).toEqual([
      [1, s.b.fields.title, '经党委会研究，同意推荐，排第一。'],
      [2, s.a.fields.title, '经党委会研究，同意推荐，排第二。'],
    ]);
    expect(t.rows[1]).toMatchObject({ 负责人: '张晓明', '经费预算（元）': 1200.5, 团队人数: 2, 当前状态: '已推荐' });

    // The 组织部: every committee (c-me has none recommended); a secretary elsewhere: FORBIDDEN.
    expect((await h.ok(ADMIN, 'export.recommendations', { batchId: OPEN_BATCH })).rows).toBe(2);
    const empty = await h.ok(ADMIN, 'export.recommendations', { batchId: OPEN_BATCH, committeeId: 'c-me' });
    expect(empty.rows).toBe(0);
    table(await openExport(h, empty), '推荐名单', 0);
    expect((await h.err(SECRETARY_ME, 'export.recommendations', { batchId: OPEN_BATCH, committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    expect((await h.err(MEMBER2, 'export.recommendations', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
  });
});

describe('reading a large batch', () => {
  it('pages through the store (≤ 100 a query) and batches the lookups instead of one read per row', async () => {
    const base = await application(h, HOST, '模板项目');
    const N = 250;
    for (let i = 0; i < N; i += 1) {
      const { _id: _omit, version: _v, ...rest } = base;
      await h.store.insert<Project>('projects', { ...rest, _id: `bulk-${String(i).padStart(3, '0')}`, hostId: `u_bulk-${i}`, hostName: `主持人${i}`, fields: { ...base.fields, title: `项目${i}` } });
    }
    const finds: number[] = [];
    let gets = 0;
    const store = h.store;
    const find = store.find.bind(store);
    const get = store.get.bind(store);
    store.find = (async (collection: string, options?: Parameters<typeof find>[1]) => {
      const page = await find(collection, options);
      finds.push(page.length);
      expect(options?.limit ?? 100).toBeLessThanOrEqual(100);
      return page;
    }) as typeof store.find;
    store.get = (async (collection: string, id: string) => {
      gets += 1;
      return get(collection, id);
    }) as typeof store.get;

    const file = await h.ok(ADMIN, 'export.applications', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(N + 1);
    expect(Math.max(...finds)).toBeLessThanOrEqual(100);
    // Two passes of 3 pages over the projects, plus a few lookups per page — not one per row.
    expect(finds.length).toBeLessThan(40);
    expect(gets).toBeLessThan(5);
    const t = table(await openExport(h, file), '申报汇总', file.rows);
    expect(new Set(t.rows.map((r) => r['项目名称'])).size).toBe(N + 1);
    expect(t.rows.at(-1)?.['序号']).toBe(N + 1);
  });
});
