// End to end, in Chromium against the built local host: 培育与验收 at a desk (1280×800) sorts,
// filters and pages on the server, opens a funded project beside the list (its tranches, expenses
// and 中期), and records a tranche for projects ticked on two pages in one step; the phone (375 px)
// keeps its cards with 加载更多. The batch is written directly into the host's database, so every
// figure on the page is known.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import type { Disbursement, Expense } from '../../cloudfunctions/core/procedures/funding/records';
import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { useE2e } from '../support/e2e';
import { COMPLETE_FIELDS } from '../support/harness';
import { openDesk } from '../support/desk';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('desk-funded');
const BATCH = 'b-desk-funded';
const COMMITTEES = ['c-cs', 'c-me', 'c-med', 'c-art', 'c-pe'];
const N = 25;
const GRANT = 2_000_000;
const pad = (i: number) => String(i).padStart(2, '0');
const stateOf = (i: number): ProjectState => (i <= 10 ? 'approved' : i <= 20 ? 'cultivating' : 'midterm_review');

/**
 * 25 funded projects in a batch of their own: 1–10 approved (tranche 1 due), 11–20 cultivating
 * with tranche 1 paid (the odd ones passed their midterm: tranche 2 due) and i × ¥10 spent, 21–25
 * in 中期验收. Project i changed i minutes after the first.
 */
async function seedBatch(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    const batches = await store.find<Batch & { _id: string; version: number }>('batches', { limit: 100 });
    const open = batches.find((b) => b.level === 'school');
    if (!open) throw new Error('no school batch in the seed');
    const { version: _v, ...copy } = open;
    await store.insert<Batch & { _id: string; version: number }>('batches', { ...copy, _id: BATCH, name: '桌面培育测试批次' });
    for (let i = 1; i <= N; i++) {
      const id = `fd${pad(i)}`;
      const state = stateOf(i);
      const at = new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString();
      await store.insert<Project>('projects', {
        _id: id,
        batchId: BATCH,
        committeeId: COMMITTEES[i % COMMITTEES.length],
        hostId: `u_host-${id}`,
        hostName: `主持人${pad(i)}`,
        state,
        fields: { ...COMPLETE_FIELDS, title: `培育项目${pad(i)}` },
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        committeeRank: 1,
        grantFen: GRANT,
        midtermPassed: state === 'cultivating' && i % 2 === 1,
        // The money's running totals, as the procedures write them with the tranche and expense below.
        paidFen: state === 'approved' ? 0 : GRANT / 2,
        tranchesPaid: state === 'approved' ? 0 : 1,
        spentFen: state === 'cultivating' ? i * 1000 : 0,
      });
      if (state === 'approved') continue;
      await store.insert<Disbursement>('disbursements', { _id: `${id}:t1`, projectId: id, batchId: BATCH, tranche: 1, amountFen: GRANT / 2, note: '', at, actorId: 'u_dev-admin' });
      if (state === 'cultivating') {
        await store.insert<Expense>('expenses', { _id: `${id}:e1`, projectId: id, batchId: BATCH, date: '2026-12-01', item: '资料印制', amountFen: i * 1000, receipts: [], overridden: false, overrideReason: null, excessFen: 0, authorId: `u_host-${id}`, createdAt: at });
      }
    }
  } finally {
    await store.close();
  }
}

