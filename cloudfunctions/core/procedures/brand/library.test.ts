import { beforeEach, describe, expect, it } from 'vitest';
import type { Brand } from '@shared/domain/brand/brand';
import { brandSearchText } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import type { BrandStage } from '@shared/domain/brand/stage';
import type { BrandState } from '@shared/domain/brand/state';
import { ADMIN, createHarness, HOST, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

/** 党建品牌资源库 (brand.library): sorted, filtered, searched and paged on the server, with the total. */
let h: Harness;
const pad = (i: number) => String(i).padStart(2, '0');
const COMMITTEES: Record<string, string> = { 'c-cs': '计算机与软件学院党委', 'c-me': '机电与控制工程学院党委', 'c-med': '医学部党委', 'c-art': '艺术学部党委', 'c-pe': '体育学院党总支' };

async function put(id: string, name: string, committeeId: string, year: number, state: BrandState, stage: BrandStage, updatedAt: string) {
  const report = { name, stage } as BrandReport;
  await h.store.insert<Brand>('brands', {
    _id: id, committeeId, year, state, report, cultivation: null, returnComment: null, searchText: brandSearchText(name, COMMITTEES[committeeId]),
    createdAt: updatedAt, updatedAt, submittedAt: null, acceptedAt: null, promotedAt: null,
  });
}

const lib = (input: Record<string, unknown>, who = ADMIN) => h.ok(who, 'brand.library', input);
const ids = (r: { items: Array<{ _id: string }> }) => r.items.map((b) => b._id);

beforeEach(async () => {
  h = await createHarness();
  // 25 accepted brands over five committees and five years, one a minute; a draft of 计算机.
  const cs = Object.keys(COMMITTEES);
  for (let i = 1; i <= 25; i++) await put(`br${pad(i)}`, `品牌${pad(i)}`, cs[i % 5], 2020 + (i % 5), i === 3 ? 'promoted' : 'accepted', i % 2 ? 'improve' : 'summary', `2026-10-01T00:${pad(i)}:00.000Z`);
  await put('brdraft', '草稿品牌', 'c-cs', 2026, 'draft', 'summary', '2026-10-02T00:00:00.000Z');
});

describe('brand.library', () => {
  it('pages the library newest change first, with the total and whether there is more', async () => {
    const [p0, p1] = [await lib({}), await lib({ page: 1 })];
    expect([p0.items.length, p1.items.length, p0.total, p0.hasMore, p1.hasMore]).toEqual([20, 6, 26, true, false]);
    expect(ids(p0).slice(0, 2)).toEqual(['brdraft', 'br25']);
    expect(new Set([...ids(p0), ...ids(p1)]).size).toBe(26);
    expect((await lib({ pageSize: 50 })).items).toHaveLength(26);
    expect((await lib({ page: 4 })).items).toEqual([]);
  });

  it('sorts by name, committee, year, stage and state, either way, ties by id', async () => {
    const names = (await lib({ sort: 'name', pageSize: 50 })).items.map((b) => b.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect((await lib({ sort: 'name' })).items[0].name).toBe('草稿品牌');
    expect((await lib({ sort: 'name', direction: 'desc' })).items[0].name).toBe('品牌25');
    const committees = (await lib({ sort: 'committee', pageSize: 50 })).items.map((b) => b.committeeName);
    expect(committees).toEqual([...committees].sort(new Intl.Collator('zh-Hans-CN').compare));
    const years = (await lib({ sort: 'year', pageSize: 50 })).items.map((b) => b.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    // In the order a brand passes through: 总结 before 提高.
    const stages = (await lib({ sort: 'stage', pageSize: 50 })).items.map((b) => b.stage);
    expect(stages.indexOf('improve')).toBe(stages.lastIndexOf('summary') + 1);
    expect(ids(await lib({ sort: 'state', direction: 'desc' }))[0]).toBe('br03');
  });

  it('filters and searches; a committee sees the library and its own brands only', async () => {
    expect((await lib({ year: 2021 })).total).toBe(5);
    expect(ids(await lib({ state: 'promoted' }))).toEqual(['br03']);
    expect((await lib({ stage: 'improve' })).items.every((b) => b.stage === 'improve')).toBe(true);
    expect(ids(await lib({ keyword: '品牌1', sort: 'name' }))).toEqual(['br10', 'br11', 'br12', 'br13', 'br14', 'br15', 'br16', 'br17', 'br18', 'br19']);
    expect((await lib({ keyword: '医学部' })).total).toBe(5);
    expect(await lib({ keyword: '没有这个' })).toMatchObject({ items: [], total: 0, hasMore: false });
    expect((await lib({}, SECRETARY_ME)).total).toBe(25);
    expect(ids(await lib({ state: 'draft' }, SECRETARY_ME))).toEqual([]);
    expect(ids(await lib({ state: 'draft' }, SECRETARY_CS))).toEqual(['brdraft']);
  });

  it('refuses bad input with the field’s name, and anyone without a committee role', async () => {
    for (const [input, message] of [
      [{ pageSize: 30 }, '每页条数只能是 20 或 50'],
      [{ page: -1 }, '页码不能小于 0'],
      [{ sort: 'budget' }, '排序方式只能是更新时间、品牌名称、基层党委、年度、阶段或状态'],
      [{ direction: 'sideways' }, '排序方向只能是升序或降序'],
      [{ stage: 'grow' }, '请选择有效的品牌阶段'],
      [{ state: 'lost' }, '请选择有效的品牌状态'],
      [{ keyword: 'x'.repeat(41) }, '关键词过长'],
    ] as const) {
      const e = await h.err(ADMIN, 'brand.library', input);
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.message).toContain(message);
    }
    expect((await h.err(HOST, 'brand.library', {})).code).toBe('FORBIDDEN');
  });
});
