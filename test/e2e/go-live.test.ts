// Day one of a real deployment, in Chromium at phone width against the built local host started
// with SEED=none (an empty database, as a new cloud environment): the first administrator claims
// with the 初始化码 the host printed (and it is then refused), downloads the template, uploads an
// org sheet of 60 committees and 600 branches and a roster of 300 people (both made with exceljs),
// previews and applies them; a pre-registered secretary binds and is confirmed at once with the
// role; a member binds and is confirmed by that secretary; the member creates an application.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { branchCode, committeeCode, orgBook, rosterBook, rosterPeople } from '../support/org-sheets';
import { current, expectNoHorizontalOverflow, settle, typeInto } from '../support/phone';

const t = useE2e('go-live', { seed: 'none' });
const { phone, signIn, shot, call, ok, pageErrors } = t;

async function upload(page: Page, card: string, bytes: Buffer, name: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), current(page).locator(`${card} .import-pick`).click()]);
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await current(page).locator(`${card} .import-counts`).waitFor({ timeout: 60_000 });
}

describe('上线第一天 at 375 px', () => {
  it('goes from an empty environment to a confirmed member’s first application', async () => {
    const code = /初始化码：([A-Z0-9-]{14})/.exec(t.host.output())?.[1];
    expect(code, 'the host prints the 初始化码').toBeTruthy();
    const profile = { name: '刘组织', staffNo: 'T0001', kind: 'teacher', politicalStatus: 'full_member' };

    // 1. The first administrator claims with the printed code; the same code is then refused.
    const admin = await phone();
    await signIn(admin, 'dev-admin');
    await current(admin).locator('.entry-setup').click();
    await admin.waitForURL((u) => u.pathname === '/packages/admin/setup/index');
    await settle(admin);
    await typeInto(current(admin).locator('.setup-code'), code ?? '');
    await typeInto(current(admin).locator('.setup-name'), profile.name);
    await typeInto(current(admin).locator('.setup-staff'), profile.staffNo);
    await shot(admin, 'go-live-01-setup');
    await current(admin).locator('.setup-claim .nut-button, .nut-button.setup-claim').first().click();
    await admin.waitForURL((u) => u.pathname === '/packages/admin/org/index');
    await settle(admin);
    expect((await call('dev-newcomer', 'setup.claim', { ...profile, code })).error?.code).toBe('FORBIDDEN');
    expect((await ok<{ needed: boolean }>('dev-newcomer', 'setup.status', {})).needed).toBe(false);

    // 2. The template: a 说明 sheet beside the data sheet.
    const tplButton = current(admin).locator('.import-org .export-button .nut-button', { hasText: '下载模板' });
    const [tpl] = await Promise.all([admin.waitForEvent('download'), tplButton.click()]);
    const saved = path.join(t.shots, 'org-template.xlsx');
    await tpl.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['组织机构', '说明']);

    // 3–4. The org sheet (60 committees, 600 branches) and the roster (300 people): preview, then apply.
    await upload(admin, '.import-org', await orgBook(60, 10), '组织机构.xlsx');
    expect(await current(admin).locator('.import-org .import-counts').innerText()).toContain('新增 660');
    await shot(admin, 'go-live-02-org-preview');
    await current(admin).locator('.import-org .import-apply').click();
    await current(admin).locator('.import-org .import-done').waitFor({ timeout: 60_000 });
    const people = rosterPeople(300, 60, 10);
    await upload(admin, '.import-roster', await rosterBook(people), '人员名册.xlsx');
    expect(await current(admin).locator('.import-roster .import-counts').innerText()).toContain('新增 300');
    await current(admin).locator('.import-roster .import-apply').click();
    await current(admin).locator('.import-roster .import-done').waitFor({ timeout: 60_000 });
    await current(admin).locator('.org-unit').first().waitFor();
    expect(await current(admin).locator('.org-unit').count()).toBe(60);
    await expectNoHorizontalOverflow(admin, 'org page');
    await shot(admin, 'go-live-03-applied');

    // 5. A pre-registered secretary binds (the bind page) and is confirmed at once, with the role.
    const sec = people[0];
    const secretary = await phone();
    await signIn(secretary, 'dev-secretary-cs');
    await current(secretary).locator('.welcome .nut-button').click();
    await secretary.waitForURL((u) => u.pathname === '/packages/me/bind/index');
    await settle(secretary);
    const page = current(secretary);
    await typeInto(page.locator('.input').nth(0), sec.name);
    await typeInto(page.locator('.input').nth(1), sec.staffNo);
    await page.locator('.chip', { hasText: /^教职工$/ }).click();
    await page.locator('.chip', { hasText: /^第1学院党委$/ }).click();
    await page.locator('.chip', { hasText: /^第1学院第1党支部$/ }).click();
    await page.locator('.chip', { hasText: /^中共正式党员$/ }).click();
    await page.locator('.chip', { hasText: /^是$/ }).click();
    await page.locator('.nut-button', { hasText: '提交绑定' }).click();
    await secretary.waitForURL((u) => u.pathname === '/pages/index/index');
    await settle(secretary);
    const secMe = await ok<{ profileStatus: string; roles: Array<{ role: string; committeeId?: string }> }>(secretary, 'session.me', {});
    expect(secMe.profileStatus).toBe('confirmed');
    expect(secMe.roles).toContainEqual({ role: 'secretary', committeeId: committeeCode(0) });
    await current(secretary).locator('.entry-committee-members').waitFor();

    // 6. A member not on the roster binds, and that secretary confirms them.
    const bound = await call<{ profileStatus: string }>('dev-member-1', 'profile.bind', {
      name: '新党员', staffNo: 'S20260001', kind: 'student', committeeId: committeeCode(0), branchId: branchCode(0, 1), politicalStatus: 'full_member', isPartyWorker: false,
    });
    expect(bound.data?.profileStatus).toBe('pending');
    await current(secretary).locator('.entry-committee-members').click();
    await secretary.waitForURL((u) => u.pathname === '/packages/committee/members/index');
    await settle(secretary);
    const card = current(secretary).locator('.pending-person', { hasText: '新党员' });
    await card.waitFor();
    await card.locator('.pending-confirm').click();
    await current(secretary).locator('.pending-person', { hasText: '新党员' }).waitFor({ state: 'detached' });

    // 7. The confirmed member creates an application in the batch the 组织部 opened.
    const batch = await ok<{ _id: string }>(admin, 'batch.create', {
      name: '第一批党建精品项目', level: 'school', year: 2026, calendar: { submissionDeadline: '2099-12-27', recommendationDeadline: '2100-01-06' }, grantPerProject: 500_000, quota: 3, noticeTitle: '', paperInstructions: '',
    });
    const created = await call<{ _id: string }>('dev-member-1', 'project.create', { batchId: batch._id });
    expect(created.ok, created.error?.message).toBe(true);

    // 8. The 组织部 renames a committee through its 编辑 form and creates a branch under it.
    await admin.bringToFront();
    const first = current(admin).locator('.org-committee').first();
    await first.locator('.committee-edit').first().click();
    await typeInto(first.locator('.committee-form .unit-name-input'), '更名后的学院党委');
    await first.locator('.committee-form .unit-save').first().click();
    await first.locator('.org-unit-name', { hasText: '更名后的学院党委' }).waitFor();
    await first.locator('.committee-branches').first().click();
    await first.locator('.branch-add').first().click();
    await typeInto(first.locator('.branch-new-form .unit-code-input'), 'NEWBR01');
    await typeInto(first.locator('.branch-new-form .unit-name-input'), '新建的测试党支部');
    await first.locator('.branch-new-form .unit-save').first().click();
    await first.locator('.branch-name', { hasText: '新建的测试党支部' }).waitFor();
    await expectNoHorizontalOverflow(admin, 'org page with a form open');
    await shot(admin, 'go-live-04-org-edit');
    expect(pageErrors).toEqual([]);
  });
});
