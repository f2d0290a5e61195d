// End to end, in Chromium against the built local host: the desk lists that grow — 人员与角色,
// the secretary's inbox, the 资源库 — sorted, filtered and paged on the server at 1280×800 with
// the row opened beside the list, and on the phone (375×812) as cards with 加载更多. What each list
// holds is written straight into the host's database first, so every count on the page is known.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { nameKeys } from '../../cloudfunctions/core/services/name-keys';
import type { Batch } from '@shared/domain/batch';
import { brandSearchText, type Brand } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import { useE2e } from '../support/e2e';
import { COMPLETE_FIELDS } from '../support/harness';
import { openDesk } from '../support/desk';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('desk-lists');
const pad = (i: number) => String(i).padStart(2, '0');
const PEOPLE = '/packages/admin/people/index';
const INBOX = '/packages/committee/inbox/index';
const LIBRARY = '/packages/brand/library/index';

/** 25 people of 体育学院党总支 waiting for confirmation, bound a minute apart. */
async function seedPeople(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    for (let i = 1; i <= 25; i++) {
      await store.insert<User>('users', {
        _id: `u_desk-p${pad(i)}`,
        openid: `wx-desk-p${pad(i)}`,
        profile: { name: `桌面人员${pad(i)}`, staffNo: `D26${pad(i)}`, kind: 'student', committeeId: 'c-pe', branchId: 'b-pe-t1', politicalStatus: 'probationary_member', isPartyWorker: false },
        ...nameKeys(`桌面人员${pad(i)}`, `D26${pad(i)}`),
        profileStatus: 'pending',
        roles: [{ role: 'member' }],
        createdAt: `2026-11-20T00:${pad(i)}:00.000Z`,
      });
    }
  } finally {
    await store.close();
  }
}

/** 计算机与软件学院党委's inbox: 25 waiting (the 7th a 文化 one), two recommended (ranks 1 and 2), one returned. */
async function seedInbox(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    const batch = (await store.find<Batch & { _id: string; version: number }>('batches', { limit: 100 })).find((b) => b.level === 'school');
    if (!batch) throw new Error('no school batch in the seed');
    const put = (id: string, title: string, state: Project['state'], at: string, extra: Partial<Project> = {}) =>
      store.insert<Project>('projects', {
        _id: id,
        batchId: batch._id,
        committeeId: 'c-cs',
        hostId: `u_host-${id}`,
        hostName: `主持人${id.slice(-2)}`,
        state,
        fields: { ...COMPLETE_FIELDS, title, category: id === 'ib07' ? 'culture' : 'integration' },
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        committeeRank: null,
        ...extra,
      });
    for (let i = 1; i <= 25; i++) await put(`ib${pad(i)}`, `收件项目${pad(i)}`, 'submitted', `2026-11-20T01:${pad(i)}:00.000Z`);
    await put('ibr1', '推荐项目甲', 'recommended', '2026-11-21T00:00:00.000Z', { committeeRank: 1, committeeOpinion: '同意推荐' });
    await put('ibr2', '推荐项目乙', 'recommended', '2026-11-21T01:00:00.000Z', { committeeRank: 2, committeeOpinion: '同意推荐' });
    await put('ibre', '退回项目', 'returned', '2026-11-22T00:00:00.000Z');
  } finally {
    await store.close();
  }
}

/** 25 accepted brands of 医学部党委 and 艺术学部党委 over two years, changed a minute apart. */
async function seedBrands(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    for (let i = 1; i <= 25; i++) {
      const [committeeId, committeeName] = i % 2 ? ['c-med', '医学部党委'] : ['c-art', '艺术学部党委'];
      const name = `桌面品牌${pad(i)}`;
      const at = `2026-10-01T00:${pad(i)}:00.000Z`;
      const report = { name, stage: i % 3 ? 'summary' : 'improve' } as BrandReport;
      await store.insert<Brand>('brands', {
        _id: `brand-desk-${pad(i)}`, committeeId, year: i <= 12 ? 2025 : 2026, state: 'accepted', report, cultivation: null, returnComment: null,
        searchText: brandSearchText(name, committeeName), createdAt: at, updatedAt: at, submittedAt: at, acceptedAt: at, promotedAt: null,
      });
    }
  } finally {
    await store.close();
  }
}

