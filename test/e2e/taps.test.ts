// A state-changing button ignores a second tap until its answer is back, and 撤回 never takes
// the place of the button just tapped and asks first — on the phone (375 px) and at a desk
// (1280 px). (Issue 32, item 1: a double tap on 提交基层党委 submitted and then withdrew.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2e';
import { openDesk } from '../support/desk';
import { COMPLETE_FIELDS } from '../support/harness';
import { current, poll, settle } from '../support/phone';

const EDIT = '/packages/project/edit/index';
const HOST = 'dev-member-1';
const MEMBER2 = 'dev-member-2';
const SEC_CS = 'dev-secretary-cs';

const t = useE2e('e2e-taps');
const api = <T,>(openid: string, procedure: string, input: unknown) => t.ok<T>(openid, procedure, input);

interface Project {
  _id: string;
  version: number;
  state: string;
}
interface Message {
  kind: string;
  entityId?: string;
  link?: string;
}

async function drafted(title: string, host = HOST): Promise<Project> {
  const batches = await api<Array<{ _id: string; open: boolean; level: string }>>(host, 'batch.list', {});
  const open = batches.find((b) => b.open && b.level === 'school')!;
  const p = await api<Project>(host, 'project.create', { batchId: open._id });
  return api<Project>(host, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
}

const secretaryHeard = async (kind: string, id: string) => {
  // Secretaries' notices are fanned out by the scheduled job: run it, as the server would.
  expect((await fetch(`${t.host.url}/dev/scheduler/run`, { method: 'POST', body: '{}' })).ok).toBe(true);
  const box = await api<{ unread: Message[]; read: Message[] }>(SEC_CS, 'messages.list', {});
  return [...box.unread, ...box.read].filter((m) => m.kind === kind && JSON.stringify(m).includes(id)).length;
};

/** Two taps on the same spot, the second `gap` ms after the first (a person's double tap). */
async function doubleTap(page: Page, selector: string, gap: number): Promise<void> {
  const box = await current(page).locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await new Promise((r) => setTimeout(r, gap));
  await page.mouse.click(x, y);
}

async function expectWithdrawAsks(page: Page, id: string, host = HOST): Promise<void> {
  const withdraw = current(page).locator('.withdraw-button');
  await withdraw.click();
  const dialog = page.locator('.taro-modal__content:visible').first();
  await poll(() => page.locator('.taro-model__confirm:visible').count()).toBe(1);
  expect(await dialog.innerText()).toContain('确定撤回吗');
  await page.locator('.taro-model__cancel:visible').click();
  expect((await api<Project>(host, 'project.get', { id })).state).toBe('submitted');
}

describe('a double tap changes state once', () => {
  it('phone: 提交基层党委 tapped twice within 150 ms submits once; 撤回 is elsewhere and asks', async () => {
    const p = await drafted(`双击提交 ${Date.now().toString(36)}`);
    const page = await t.phone();
    await t.signIn(page, HOST);
    await page.goto(`${t.host.url}${EDIT}?id=${p._id}`);
    await settle(page);
    await current(page).locator('.submit-button').waitFor();
    await doubleTap(page, '.submit-button', 120);
    await poll(() => current(page).locator('.state-tag').textContent()).toBe('已提交基层党委');
    await current(page).locator('.withdraw-button').waitFor();
    // The second tap landed on nothing that changes state: the withdraw button is not where 提交 was.
    expect(await current(page).locator('.taro-model__confirm:visible').count()).toBe(0);
    expect((await api<Project>(HOST, 'project.get', { id: p._id })).state).toBe('submitted');
    expect(await secretaryHeard('project.submit', p._id)).toBe(1);
    expect(await secretaryHeard('project.withdraw', p._id)).toBe(0);
    await t.shot(page, 'taps-01-submitted-once');
    await expectWithdrawAsks(page, p._id);
    expect(t.pageErrors).toEqual([]);
  });

  it('desk: one click on 撤回 asks before it withdraws', async () => {
    const p = await drafted(`电脑撤回 ${Date.now().toString(36)}`, MEMBER2);
    await api(MEMBER2, 'project.submit', { id: p._id, version: p.version });
    const desk = await openDesk(t.browser, t.pageErrors);
    t.pages.push(desk);
    await t.signIn(desk, MEMBER2);
    await desk.goto(`${t.host.url}${EDIT}?id=${p._id}`);
    await settle(desk);
    await expectWithdrawAsks(desk, p._id, MEMBER2);
    // Confirmed, it withdraws once.
    await current(desk).locator('.withdraw-button').click();
    await desk.locator('.taro-model__confirm:visible').click();
    await poll(() => current(desk).locator('.state-tag').textContent()).toBe('草稿');
    expect(await secretaryHeard('project.withdraw', p._id)).toBe(1);
    expect(t.pageErrors).toEqual([]);
  });
});
