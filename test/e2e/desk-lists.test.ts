// End to end, in Chromium against the built local host: the desk lists that grow — 人员与角色,
// the secretary's inbox, the 资源库 — sorted, filtered and paged on the server at 1280×800 with
// the row opened beside the list, and on the phone (375×812) as cards with 加载更多. What each list
// holds is written straight into the host's database first, so every count on the page is known.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import type { User } from '@shared/domain/person';
import { useE2e } from '../support/e2e';
import { openDesk } from '../support/desk';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('desk-lists');
const pad = (i: number) => String(i).padStart(2, '0');
const PEOPLE = '/packages/admin/people/index';

/** 25 people of 体育学院党总支 waiting for confirmation, bound a minute apart. */
async function seedPeople(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    for (let i = 1; i <= 25; i++) {
      await store.insert<User>('users', {
        _id: `u_desk-p${pad(i)}`,
        openid: `wx-desk-p${pad(i)}`,
        profile: { name: `桌面人员${pad(i)}`, staffNo: `D26${pad(i)}`, kind: 'student', committeeId: 'c-pe', branchId: 'b-pe-t1', politicalStatus: 'probationary_member', isPartyWorker: false },
        profileStatus: 'pending',
        roles: [{ role: 'member' }],
        createdAt: `2026-11-20T00:${pad(i)}:00.000Z`,
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
});
