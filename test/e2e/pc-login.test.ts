// End to end, in Chromium against the built local host: a PC signs in by scanning (the local host's
// code encodes the confirmation page's address, which a second browser — the phone — opens), the
// 组织部 works at the desk layout (bulk assign, stage for the 公示), the phone signs the PC out, and
// a refused confirmation gives no session. Screenshots of every desk list page at 1280 and 375 px.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import type { Project } from '@shared/domain/project/project';
import { useE2e } from '../support/e2e';
import { COMPLETE_FIELDS } from '../support/harness';
import { openDesk } from '../support/desk';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('pc-login');
const LOGIN = '/pages/pc-login/index';
const ROUND = '/packages/admin/round/index';
const HOSTS = ['dev-member-1', 'dev-member-2', 'dev-secretary-cs', 'dev-secretary-me', 'dev-admin'];

/** Five applications under review: submitted through the app, 推荐 written directly (the committee's step is tested elsewhere). */
async function fiveUnderReview(): Promise<{ batchId: string; ids: string[] }> {
  const batches = await t.ok<Array<{ _id: string; open: boolean }>>('dev-member-1', 'batch.list', {});
  const batchId = batches.find((b) => b.open)?._id ?? '';
  const ids: string[] = [];
  for (const [i, host] of HOSTS.entries()) {
    const p = await t.ok<{ _id: string; version: number }>(host, 'project.create', { batchId });
    const saved = await t.ok<{ _id: string; version: number }>(host, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: `桌面评审项目${i + 1}` } });
    ids.push((await t.ok<{ _id: string }>(host, 'project.submit', { id: saved._id, version: saved.version }))._id);
  }
  const store = openSqliteStore(path.join(t.host.dataDir, 'local.sqlite'));
  try {
    for (const id of ids) {
      const p = await store.get<Project>('projects', id);
      if (!p) throw new Error(`no project ${id}`);
      await store.update<Project>('projects', id, p.version, { state: 'recommended', committeeOpinion: '同意推荐', committeeRank: 1 });
    }
  } finally {
    await store.close();
  }
  await t.ok('dev-admin', 'review.open', { batchId });
  return { batchId, ids };
}

async function onPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === pathname);
  await settle(page);
}

/** The PC opens the sign-in page; answers what the code encodes and the page's own state. */
async function showCode(pc: Page): Promise<string> {
  const answer = pc.waitForResponse((r) => r.url().endsWith('/api/pcLogin.start'));
  // Back on the sign-in page (signed out) it already shows a fresh code: reload for one whose answer the test sees.
  if (pc.url().startsWith(t.host.url) && new URL(pc.url()).pathname === LOGIN) await pc.reload();
  else await pc.goto(`${t.host.url}${LOGIN}`);
  const body = (await (await answer).json()) as { data: { code: { kind: string; path: string }; pollSecret: string } };
  await current(pc).locator('img.pc-code, .pc-code img').first().waitFor();
  expect(body.data.code.kind).toBe('link');
  // The poll secret never goes into the code.
  expect(body.data.code.path).not.toContain(body.data.pollSecret);
  return body.data.code.path;
}

