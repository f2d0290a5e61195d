// End to end, in Chromium at phone width against the built local host: the 组织部 opens 数据看板
// from the home page, sees every committee's row with its bars and the not-submitted list, opens a
// committee's dashboard from its row; the committee's secretary sees their own.
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, PHONE_WIDTH, poll, settle } from '../support/phone';

const DASHBOARD = '/packages/admin/dashboard/index';
const COMMITTEE_DASHBOARD = '/packages/committee/dashboard/index';
const COMMITTEE_NAMES = ['计算机与软件学院党委', '机电与控制工程学院党委', '医学部党委', '艺术学部党委', '体育学院党总支'];

const t = useE2e();
const { phone, signIn, shot, pageErrors } = t;
/** A procedure called as `openid` would from the app (the local host's dev cookie). */
const api = <T,>(openid: string, procedure: string, input: unknown) => t.ok<T>(openid, procedure, input);

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
