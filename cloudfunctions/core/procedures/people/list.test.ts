import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import { ADMIN, createHarness, HOST, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import { nameKeys } from '../../services/name-keys';

/** 人员与角色 (people.list): bound people sorted, filtered, searched and paged in the store. */
let h: Harness;
const pad = (i: number) => String(i).padStart(2, '0');

async function put(id: string, name: string, staffNo: string, committeeId: string, branchId: string, status: User['profileStatus'], at: string) {
  await h.store.insert<User>('users', {
    _id: id,
    openid: `wx-${id}`,
    profile: { name, staffNo, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: false },
    // As the server writes every profile.
    ...nameKeys(name, staffNo),
    profileStatus: status,
    roles: [{ role: 'member' }],
    createdAt: at,
  });
}

const list = (input: Record<string, unknown>) => h.ok(ADMIN, 'people.list', input);
const names = (r: { items: Array<{ name: string }> }) => r.items.map((p) => p.name);

beforeEach(async () => {
  h = await createHarness();
  // 25 waiting people of 体育学院党总支, bound one minute apart.
  for (let i = 1; i <= 25; i++) await put(`u_pe${pad(i)}`, `体育${pad(i)}`, `P20${pad(i)}`, 'c-pe', 'b-pe-t1', 'pending', `2026-11-01T00:${pad(i)}:00.000Z`);
  await put('u_art-r', '艺术退回', 'A9001', 'c-art', 'b-art-t1', 'rejected', '2026-10-01T00:00:00.000Z');
});

describe('people.list', () => {
  it('pages everyone by name with the total, the roles, the profile and its version', async () => {
    const p0 = await list({});
    const all = p0.total;
    expect(all).toBeGreaterThanOrEqual(26);
    expect(p0.items).toHaveLength(20);
    const rest: string[] = [];
    for (let page = 1; page * 20 < all; page++) rest.push(...names(await list({ page })));
    const every = [...names(p0), ...rest];
    expect(every).toHaveLength(all);
    expect(new Set(every).size).toBe(all);
    // Pinyin order, as Intl.Collator('zh-CN') has it for these names (no surname read otherwise).
    expect(every).toEqual([...every].sort(new Intl.Collator('zh-CN').compare));
    expect(every.filter((n) => ['刘芳', '张晓明', '李思雨', '王建国', '赵明', '陈立华'].includes(n))).toEqual(['陈立华', '李思雨', '刘芳', '王建国', '张晓明', '赵明']);
    const back = [];
    for (let page = 0; page * 20 < all; page++) back.push(...names(await list({ page, direction: 'desc' })));
    expect(back).toEqual([...every].reverse());
    const wang = (await list({ q: '王建国' })).items[0];
    expect(wang).toMatchObject({ staffNo: 'T1998007', committeeName: '计算机与软件学院党委', branchName: '计算机系教工第一党支部', profileStatus: 'confirmed', kind: 'teacher' });
    expect(wang.roles).toContainEqual({ role: 'secretary', committeeId: 'c-cs', committeeName: '计算机与软件学院党委' });
    expect(wang.version).toBeGreaterThan(0);
  });

  it('sorts by number, binding time and committee, either way; pages by committee never overlap', async () => {
    const byNo = (await list({ sort: 'staffNo', pageSize: 50 })).items.map((p) => p.staffNo);
    expect(byNo).toEqual([...byNo].sort());
    expect(names(await list({ sort: 'bound', profileStatus: 'pending' })).slice(0, 2)).toEqual(['体育25', '体育24']);
    expect(names(await list({ sort: 'bound', direction: 'asc', profileStatus: 'pending' })).slice(0, 2)).toEqual(['体育01', '体育02']);
    const collator = new Intl.Collator('zh-Hans-CN');
    const pages = [];
    for (let page = 0; page < 3; page++) pages.push(...(await list({ sort: 'committee', page })).items);
    const total = (await list({ sort: 'committee' })).total;
    expect(pages).toHaveLength(total);
    expect(new Set(pages.map((p) => p.userId)).size).toBe(total);
    const committees = pages.map((p) => p.committeeName);
    expect(committees).toEqual([...committees].sort(collator.compare));
    // Within a committee, by name (pinyin order).
    const pe = pages.filter((p) => p.committeeId === 'c-pe').map((p) => p.name);
    expect(pe).toEqual([...pe].sort(new Intl.Collator('zh-CN').compare));
    const desc = [];
    for (let page = 0; page < 3; page++) desc.push(...(await list({ sort: 'committee', direction: 'desc', page })).items.map((p) => p.committeeName));
    expect(desc).toEqual([...desc].sort(collator.compare).reverse());
  });

  it('finds a person by full pinyin with or without spaces, initials, any part of the name or the start of the number, in any case', async () => {
    for (const q of ['wjg', 'WJG', 'wangjianguo', 'wang jian guo', 'jianguo', '建国', '王建', '国', 'T1998', 't1998007']) {
      expect(names(await list({ q })), q).toEqual(['王建国']);
    }
    expect(names(await list({ q: 'lf' }))).toEqual(['刘芳']);
    expect(names(await list({ q: 'zm' }))).toEqual(['赵明']);
    // Initials of several people: all of them, in pinyin order.
    expect(names(await list({ q: 'z' }))).toEqual(['张晓明', '赵明']);
    expect(names(await list({ q: 'ty1', profileStatus: 'pending' })).slice(0, 2)).toEqual(['体育10', '体育11']);
  });

  it('filters by committee, role and status; searches the start of a name or number', async () => {
    const pending = await list({ profileStatus: 'pending', pageSize: 50 });
    expect(pending.total).toBe(25);
    expect(pending.items.every((p) => p.profileStatus === 'pending' && p.committeeId === 'c-pe')).toBe(true);
    expect(names(await list({ profileStatus: 'rejected' }))).toEqual(['艺术退回']);
    expect((await list({ profileStatus: 'rejected' })).items[0].rejectReason).toBeNull();
    const art = await list({ committeeId: 'c-art' });
    expect(art.items.every((p) => p.committeeId === 'c-art')).toBe(true);
    expect(names(art)).toContain('赵明');
    expect(names(await list({ role: 'reviewer' }))).toEqual(['赵明']);
    expect(names(await list({ role: 'secretary', sort: 'committee' }))).toEqual(['陈立华', '王建国']);
    expect(names(await list({ role: 'admin', committeeId: 'c-cs' }))).toEqual([]);
    expect(names(await list({ q: '体育1' }))).toEqual(['体育10', '体育11', '体育12', '体育13', '体育14', '体育15', '体育16', '体育17', '体育18', '体育19']);
    expect(names(await list({ q: 'T2009' }))).toEqual(['张晓明']);
    expect(names(await list({ q: '  P2025 ', profileStatus: 'pending' }))).toEqual(['体育25']);
    expect(await list({ q: '没有这个人' })).toMatchObject({ items: [], total: 0 });
    const [p0, p1] = [await list({ committeeId: 'c-pe' }), await list({ committeeId: 'c-pe', page: 1 })];
    expect([p0.items.length, p1.items.length, p0.total]).toEqual([20, 5, 25]);
    expect((await list({ committeeId: 'c-pe', page: 9 })).items).toEqual([]);
  });

  it('refuses bad input with the field’s name, and anyone but the 组织部', async () => {
    for (const [input, message] of [
      [{ pageSize: 10 }, '每页条数只能是 20 或 50'],
      [{ page: -1 }, '页码不能小于 0'],
      [{ sort: 'age' }, '排序方式只能是姓名、基层党委、工号/学号或绑定时间'],
      [{ role: 'member' }, '角色只能是'],
      [{ profileStatus: 'waiting' }, '身份状态只能是'],
      [{ q: 'x'.repeat(41) }, '搜索内容不能超过40字'],
      [{ direction: 'up' }, '排序方向只能是升序或降序'],
      [{ extra: 1 }, '无法识别的字段'],
    ] as const) {
      const e = await h.err(ADMIN, 'people.list', input);
      expect(e.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(e.message).toContain(message);
    }
    expect((await h.err(SECRETARY_CS, 'people.list', {})).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'people.list', {})).code).toBe('FORBIDDEN');
  });
});