describe('扫码登录 and the desk layout', () => {
  it('signs a PC in by scanning, works at the desk, is signed out from the phone; a refusal gives nothing', async () => {
    const { batchId, ids } = await fiveUnderReview();

    // 1. A 1280×800 browser opens the sign-in page.
    const pc = await openDesk(t.browser, t.pageErrors);
    t.pages.push(pc);
    const codePath = await showCode(pc);
    await t.shot(pc, 'pc-01-sign-in-code');

    // 2. The phone (a second browser) scans — opens the code's address — and confirms as the 组织部.
    const phone = await t.phone();
    await t.signIn(phone, 'dev-admin');
    await phone.goto(`${t.host.url}${codePath}`);
    await settle(phone);
    const confirm = current(phone);
    await poll(() => confirm.locator('.pc-browser').textContent()).toContain('Chrome');
    expect(await confirm.locator('.pc-ip').textContent()).toMatch(/127\.0\.0\.1/);
    await t.shot(phone, 'pc-02-phone-confirm');
    await confirm.locator('.pc-confirm-yes').click();
    await confirm.locator('.pc-answer-confirmed').waitFor();

    // 3. The PC shows the 组织部's desktop console.
    await onPath(pc, '/pages/index/index');
    const nav = pc.locator('.desk-nav');
    await nav.locator('.desk-nav-round').waitFor();
    expect(await nav.locator('.desk-who').textContent()).toBe('刘芳');
    await current(pc).locator('.entry-admin').waitFor();
    // The token is in the PC's storage and travels as a header, never in an address.
    const token = await pc.evaluate(() => window.localStorage.getItem('dangjian.pcSession'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pc.url()).not.toContain(token ?? '-');
    await t.shot(pc, 'pc-03-desk-home');

    // 4. Bulk: assign a reviewer to five applications at once, then stage three for the 公示.
    await nav.locator('.desk-nav-round').click();
    await onPath(pc, ROUND);
    const round = current(pc);
    const table = round.locator('.round-table');
    await poll(() => table.locator('tbody tr').count()).toBe(5);
    for (const id of ids) await table.locator(`tr[data-key="${id}"] .desk-select`).check();
    await round.locator('.bulk-reviewer input[data-reviewer-id="u_dev-reviewer"]').check();
    await round.locator('.bulk-assign').click();
    await poll(async () => (await table.locator('tbody tr td:nth-child(6)').allTextContents()).filter((s) => s === '0/1').length).toBe(5);
    // Keyboard: Space ticks the focused row, Enter opens it beside the table.
    await table.locator(`tr[data-key="${ids[0]}"]`).focus();
    await pc.keyboard.press('Space');
    await pc.keyboard.press('Enter');
    await round.locator('.round-detail').waitFor();
    for (const id of ids.slice(1, 3)) await table.locator(`tr[data-key="${id}"] .desk-select`).check();
    await round.locator('.bulk-stage').click();
    await poll(async () => (await t.ok<{ staged: string[] }>('dev-admin', 'review.roundStatus', { batchId })).staged.sort()).toEqual(ids.slice(0, 3).sort());
    for (const projectId of ids) {
      const a = await t.ok<{ assignments: Array<{ reviewerId: string }> }>('dev-admin', 'review.roundApplication', { batchId, projectId });
      expect(a.assignments.map((x) => x.reviewerId)).toEqual(['u_dev-reviewer']);
    }
    await poll(() => round.locator('.publicity-picked .kv').count()).toBe(3);
    await t.shot(pc, 'pc-04-round-bulk');

    // 5. The phone signs the PC out; the PC's next call goes back to the sign-in code.
    await phone.goto(`${t.host.url}/pages/mine/index`);
    await settle(phone);
    const mine = current(phone);
    await poll(() => mine.locator('.pc-session').count()).toBe(1);
    await mine.locator('.pc-session-signout').click();
    const ok = phone.locator('.taro-model__confirm:visible');
    await ok.click();
    await poll(() => mine.locator('.pc-session').count()).toBe(0);
    await nav.locator('.desk-nav-funded').click();
    await onPath(pc, LOGIN);
    expect(await pc.evaluate(() => window.localStorage.getItem('dangjian.pcSession'))).toBeNull();
    const dead = await fetch(`${t.host.url}/api/session.me`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(dead.status).toBe(401);

    // 6. A refused confirmation gives no session.
    const second = await showCode(pc);
    await phone.goto(`${t.host.url}${second}`);
    await settle(phone);
    await current(phone).locator('.pc-confirm-no').click();
    await current(phone).locator('.pc-answer-refused').waitFor();
    await current(pc).locator('.pc-status-refused').waitFor();
    expect(await pc.evaluate(() => window.localStorage.getItem('dangjian.pcSession'))).toBeNull();
    expect(await t.ok<unknown[]>('dev-admin', 'pcSession.mine', {})).toEqual([]);
    await t.shot(pc, 'pc-05-refused');
    expect(t.pageErrors).toEqual([]);
  });

  // Runs after the first test: the five applications are under review.
  it('shows every desk list page at 1280 px with a side navigation and a wide table, and unchanged at 375 px', async () => {
    const batches = await t.ok<Array<{ _id: string; open: boolean }>>('dev-admin', 'batch.list', {});
    const batchId = batches.find((b) => b.open)?._id ?? '';
    const pages: Array<{ name: string; who: string; url: string; table: string | null }> = [
      { name: 'round', who: 'dev-admin', url: `${ROUND}?batchId=${batchId}`, table: '.round-table' },
      { name: 'committees', who: 'dev-admin', url: `/packages/admin/committees/index?batchId=${batchId}`, table: '.committee-table' },
      { name: 'funded', who: 'dev-admin', url: `/packages/admin/funded/index?batchId=${batchId}`, table: '.funded-desk' },
      { name: 'people', who: 'dev-admin', url: '/packages/admin/people/index', table: '.people-table' },
      { name: 'library', who: 'dev-admin', url: '/packages/brand/library/index', table: '.library-table' },
      { name: 'inbox', who: 'dev-secretary-cs', url: '/packages/committee/inbox/index', table: '.inbox-table' },
      { name: 'members', who: 'dev-secretary-cs', url: '/packages/committee/members/index', table: '.members-table' },
      // Not lists, but reached from the side navigation: it stays beside them.
      { name: 'batches', who: 'dev-admin', url: '/packages/admin/batches/index', table: null },
      { name: 'dashboard', who: 'dev-admin', url: '/packages/admin/dashboard/index', table: null },
      { name: 'review', who: 'dev-reviewer', url: '/packages/review/mine/index', table: null },
      { name: 'todo', who: 'dev-member-1', url: '/packages/me/todo/index', table: null },
      { name: 'mine', who: 'dev-member-1', url: '/pages/mine/index', table: null },
    ];
    const desks = new Map<string, Page>();
    const phones = new Map<string, Page>();
    for (const p of pages) {
      let desk = desks.get(p.who);
      if (!desk) {
        desk = await openDesk(t.browser, t.pageErrors);
        t.pages.push(desk);
        await t.signIn(desk, p.who);
        desks.set(p.who, desk);
      }
      await desk.goto(`${t.host.url}${p.url}`);
      await settle(desk);
      await desk.locator(`.desk-nav .desk-nav-item.active.desk-nav-${p.name}`).waitFor();
      if (p.name === 'inbox') await current(desk).locator('.inbox-tab-all').click();
      if (p.table) await current(desk).locator(p.table).waitFor();
      await t.shot(desk, `desk-1280-${p.name}`);

      let phone = phones.get(p.who);
      if (!phone) {
        phone = await t.phone();
        await t.signIn(phone, p.who);
        phones.set(p.who, phone);
      }
      await phone.goto(`${t.host.url}${p.url}`);
      await settle(phone);
      await current(phone).locator(p.table ? '.card' : '.page').first().waitFor();
      expect(await phone.locator('.desk-nav').count(), `${p.name}: no side navigation on a phone`).toBe(0);
      expect(await phone.locator('table.desk-table').count(), `${p.name}: no wide table on a phone`).toBe(0);
      await expectNoHorizontalOverflow(phone, p.name);
      await t.shot(phone, `desk-375-${p.name}`);
    }
    expect(t.pageErrors).toEqual([]);
  });
});
