// End to end, in Chromium against the built local host: a host types their 申报书 at a PC. At
// 1280×800 the form sits beside its outline (what each section still lacks, by the same rule as
// the submit check, and the long sections' character counts); Ctrl+S saves at once; a click on
// the outline scrolls to that section. At 375 px the page is the phone's, without the outline.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../support/desk';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle, typeInto } from '../support/phone';

const EDIT = '/packages/project/edit/index';
const t = useE2e('desk-edit');

interface Draft {
  _id: string;
  version: number;
  fields: { title: string; background: string };
}

async function deskAs(openid: string): Promise<Page> {
  const page = await openDesk(t.browser, t.pageErrors);
  t.pages.push(page);
  await t.signIn(page, openid);
  return page;
}

const outline = (page: Page) => current(page).locator('.desk-outline');

describe('申报书 at a desk', () => {
  it('shows the outline beside the form, saves on Ctrl+S and scrolls to a section', async () => {
    // Timers of the page are under the test's control (Playwright's clock), so a save seen while
    // they are paused can only be the shortcut's, not the autosave's.
    const desk = await openDesk(t.browser, t.pageErrors);
    t.pages.push(desk);
    await desk.clock.install();
    await t.signIn(desk, 'dev-member-1');
    const batch = (await t.ok<{ _id: string; open: boolean }[]>(desk, 'batch.list', {})).find((b) => b.open)!;
    const created = await t.ok<Draft>(desk, 'project.create', { batchId: batch._id });
    await desk.goto(`${t.host.url}${EDIT}?id=${created._id}`);
    await settle(desk);

    const page = current(desk);
    await expect(page.locator('.desk-nav').isVisible()).resolves.toBe(true);
    await expect(outline(desk).isVisible()).resolves.toBe(true);
    // An empty draft lacks the ten required parts; the outline marks the sections that hold them.
    await poll(() => outline(desk).locator('.desk-outline-summary').textContent()).toBe('还有 10 项需完成才能提交');
    await expect(outline(desk).locator('.desk-outline-item.missing').count()).resolves.toBe(8);
    await expect(outline(desk).locator('.outline-sec-attachments').getAttribute('class')).resolves.not.toContain('missing');

    // The outline sits beside the form, not under it.
    const form = await page.locator('.project-edit').boundingBox();
    const side = await outline(desk).boundingBox();
    expect(side!.x).toBeGreaterThan(form!.x + form!.width - 1);
    expect(side!.y).toBeLessThan(form!.y + 200);

    await desk.clock.pauseAt(Date.now() + 60_000);
    await typeInto(page.locator('.field-title'), '支部建在课题组上');
    await typeInto(page.locator('.field-background'), '科研团队党员分散。');
    await poll(() => outline(desk).locator('.outline-sec-background .desk-outline-note').textContent()).toMatch(/^9\/\d+$/);
    await poll(() => outline(desk).locator('.desk-outline-summary').textContent()).toBe('还有 8 项需完成才能提交');
    // Paused: the autosave's timer has not run, so nothing is saved yet.
    expect((await t.ok<Draft>(desk, 'project.get', { id: created._id })).fields.title).toBe('');

    await desk.keyboard.press('Control+s');
    await poll(async () => (await t.ok<Draft>(desk, 'project.get', { id: created._id })).fields).toEqual(
      expect.objectContaining({ title: '支部建在课题组上', background: '科研团队党员分散。' }),
    );
    await poll(() => outline(desk).locator('.save-status-side').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    await desk.clock.resume();

    // A click on 经费预算 in the outline brings that section into view.
    await outline(desk).locator('.outline-sec-budget').click();
    await poll(async () => {
      const box = await page.locator('#sec-budget').boundingBox();
      return box !== null && box.y >= -1 && box.y < 800 / 2;
    }).toBe(true);
    await t.shot(desk, 'edit-1280');
  });

  it('keeps the phone page at 375 px: no outline, no overflow', async () => {
    const phone = await t.phone();
    await t.signIn(phone, 'dev-member-2');
    const batch = (await t.ok<{ _id: string; open: boolean }[]>(phone, 'batch.list', {})).find((b) => b.open)!;
    const created = await t.ok<Draft>(phone, 'project.create', { batchId: batch._id });
    await phone.goto(`${t.host.url}${EDIT}?id=${created._id}`);
    await settle(phone);
    await expect(outline(phone).count()).resolves.toBe(0);
    await expect(current(phone).locator('.bottom-bar').isVisible()).resolves.toBe(true);
    await expectNoHorizontalOverflow(phone, 'edit at 375');
    await t.shot(phone, 'edit-375');
    expect(t.pageErrors).toEqual([]);
  });
});

// A page that cannot load (no such 申报书) shows its error and what to do, not an empty outline.
describe('the outline follows the draft', () => {
  it('is absent when the 申报书 cannot be opened', async () => {
    const other = await deskAs('dev-member-1');
    await other.goto(`${t.host.url}${EDIT}?id=no-such-project`);
    await settle(other);
    await expect(outline(other).count()).resolves.toBe(0);
    await poll(() => current(other).locator('.error-box').count()).toBeGreaterThan(0);
  });
});
