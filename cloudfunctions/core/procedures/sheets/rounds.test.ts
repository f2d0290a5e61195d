import { beforeEach, describe, expect, it } from 'vitest';
import type { Brand } from '@shared/domain/brand/brand';
import { emptyBrandReport } from '@shared/domain/brand/report';
import type { Project } from '@shared/domain/project/project';
import { ADMIN, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import { approvedProject, RECEIPT, TODAY } from '../funding/fixtures';
import { addMember, addPeople, application, HOST_ME, openExport, REVIEWER_ART, REVIEWER_PE, stored, table, tick, uid } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await addPeople(h);
});

/** 10:00 on 2027-01-07 in Beijing: after the seeded batch's recommendation deadline. */
const REVIEW_DAY = new Date('2027-01-07T02:00:00Z');
const all = (n: number) => ({ fit: n, innovation: n, practice: n, effect: n, support: n });

interface Round {
  a: Project;
  b: Project;
  c: Project;
}

/** Three recommended applications under review, each assigned to 赵明 (艺术) and 周健 (体育). */
async function round(): Promise<Round> {
  const a = await application(h, HOST, '红色引擎');
  const b = await application(h, MEMBER2, '双带头人');
  const c = await application(h, HOST_ME, '机电先锋');
  await addMember(h, a, 'dev-member-2', '李思雨', '2026-11-27T03:00:00.000Z');
  await addMember(h, a, 'dev-secretary-cs', '王建国', '2026-11-27T04:00:00.000Z');
  tick(h);
  await h.ok(SECRETARY_CS, 'committee.decide', { id: a._id, version: a.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
  await h.ok(SECRETARY_CS, 'committee.decide', { id: b._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 2 });
  await h.ok(SECRETARY_ME, 'committee.decide', { id: c._id, version: c.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
  h.now.value = REVIEW_DAY;
  await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
  for (const p of [a, b, c]) await h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: p._id, reviewerIds: [uid(REVIEWER_ART), uid(REVIEWER_PE)] });
  return { a: await stored(h, a._id), b: await stored(h, b._id), c: await stored(h, c._id) };
}

describe('export.reviewScores (评审得分)', () => {
  it('ranks by average with each reviewer’s total, the spread, and the reviews still missing', async () => {
    const r = await round();
    await h.ok(REVIEWER_ART, 'review.score', { projectId: r.a._id, scores: all(8), comment: '思路清晰' });
    await h.ok(REVIEWER_PE, 'review.score', { projectId: r.a._id, scores: { ...all(9), support: 10 }, comment: '可行' });
    await h.ok(REVIEWER_ART, 'review.score', { projectId: r.b._id, scores: all(10), comment: '优秀' });

    const file = await h.ok(ADMIN, 'export.reviewScores', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(3);
    expect(file.fileName).toBe('第三批校级党建精品项目（2026）评审得分.xlsx');
    const wb = await openExport(h, file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['得分汇总', '评分明细']);
    const s = table(wb, '得分汇总', 3);
    // Reviewers in pinyin order (zhao before zhou).
    expect(s.header.slice(-2)).toEqual(['赵明（艺术学部党委）', '周健（体育学院党总支）']);
    // b: one review of 100; a: 80 and 91 → 85.5; c: nothing yet (no rank, last).
    expect(s.rows.map((x) => [x['排名'], x['项目名称'], x['已评人数'], x['平均分']])).toEqual([
      [1, '双带头人', 1, 100],
      [2, '红色引擎', 2, 85.5],
      [null, '机电先锋', 0, null],
    ]);
    expect(s.rows[1]).toMatchObject({ 应评人数: 2, 最高分: 91, 最低分: 80, 分差: 11, 未评专家: null, '周健（体育学院党总支）': 91, '赵明（艺术学部党委）': 80 });
    expect(s.rows[0]).toMatchObject({ 未评专家: '周健', '周健（体育学院党总支）': '未评', '赵明（艺术学部党委）': 100, 推荐排序: 2 });
    expect(s.rows[2]).toMatchObject({ 未评专家: '赵明、周健', '周健（体育学院党总支）': '未评', '赵明（艺术学部党委）': '未评' });
    expect(s.cell(1, '平均分').numFmt).toBe('0.00');

    const d = table(wb, '评分明细', 6);
    expect(d.header).toContain('机制创新与实践创新（满分10·权重25%）');
    const aPe = d.rows.find((x) => x['项目名称'] === '红色引擎' && x['评审专家'] === '周健');
    expect(aPe).toMatchObject({ 评分状态: '已评', '团队组成与保障（满分10·权重10%）': 10, 加权总分: 91, 评审意见: '可行', '评分时间（北京时间）': '2027-01-07 10:00' });
    const missing = d.rows.filter((x) => x['评分状态'] === '未评').map((x) => `${x['项目名称']}/${x['评审专家']}`);
    expect(missing.sort()).toEqual(['双带头人/周健', '机电先锋/周健', '机电先锋/赵明'].sort());
  });

  it('is the 组织部’s alone, and an empty round is a valid file', async () => {
    const empty = await h.ok(ADMIN, 'export.reviewScores', { batchId: OPEN_BATCH });
    expect(empty.rows).toBe(0);
    const wb = await openExport(h, empty);
    expect(String(table(wb, '得分汇总', 0).ws.getRow(4).getCell(1).value)).toContain('暂无数据');
    expect(table(wb, '评分明细', 0).header).toContain('加权总分');
    expect((await h.err(SECRETARY_CS, 'export.reviewScores', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(REVIEWER_ART, 'export.reviewScores', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
  });
});

describe('export.publicity (公示名单)', () => {
  it('lists the publicised applications by committee with their teams', async () => {
    const r = await round();
    await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [r.a._id, r.c._id], publicityStart: '2027-01-07', publicityEnd: '2027-01-13' });
    const file = await h.ok(ADMIN, 'export.publicity', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(2);
    expect(file.fileName).toBe('第三批校级党建精品项目（2026）公示名单.xlsx');
    const t = table(await openExport(h, file), '公示名单', 2);
    expect(String(t.ws.getCell('A2').value)).toContain('公示期：2027年1月7日 至 2027年1月13日');
    expect(t.rows).toEqual([
      { 序号: 1, 项目名称: '红色引擎', 项目类别: '党建与业务融合', '所属党委/总支': '计算机与软件学院党委', 项目负责人: '张晓明', 团队成员: '李思雨、王建国', 当前状态: '公示中' },
      { 序号: 2, 项目名称: '机电先锋', 项目类别: '党建与业务融合', '所属党委/总支': '机电与控制工程学院党委', 项目负责人: '吴机电', 团队成员: null, 当前状态: '公示中' },
    ]);
    expect((await h.err(SECRETARY_CS, 'export.publicity', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
  });
});

describe('export.funding (经费)', () => {
  it('shows grant, tranches, matching, spending and balance as yuan from fen, with a 合计 row', async () => {
    const p = await approvedProject(h, 10_001);
    await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: 5_000, note: '' });
    await h.ok(SECRETARY_CS, 'funding.setMatching', { projectId: p._id, amountFen: 120_050, note: '学院配套' });
    await h.ok(HOST, 'funding.addExpense', { projectId: p._id, date: TODAY, item: '资料印制', amountFen: 1_234, receipts: [RECEIPT] });

    const file = await h.ok(ADMIN, 'export.funding', { batchId: OPEN_BATCH });
    expect(file.rows).toBe(1);
    expect(file.fileName).toBe('第三批校级党建精品项目（2026）经费情况（全校）.xlsx');
    const t = table(await openExport(h, file), '经费情况', 2);
    expect(t.rows[0]).toMatchObject({
      负责人: '张晓明',
      当前状态: '培育中',
      '立项经费（元）': 100.01,
      '第一笔已拨（元）': 50,
      '第二笔已拨（元）': 0,
      '已拨合计（元）': 50,
      '配套经费（元）': 1200.5,
      '已支出（元）': 12.34,
      '结余（元）': 1238.16,
      '尚未拨付（元）': 50.01,
    });
    expect(String(t.rows[0]['第一笔拨付时间'])).toMatch(/^2026-11-27 \d{2}:\d{2}$/);
    expect(t.cell(0, '结余（元）').numFmt).toBe('#,##0.00');
    expect(t.rows[1]).toMatchObject({ 序号: '合计', '立项经费（元）': 100.01, '结余（元）': 1238.16 });
    expect(t.cell(1, '立项经费（元）').font?.bold).toBe(true);

    // Every batch: a 批次 column; a secretary: their own committee only.
    const everyBatch = table(await openExport(h, await h.ok(ADMIN, 'export.funding', {})), '经费情况', 1);
    expect(everyBatch.rows[0]['批次']).toBe('第三批校级党建精品项目（2026）');
    expect((await h.ok(SECRETARY_CS, 'export.funding', { batchId: OPEN_BATCH })).rows).toBe(1);
    const other = await h.ok(SECRETARY_ME, 'export.funding', { batchId: null });
    expect(other.rows).toBe(0);
    expect(other.fileName).toContain('机电与控制工程学院党委');
    table(await openExport(h, other), '经费情况', 0);
    expect((await h.err(HOST, 'export.funding', {})).code).toBe('FORBIDDEN');
  });
});

describe('export.brands (资源库)', () => {
  async function brand(id: string, committeeId: string, year: number, state: Brand['state'], name: string): Promise<void> {
    const report = { ...emptyBrandReport(), name, connotation: `${name}的内涵`, approach: '实践—总结—规范', stage: 'improve' as const, carriers: [{ title: '主题党日', description: '', projectId: null, photos: [] }] };
    await h.store.insert<Brand>('brands', {
      _id: id,
      committeeId,
      year,
      state,
      report,
      cultivation: state === 'draft' ? null : { plan: '三年计划', leader: '刘书记', cadre: '陈干部' },
      returnComment: null,
      searchText: name,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      submittedAt: null,
      acceptedAt: state === 'draft' ? null : '2026-03-01T02:00:00.000Z',
      promotedAt: null,
    });
  }

  beforeEach(async () => {
    await brand('br-cs', 'c-cs', 2026, 'draft', '红色引擎');
    await brand('br-me', 'c-me', 2026, 'accepted', '智造先锋');
    await brand('br-med', 'c-med', 2025, 'promoted', '医者仁心');
  });

  it('shows each person what brand.library shows them', async () => {
    const admin = await h.ok(ADMIN, 'export.brands', {});
    expect(admin.fileName).toBe('党建品牌资源库.xlsx');
    const t = table(await openExport(h, admin), '党建品牌资源库', 3);
    expect(t.rows.map((r) => r['品牌名称'])).toEqual(['红色引擎', '智造先锋', '医者仁心']);
    expect(t.rows[1]).toMatchObject({ '所属党委/总支': '机电与控制工程学院党委', 年度: 2026, 所处阶段: '提高', 状态: '已认定（培育中）', 活动载体: '1. 主题党日', 联系领导: '刘书记', '认定时间（北京时间）': '2026-03-01 10:00' });

    const me = table(await openExport(h, await h.ok(SECRETARY_ME, 'export.brands', {})), '党建品牌资源库', 2);
    expect(me.rows.map((r) => r['品牌名称'])).toEqual(['智造先锋', '医者仁心']);
    expect((await h.ok(SECRETARY_CS, 'export.brands', {})).rows).toBe(3);
    expect((await h.ok(SECRETARY_ME, 'export.brands', { state: 'draft' })).rows).toBe(0);
    const old = await h.ok(SECRETARY_ME, 'export.brands', { year: 2025 });
    expect(old.rows).toBe(1);
    expect(old.fileName).toBe('党建品牌资源库（2025年度）.xlsx');
    expect((await h.err(HOST, 'export.brands', {})).code).toBe('FORBIDDEN');
  });
});