async function desk(who: string) {
  const pc = await openDesk(t.browser, t.pageErrors);
  t.pages.push(pc);
  await t.signIn(pc, who);
  return pc;
}

describe('the desk lists at 1280 px and on the phone', () => {
  it('people.list on the local host, as the 组织部: 王建国 by initials, full pinyin, a later part of the name; names in pinyin order', async () => {
    type People = { items: Array<{ name: string }>; total: number };
    for (const q of ['wjg', 'wangjianguo', 'jianguo', '建国', 'Wang Jianguo']) {
      expect((await t.ok<People>('dev-admin', 'people.list', { q })).items.map((p) => p.name), q).toEqual(['王建国']);
    }
    const everyone = (await t.ok<People>('dev-admin', 'people.list', { sort: 'name', pageSize: 50 })).items.map((p) => p.name);
    // Not 刘芳 张晓明 李思雨 王建国 赵明 陈立华 (character codes).
    expect(everyone.filter((n) => ['刘芳', '张晓明', '李思雨', '王建国', '赵明', '陈立华'].includes(n))).toEqual(['陈立华', '李思雨', '刘芳', '王建国', '张晓明', '赵明']);
  });

  it('人员与角色: pages, sorts and filters on the server, opens a person beside the list, confirms many; the phone loads more', async () => {
    await seedPeople();
    const pc = await desk('dev-admin');
    await pc.goto(`${t.host.url}${PEOPLE}`);
    await settle(pc);
    const page = current(pc);
    const table = page.locator('.people-table');
    const col = (n: number) => table.locator(`tbody tr td:nth-child(${n})`).allTextContents();
    // Columns: checkbox, 姓名, 工号/学号, 基层党委, …
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    const everyone = Number((await page.locator('.people-total').textContent())?.replace(/\D/g, ''));
    expect(everyone).toBeGreaterThan(25);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('姓名');

    // Only the waiting people of one committee: 25, in two pages.
    await page.locator('.people-filter-committee').selectOption('c-pe');
    await page.locator('.people-filter-status').selectOption('pending');
    await poll(() => page.locator('.people-total').textContent()).toBe('25 人');
    await page.locator('.desk-sort-staffNo').click();
    await poll(async () => (await col(3))[0]).toBe('D2601');
    await page.locator('.desk-sort-staffNo').click();
    await poll(async () => (await col(3))[0]).toBe('D2625');
    await page.locator('.desk-page-next').click();
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(await page.locator('.desk-page-at').textContent()).toBe('第 2 / 2 页');
    expect(await col(3)).toEqual(['D2605', 'D2604', 'D2603', 'D2602', 'D2601']);

    // Tick three and confirm them at once: the list of waiting people shrinks by three.
    for (let i = 0; i < 3; i++) await table.locator('tbody tr').nth(i).locator('.desk-select').check();
    expect(await page.locator('.desk-bulk').textContent()).toContain('已选 3 人');
    await page.locator('.people-bulk-confirm').click();
    await poll(() => page.locator('.bulk-report').textContent()).toContain('已确认 3 人');
    await poll(() => page.locator('.people-total').textContent()).toBe('22 人');

    // Search by the start of a name; the row opens beside the list with its roles and actions.
    await page.locator('.people-filter-committee').selectOption('');
    await page.locator('.people-filter-status').selectOption('');
    await page.locator('.people-search').fill('王建');
    await page.locator('.people-search').press('Enter');
    await poll(() => col(2)).toEqual(['王建国']);
    await table.locator('tbody tr').first().click();
    const detail = page.locator('.desk-detail .person-detail');
    await poll(() => detail.locator('.person-detail-name').textContent()).toBe('王建国');
    expect(await detail.locator('.person-roles').textContent()).toContain('书记/组织员');
    expect(await detail.locator('.people-pc-signout').count()).toBe(1);
    // The PCs they are signed in on (pcSession.ofPerson): none.
    await poll(() => detail.locator('.people-pcs-none').textContent()).toBe('没有已登录的电脑。');
    // Grant 评审专家 from the pane: the row and the pane show it.
    await detail.locator('.role-reviewer').click();
    await detail.locator('.people-grant').click();
    await poll(() => detail.locator('.person-roles').textContent()).toContain('评审专家');
    await poll(async () => (await col(5))[0]).toContain('评审专家');
    // By role: the reviewers, 王建国 now among them.
    await page.locator('.people-search').fill('');
    await page.locator('.people-search').press('Enter');
    await page.locator('.people-filter-role').selectOption('reviewer');
    await poll(async () => (await col(2)).sort()).toEqual(['王建国', '赵明'].sort());
    await page.locator('.people-filter-role').selectOption('');
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    await t.shot(pc, 'people-1280');

    // The phone: cards, 20 at a time, 加载更多; a tap opens the same actions under the card.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-admin');
    await phone.goto(`${t.host.url}${PEOPLE}`);
    await settle(phone);
    const cards = current(phone).locator('.people-list');
    await poll(() => cards.locator('.people-item').count()).toBe(20);
    expect(await phone.locator('table.desk-table').count()).toBe(0);
    await cards.locator('.people-status-pending').click();
    await poll(() => cards.locator('.people-item').count()).toBe(20);
    await cards.locator('.people-more').click();
    await poll(() => cards.locator('.people-item').count()).toBe(22);
    expect(await cards.locator('.people-more').count()).toBe(0);
    await cards.locator('.people-item .row').first().click();
    await cards.locator('.people-item .person-detail .people-grant').waitFor();
    await expectNoHorizontalOverflow(phone, 'people');
    await t.shot(phone, 'people-375');
    expect(t.pageErrors).toEqual([]);
  });

  it('the secretary’s inbox: each tab paged, sorted and filtered on the server, an application beside the table, 推荐排序 of the whole tab; the phone loads more', async () => {
    await seedInbox();
    const pc = await desk('dev-secretary-cs');
    await pc.goto(`${t.host.url}${INBOX}`);
    await settle(pc);
    const page = current(pc);
    const table = page.locator('.inbox-table');
    const titles = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    // 待处理: oldest first, 20 a page of 25.
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    expect(await page.locator('.inbox-count').textContent()).toBe('25 份');
    expect((await titles())[0]).toBe('收件项目01');
    await page.locator('.desk-page-next').click();
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect((await titles())[4]).toBe('收件项目25');
    // By title, the other way round: from the first page.
    await page.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('收件项目01');
    await page.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('收件项目25');
    expect(await page.locator('.desk-page-at').textContent()).toBe('第 1 / 2 页');
    // A category, then a search.
    await page.locator('.inbox-filter-category').selectOption('culture');
    await poll(() => titles()).toEqual(['收件项目07']);
    await page.locator('.inbox-filter-category').selectOption('');
    await page.locator('.inbox-search').fill('主持人12');
    await page.locator('.inbox-search').press('Enter');
    await poll(() => titles()).toEqual(['收件项目12']);
    // The row opens beside the table, and from there the decision.
    await table.locator('tbody tr').first().click();
    const detail = page.locator('.desk-detail .inbox-detail');
    await poll(() => detail.locator('.list-item-title').textContent()).toBe('收件项目12');
    expect(await detail.locator('.inbox-open').textContent()).toContain('审阅并作出推荐决定');
    await t.shot(pc, 'inbox-1280');

    // 已处理 holds three states: filter by one.
    await page.locator('.inbox-tab-decided').click();
    await page.locator('.inbox-search').fill('');
    await page.locator('.inbox-search').press('Enter');
    await poll(async () => (await titles()).sort()).toEqual(['推荐项目乙', '推荐项目甲', '退回项目'].sort());
    await page.locator('.inbox-filter-state').selectOption('returned');
    await poll(() => titles()).toEqual(['退回项目']);

    // 已推荐: by rank, and 推荐排序 moves the second up and saves the whole tab at once.
    await page.locator('.inbox-tab-recommended').click();
    await poll(() => titles()).toEqual(['推荐项目甲', '推荐项目乙']);
    const ranks = page.locator('.rank-order');
    await poll(() => ranks.locator('.rank-title').allTextContents()).toEqual(['推荐项目甲', '推荐项目乙']);
    await ranks.locator('li').nth(1).locator('.rank-up').click();
    await ranks.locator('.rank-save').click();
    await poll(() => titles()).toEqual(['推荐项目乙', '推荐项目甲']);
    await poll(() => ranks.locator('.rank-title').allTextContents()).toEqual(['推荐项目乙', '推荐项目甲']);
    await t.shot(pc, 'inbox-ranks-1280');

    // The phone: 待处理 as cards, 20 then 加载更多; a tap opens the decision.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-secretary-cs');
    await phone.goto(`${t.host.url}${INBOX}`);
    await settle(phone);
    const inbox = current(phone);
    await poll(() => inbox.locator('.inbox-item').count()).toBe(20);
    expect(await phone.locator('table.desk-table').count()).toBe(0);
    await inbox.locator('.inbox-more').click();
    await poll(() => inbox.locator('.inbox-item').count()).toBe(25);
    expect(await inbox.locator('.inbox-more').count()).toBe(0);
    await expectNoHorizontalOverflow(phone, 'inbox');
    await t.shot(phone, 'inbox-375');
    await inbox.locator('.inbox-tab-recommended').click();
    await poll(() => inbox.locator('.inbox-item .list-item-title').allTextContents()).toEqual(['1. 推荐项目乙', '2. 推荐项目甲']);
    expect(t.pageErrors).toEqual([]);
  });

  it('资源库: sorted, filtered and paged on the server, a brand beside the table; the phone loads more', async () => {
    await seedBrands();
    const pc = await desk('dev-admin');
    await pc.goto(`${t.host.url}${LIBRARY}`);
    await settle(pc);
    const page = current(pc);
    const table = page.locator('.library-table');
    const names = () => table.locator('tbody tr td:nth-child(1)').allTextContents();
    // The latest change first, 20 a page.
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    expect(await page.locator('.library-total').textContent()).toBe('25 个品牌');
    expect((await names())[0]).toBe('桌面品牌25');
    // By name, A→Z, then the second page.
    await page.locator('.desk-sort-name').click();
    await poll(async () => (await names())[0]).toBe('桌面品牌01');
    await page.locator('.desk-page-next').click();
    await poll(() => names()).toEqual(['桌面品牌21', '桌面品牌22', '桌面品牌23', '桌面品牌24', '桌面品牌25']);
    // A year, a committee and a stage narrow it; a search finds one.
    await page.locator('.library-filter-year').selectOption('2025');
    await poll(() => page.locator('.library-total').textContent()).toBe('12 个品牌');
    await page.locator('.library-filter-committee').selectOption('c-art');
    await poll(() => page.locator('.library-total').textContent()).toBe('6 个品牌');
    await page.locator('.library-filter-stage').selectOption('improve');
    await poll(() => names()).toEqual(['桌面品牌06', '桌面品牌12']);
    await page.locator('.library-keyword').fill('品牌12');
    await page.locator('.library-keyword').press('Enter');
    await poll(() => names()).toEqual(['桌面品牌12']);
    await table.locator('tbody tr').first().click();
    const detail = page.locator('.desk-detail .library-detail');
    await poll(() => detail.locator('.list-item-title').textContent()).toBe('桌面品牌12');
    expect(await detail.textContent()).toContain('艺术学部党委');
    await t.shot(pc, 'library-1280');

    // The phone: cards, 20 then 加载更多.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-admin');
    await phone.goto(`${t.host.url}${LIBRARY}`);
    await settle(phone);
    const cards = current(phone).locator('.library-cards');
    await poll(() => cards.locator('.library-item').count()).toBe(20);
    expect(await phone.locator('table.desk-table').count()).toBe(0);
    await cards.locator('.library-more').click();
    await poll(() => cards.locator('.library-item').count()).toBe(25);
    expect(await cards.locator('.library-more').count()).toBe(0);
    await expectNoHorizontalOverflow(phone, 'library');
    await t.shot(phone, 'library-375');
    expect(t.pageErrors).toEqual([]);
  });
});
