// End to end, in Chromium at phone width against the built local host: the 组织部 opens 数据看板
// from the home page, sees every committee's row with its bars and the not-submitted list, opens a
// committee's dashboard from its row; the committee's secretary sees their own.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-once';
import { launchBrowser } from '../support/chromium';
import { startBuiltLocalHost, type BuiltLocalHost } from '../support/local-host';
import { current, expectNoHorizontalOverflow, openPhone, PHONE_WIDTH, poll, settle, shot as shotTo, signIn as signInAs } from '../support/phone';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const DASHBOARD = '/packages/admin/dashboard/index';
const COMMITTEE_DASHBOARD = '/packages/committee/dashboard/index';
const COMMITTEE_NAMES = ['计算机与软件学院党委', '机电与控制工程学院党委', '医学部党委', '艺术学部党委', '体育学院党总支'];

let browser: Browser;
let host: BuiltLocalHost;
const pages: Page[] = [];
const pageErrors: string[] = [];

async function phone(): Promise<Page> {
  const page = await openPhone(browser, pageErrors);
  pages.push(page);
  return page;
}
const signIn = (page: Page, openid: string) => signInAs(page, host.url, openid);
const shot = (page: Page, name: string) => shotTo(page, SHOTS, name);

/** A procedure called as `openid` would from the app (the local host's dev cookie). */
async function api<T>(openid: string, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.url}/api/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `dev_openid=${openid}` },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { message?: string } };
  if (!body.ok) throw new Error(`${procedure}: ${body.error?.message ?? res.status}`);
  return body.data as T;
}

beforeAll(async () => {
  await ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  [browser, host] = await Promise.all([launchBrowser(), startBuiltLocalHost()]);
});

afterAll(async () => {
  for (const p of pages) await p.context().close().catch(() => {});
  await browser?.close();
  await host?.stop();
});

describe('数据看板 at 375 px', () => {
  it('shows the 组织部 every committee with bars, who has not submitted, and a committee’s own dashboard', async () => {
    // One application submitted to 计算机学院党委, one left as a draft by a member of the same committee.
    const batches = await api<Array<{ _id: string; open: boolean }>>('dev-member-1', 'batch.list', {});
    const open = batches.find((b) => b.open);
    if (!open) throw new Error('the seeded open batch is missing');
    const draft = await api<{ _id: string; version: number }>('dev-member-1', 'project.create', { batchId: open._id });
    const saved = await api<{ _id: string; version: number }>('dev-member-1', 'project.saveDraft', {
      id: draft._id,
      version: draft.version,
      fields: {
        title: '看板测试·红色引擎',
        contactPhone: '13800138000',
        category: 'integration',
        background: '科研团队党员分散。',
        goals: '推动党建与科研融合。',
        measures: '组织共建、骨干双培。',
        innovation: '“支部+课题组”双向嵌入。',
        milestones: [{ date: '2027-09-30', task: '形成阶段成果' }],
        brandId: null,
        attachments: [],
        expectedOutcomes: '工作机制一套。',
        budget: [{ item: '资料印制费', amountFen: 120_050 }],
      },
    });
    await api('dev-member-1', 'project.submit', { id: saved._id, version: saved.version });
    await api('dev-member-2', 'project.create', { batchId: open._id });

    const admin = await phone();
    await signIn(admin, 'dev-admin');
    await current(admin).locator('.nut-button.entry-admin-dashboard').click();
    await admin.waitForURL((u) => u.pathname === DASHBOARD);
    await settle(admin);
    const page = current(admin);

    const rows = page.locator('.dashboard-committees .committee-row');
    await poll(() => rows.count()).toBe(COMMITTEE_NAMES.length);
    expect(await rows.locator('.committee-name').allTextContents()).toEqual(COMMITTEE_NAMES);
    const cs = rows.filter({ hasText: '计算机与软件学院党委' });
    // The submitted bar of 计算机学院党委 is drawn (full length: the most of any committee); others are empty.
    const bar = cs.locator('.bar-submitted .bar-fill');
    await poll(() => bar.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(50);
    expect(await cs.locator('.bar-submitted .bar-value').textContent()).toBe('1');
    expect(await rows.filter({ hasText: '医学部党委' }).locator('.bar-submitted .bar-fill').evaluate((el) => el.getBoundingClientRect().width)).toBe(0);

    const missing = page.locator('.dashboard-missing .missing-host');
    await poll(() => missing.count()).toBe(1);
    expect(await missing.textContent()).toContain('李思雨');
    expect(await missing.textContent()).toContain('草稿（标题提交后可见）');
    expect(await page.locator('.total-submitted .total-value').textContent()).toBe('1');

    await shot(admin, 'dashboard-01-university');
    await expectNoHorizontalOverflow(admin, 'university dashboard');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);

    // A committee's row opens its own dashboard.
    await cs.click();
    await admin.waitForURL((u) => u.pathname === COMMITTEE_DASHBOARD && u.searchParams.get('committeeId') === 'c-cs');
    await settle(admin);
    const mine = current(admin);
    await poll(() => mine.locator('.dashboard-head .card-title').textContent()).toContain('计算机与软件学院党委');
    expect(await mine.locator('.dashboard-funnel .bar-submitted .bar-value').textContent()).toBe('1');
    await expectNoHorizontalOverflow(admin, 'committee dashboard (组织部)');

    // The secretary finds 本党委看板 on the home page.
    const secretary = await phone();
    await signIn(secretary, 'dev-secretary-cs');
    await current(secretary).locator('.entry-committee-dashboard').click();
    await secretary.waitForURL((u) => u.pathname === COMMITTEE_DASHBOARD);
    await settle(secretary);
    const own = current(secretary);
    await poll(() => own.locator('.dashboard-head .card-title').textContent()).toContain('计算机与软件学院党委');
    await poll(() => own.locator('.dashboard-missing .missing-host').count()).toBe(1);
    await shot(secretary, 'dashboard-02-committee');
    await expectNoHorizontalOverflow(secretary, 'committee dashboard (secretary)');
    expect(pageErrors).toEqual([]);
  });
});
