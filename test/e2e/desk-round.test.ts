// End to end, in Chromium against the built local host: 评审与立项 at a desk (1280×800) sorts,
// filters and pages on the server and opens an application beside the list; the phone (375 px)
// pages the same list with 加载更多. The round is written directly into the host's database (25
// applications under review, each with its scores), so every figure on the page is known.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import type { Review, ReviewAssignment } from '../../cloudfunctions/core/procedures/review/docs';
import { useE2e } from '../support/e2e';
import { COMPLETE_FIELDS } from '../support/harness';
import { openDesk } from '../support/desk';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('desk-round');
const BATCH = 'b-desk-round';
const COMMITTEES = ['c-cs', 'c-me', 'c-med', 'c-art', 'c-pe'];
const N = 25;
const pad = (i: number) => String(i).padStart(2, '0');

/** 25 applications under review in a batch of their own; application i has one score of 60 + i (the 25th none). */
async function seedRound(): Promise<void> {
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    const batches = await store.find<Batch & { _id: string; version: number }>('batches', { limit: 100 });
    const open = batches.find((b) => b.level === 'school');
    if (!open) throw new Error('no school batch in the seed');
    const { version: _v, ...copy } = open;
    await store.insert<Batch & { _id: string; version: number }>('batches', { ...copy, _id: BATCH, name: '桌面评审测试批次' });
    const at = '2026-12-01T00:00:00.000Z';
    for (let i = 1; i <= N; i++) {
      const id = `dr${pad(i)}`;
      await store.insert<Project>('projects', {
        _id: id,
        batchId: BATCH,
        committeeId: COMMITTEES[i % COMMITTEES.length],
        hostId: `u_host-${id}`,
        hostName: `主持人${pad(i)}`,
        state: 'under_review',
        fields: { ...COMPLETE_FIELDS, title: `评审项目${pad(i)}` },
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        committeeOpinion: '同意推荐',
        committeeRank: 1,
      });
      const pair = `${id}:u_dev-reviewer`;
      await store.insert<ReviewAssignment>('reviewAssignments', { _id: pair, batchId: BATCH, projectId: id, committeeId: COMMITTEES[i % COMMITTEES.length], reviewerId: 'u_dev-reviewer', scored: i < N ? 1 : 0, assignedBy: 'u_dev-admin', assignedAt: at, how: 'manual' });
      if (i < N) await store.insert<Review>('reviews', { _id: pair, batchId: BATCH, projectId: id, reviewerId: 'u_dev-reviewer', scores: {}, comment: '', total: 60 + i, createdAt: at, updatedAt: at });
    }
  } finally {
    await store.close();
  }
}

describe('评审与立项 at a desk and on the phone', () => {
  it('sorts, filters and pages on the server, opens a row beside the list; the phone loads more', async () => {
    await seedRound();
    const pc = await openDesk(t.browser, t.pageErrors);
    t.pages.push(pc);
    await t.signIn(pc, 'dev-admin');
    await pc.goto(`${t.host.url}/packages/admin/round/index?batchId=${BATCH}`);
    await settle(pc);
    const round = current(pc);
    const table = round.locator('.round-table');
    const titles = () => table.locator('tbody tr td:nth-child(2)').allTextContents();

    // Best average first, 20 a page, the whole round counted.
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    expect(await round.locator('.round-total').textContent()).toBe('共 25 项');
    expect((await titles())[0]).toBe('评审项目24');
    expect(await round.locator('th[aria-sort="descending"]').textContent()).toContain('平均分');

    // Sort by title, then the other way.
    await round.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('评审项目01');
    await round.locator('.desk-sort-title').click();
    await poll(async () => (await titles())[0]).toBe('评审项目25');
    expect(await round.locator('th[aria-sort="descending"]').textContent()).toContain('项目');

    // The next page holds the rest, then back.
    await round.locator('.desk-page-next').click();
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(await round.locator('.desk-page-at').textContent()).toBe('第 2 / 2 页');
    expect((await titles())[4]).toBe('评审项目01');
    await round.locator('.desk-page-prev').click();
    await poll(() => table.locator('tbody tr').count()).toBe(20);

    // Filter by committee: only its five (every fifth application).
    await round.locator('.round-filter-committee').selectOption('c-med');
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set(['医学部党委']));
    // 评审进度: the one nobody has scored, among all committees.
    await round.locator('.round-filter-committee').selectOption('');
    await round.locator('.round-filter-progress').selectOption('incomplete');
    await poll(async () => titles()).toEqual(['评审项目25']);
    await round.locator('.round-filter-progress').selectOption('');
    // Search by title.
    await round.locator('.round-search').fill('项目07');
    await round.locator('.round-search').press('Enter');
    await poll(async () => titles()).toEqual(['评审项目07']);

    // A row opens beside the list with its reviewer and score.
    await table.locator('tbody tr').first().click();
    const detail = round.locator('.desk-detail .round-detail');
    await detail.waitFor();
    await poll(() => detail.locator('.list-item-title').textContent()).toBe('评审项目07');
    expect(await detail.locator('.assignment-row').textContent()).toContain('67 分');
    expect(await detail.locator('.assign-open').count()).toBe(1);
    await round.locator('.round-search').fill('');
    await round.locator('.round-search').press('Enter');
    await poll(() => table.locator('tbody tr').count()).toBe(20);
    await t.shot(pc, 'desk-round-1280');

    // The phone: the same list, 20 at a time, 加载更多 for the rest; no table, no overflow.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-admin');
    await phone.goto(`${t.host.url}/packages/admin/round/index?batchId=${BATCH}`);
    await settle(phone);
    const cards = current(phone).locator('.round-cards');
    await poll(() => cards.locator('.round-app').count()).toBe(20);
    expect(await phone.locator('table.desk-table').count()).toBe(0);
    await cards.locator('.round-more').click();
    await poll(() => cards.locator('.round-app').count()).toBe(25);
    expect(await cards.locator('.round-more').count()).toBe(0);
    await cards.locator('.round-app').first().locator('.round-detail-open').click();
    await cards.locator('.round-app').first().locator('.assignment-row').waitFor();
    await expectNoHorizontalOverflow(phone, 'round');
    await t.shot(phone, 'desk-round-375');
    expect(t.pageErrors).toEqual([]);
  });
});