describe('培育与验收 at a desk and on the phone', () => {
  it('sorts, filters and pages on the server, opens a project beside the list, records a tranche across pages; the phone loads more', async () => {
    await seedBatch();
    const pc = await openDesk(t.browser, t.pageErrors);
    t.pages.push(pc);
    await t.signIn(pc, 'dev-admin');
    const url = `${t.host.url}/packages/admin/funded/index?batchId=${BATCH}`;
    await pc.goto(url);
    await settle(pc);
    const page = current(pc);
    const table = page.locator('.funded-table');
    // Column 1 is the checkbox.
    const titles = () => table.locator('tbody tr td:nth-child(2)').allTextContents();

    // Last changed first, 20 a page, the whole batch counted, its to-do beside.
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    expect(await page.locator('.funded-total').textContent()).toBe('25 项');
    expect((await titles())[0]).toBe('培育项目25');
    expect(await page.locator('.funded-todo').textContent()).toBe('待拨付 15 项 · 中期验收待审 5 项 · 结项验收待审 0 项');

    // Sort by title, then the other way; by spent, most first.
    await page.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('培育项目01');
    await page.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('培育项目25');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('项目');
    await page.locator('.desk-sort-spent').click();
    await poll(async () => (await titles()).slice(0, 2)).toEqual(['培育项目20', '培育项目19']);
    expect(await table.locator('tbody tr').first().locator('td:nth-child(8)').textContent()).toBe('200.00');

    // The next page holds the rest, then back.
    await page.locator('.desk-page-next').click();
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(await page.locator('.desk-page-at').textContent()).toBe('第 2 / 2 页');
    await page.locator('.desk-page-prev').click();
    await poll(() => table.locator('tbody tr').count()).toBe(20);

    // Filter by committee (offered with its count), by state, by 待拨付; search by title.
    await page.locator('.funded-filter-committee').selectOption('c-med');
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set(['医学部党委']));
    await page.locator('.funded-filter-committee').selectOption('');
    await page.locator('.funded-filter-state').selectOption('midterm_review');
    // The committee's five rows stay until the state's answer comes: wait for the states, then count.
    await poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(5)').allTextContents())]).toEqual(['中期验收中']);
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    await page.locator('.funded-filter-state').selectOption('');
    await page.locator('.funded-search').fill('项目07');
    await page.locator('.funded-search').press('Enter');
    await poll(async () => titles()).toEqual(['培育项目07']);

    // A row opens beside the list: its tranches (the first due) and the way into the project.
    await table.locator('tbody tr').first().click();
    const detail = page.locator('.desk-detail .funded-detail');
    await detail.waitFor();
    await poll(() => detail.locator('.list-item-title').textContent()).toBe('培育项目07');
    await detail.locator('.funding-card .tranche-1').waitFor();
    expect(await detail.locator('.funding-card .tranche-1 .tranche-status').textContent()).toBe('待拨付');
    expect(await detail.locator('.disburse-submit-1').count()).toBe(1);
    expect(await detail.locator('.funded-open').count()).toBe(1);
    await page.locator('.funded-search').fill('');
    await page.locator('.funded-search').press('Enter');

    // Title Z→A: tick two due on the first page and one on the second, record tranche 1 for all three.
    await page.locator('.desk-sort-title').click();
    await page.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('培育项目25');
    await table.locator('tr[data-key="fd10"] .desk-select').check();
    await table.locator('tr[data-key="fd09"] .desk-select').check();
    await page.locator('.desk-page-next').click();
    await poll(async () => titles()).toEqual(['培育项目05', '培育项目04', '培育项目03', '培育项目02', '培育项目01']);
    await table.locator('tr[data-key="fd05"] .desk-select').check();
    await poll(() => page.locator('.funded-picked').textContent()).toBe('已选 3 项待拨付（其中 2 项在其他页）');
    await page.locator('.bulk-disburse').click();
    await pc.locator('.taro-model__confirm:visible').click();
    await poll(() => page.locator('.bulk-report').textContent()).toContain('已登记 3 项');
    await poll(() => page.locator('.funded-todo').textContent()).toContain('待拨付 12 项');
    expect(await page.locator('.funded-picked').textContent()).toBe('已选 0 项待拨付');
    // 只看待拨付: the three are no longer due.
    await page.locator('.funded-filter-due').selectOption('true');
    await poll(() => page.locator('.funded-total').textContent()).toBe('12 项');
    expect(await table.locator('tr[data-key="fd05"]').count()).toBe(0);
    await page.locator('.funded-filter-due').selectOption('');
    await poll(() => page.locator('.funded-total').textContent()).toBe('25 项');
    await t.shot(pc, 'desk-funded-1280');

    // The phone: the same list, 20 at a time, 加载更多 for the rest; no table, no overflow.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-admin');
    await phone.goto(url);
    await settle(phone);
    const cards = current(phone).locator('.funded-list');
    await poll(() => cards.locator('.funded-item').count()).toBe(20);
    expect(await phone.locator('table.desk-table').count()).toBe(0);
    // Last changed first: the three just paid lead.
    expect(new Set((await cards.locator('.funded-item .list-item-title').allTextContents()).slice(0, 3))).toEqual(new Set(['培育项目05', '培育项目09', '培育项目10']));
    await cards.locator('.funded-more').click();
    await poll(() => cards.locator('.funded-item').count()).toBe(25);
    expect(await cards.locator('.funded-more').count()).toBe(0);
    await expectNoHorizontalOverflow(phone, 'funded');
    await t.shot(phone, 'desk-funded-375');

    // The phone filters too: 只看待拨付 from the picker.
    await cards.locator('.funded-phone-due .select-input').click();
    // WeChat-style wheel: drag it up by one row (the second option, 只看待拨付).
    const item = phone.locator('.weui-picker__item:visible', { hasText: '只看待拨付' });
    await item.waitFor();
    await phone.waitForTimeout(400); // the picker slides in
    const box = (await phone.locator('.weui-picker__group:visible').first().boundingBox())!;
    const row = (await item.boundingBox())!.height;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await phone.mouse.move(x, y);
    await phone.mouse.down();
    for (let i = 1; i <= 5; i++) await phone.mouse.move(x, y - (row * i) / 5);
    await phone.mouse.up();
    await phone.waitForTimeout(400);
    const done = phone.locator('.weui-picker__action:visible', { hasText: '确定' });
    await done.click();
    await done.waitFor({ state: 'hidden' });
    // As many as the 待办 card says are due (15 at first, less the three paid above).
    const due = /待拨付 (\d+) 项/.exec((await current(phone).locator('.funded-todo').textContent()) ?? '')?.[1];
    expect(due).toBe('12');
    await poll(() => cards.locator('.funded-total').textContent()).toBe(`${due} 项`);
    expect(await cards.locator('.funded-phone-due .select-text').textContent()).toBe('只看待拨付');
    expect(t.pageErrors).toEqual([]);
  });
});
