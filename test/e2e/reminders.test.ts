// Deadline reminders end to end against the built local host: a member's draft in the open batch,
// the dev clock moved to 09:30 Beijing time three days before the submission deadline, the 组织部
// runs the reminder job from its page, the dev inbox shows the WeChat message for 张晓明, and the
// member's 我的待办 (linked from the home page) counts the deadline down: "还剩 3 天".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle, typeInto } from '../support/phone';

const HOME = '/pages/index/index';
const TODO = '/packages/me/todo/index';
const EDIT = '/packages/project/edit/index';
const BATCHES = '/packages/admin/batches/index';
const OPEN_BATCH = /第三批校级党建精品项目（\d{4}）/;

const t = useE2e('e2e-reminders');
const { phone, signIn, shot, pageErrors } = t;
/** A procedure called as `openid` would from the app (the local host's dev cookie). */
const api = <T,>(openid: string, procedure: string, input: unknown) => t.ok<T>(openid, procedure, input);

const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

async function setClock(at: Date): Promise<void> {
  const res = await fetch(`${t.host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ now: at.toISOString() }) });
  expect(res.ok).toBe(true);
  await Promise.all(t.pages.map((p) => p.context().clock.setSystemTime(at)));
}

describe('reminders: three days before the deadline, in the dev inbox and in 我的待办', () => {
  const title = `红色引擎提醒测试 ${Date.now().toString(36)}`;

  it('drafts, moves the clock, runs the job from the admin page, and counts down in 我的待办', async () => {
    // a. dev-member-1 (张晓明) starts a 申报书 in the open batch and leaves it a draft.
    const member = await phone();
    await signIn(member, 'dev-member-1');
    const home = current(member);
    const openBatch = home.locator('.batch-item', { hasText: OPEN_BATCH });
    await openBatch.waitFor();
    // Before any draft there is nothing to do.
    await poll(() => home.locator('.entry-todo .todo-count').textContent()).toBe('暂无 ›');
    await openBatch.locator('.nut-button', { hasText: '新建申报书' }).click();
    await member.waitForURL((u) => u.pathname === EDIT && u.searchParams.has('id'));
    await settle(member);
    const projectId = new URL(member.url()).searchParams.get('id') ?? '';
    expect(projectId).not.toBe('');
    const edit = current(member);
    await edit.locator('.field-title').waitFor();
    await typeInto(edit.locator('.field-title'), title);
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);

    // b. On WeChat the tap on 新建申报书 asked for reminders; the phone's "accept" is recorded as
    // the mini-program would (a browser has no subscription dialog).
    const { templates } = await api<{ templates: Array<{ key: string }> }>('dev-member-1', 'subscribe.templates', {});
    expect(templates.length).toBeGreaterThan(0);
    await api('dev-member-1', 'subscribe.record', { results: Object.fromEntries(templates.map((t) => [t.key, 'accept'])) });

    // c. 09:30 Beijing time, three days before the open batch's submission deadline.
    const batches = await api<Array<{ name: string; open: boolean; calendar: { submissionDeadline: string } }>>('dev-member-1', 'batch.list', {});
    const batch = batches.find((b) => b.open && OPEN_BATCH.test(b.name));
    expect(batch).toBeDefined();
    const deadline = batch!.calendar.submissionDeadline;
    await setClock(new Date(`${addDays(deadline, -3)}T09:30:00+08:00`));

    // d. The 组织部 runs the reminder job from the batches page.
    const admin = await phone();
    await signIn(admin, 'dev-admin');
    await admin.goto(`${t.host.url}${BATCHES}`);
    await settle(admin);
    const batchesPage = current(admin);
    await batchesPage.locator('.reminder-run-button').click();
    const summary = batchesPage.locator('.reminder-run-summary');
    await summary.waitFor();
    await poll(() => summary.locator('.reminder-sent').textContent()).toMatch(/^已发送 [1-9]\d*$/);
    expect(await summary.locator('.reminder-failed').textContent()).toBe('失败 0');
    await shot(admin, '01-admin-run');
    await expectNoHorizontalOverflow(admin, 'admin batches with run summary');
    expect(await batchesPage.locator('.reminder-dev-inbox').count()).toBe(1);

    // e. The dev inbox shows the message WeChat would have delivered to 张晓明 (person u_dev-member-1),
    // opening his draft.
    await admin.goto(`${t.host.url}/dev/inbox`);
    const card = admin.locator('section.card', { hasText: title.slice(0, 8) }).first();
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('发给 张晓明（u_dev-member-1）');
    expect(cardText).toContain('截止提醒');
    expect(cardText).toContain('还剩3天');
    const [y, m, d] = deadline.split('-').map(Number);
    expect(cardText).toContain(`${y}年${m}月${d}日`);
    expect(cardText).toContain(`packages/project/edit/index?id=${projectId}`);
    await admin.screenshot({ path: path.join(t.shots, '02-dev-inbox.png') });

    // A second run at the same moment sends nothing again (at most once per person, deadline and offset).
    const again = await api<{ sent: number; queued: number }>('dev-admin', 'scheduler.run', {});
    expect(again.sent).toBe(0);
    expect(again.queued).toBe(0);

    // f. 张晓明's home shows one to-do; 我的待办 counts the deadline down in Beijing time.
    await member.goto(`${t.host.url}${HOME}`);
    await settle(member);
    const home2 = current(member);
    await poll(() => home2.locator('.entry-todo .todo-count').textContent()).toBe('1 项 ›');
    await home2.locator('.entry-todo').click();
    await member.waitForURL((u) => u.pathname === TODO);
    await settle(member);
    const todo = current(member);
    const item = todo.locator('.todo-item', { hasText: title });
    await item.waitFor();
    expect(await item.locator('.todo-countdown').textContent()).toBe('还剩 3 天');
    expect(await todo.locator('.todo-group-soon .todo-item').count()).toBe(1);
    expect(await item.locator('.todo-interrupted').count()).toBe(0);
    // In a browser there is no subscription: the page says where reminders arrive.
    expect(await todo.locator('.todo-subscribe').textContent()).toContain('微信小程序');
    await shot(member, '03-member-todo');
    await expectNoHorizontalOverflow(member, 'todo');

    // g. The item opens the draft.
    await item.click();
    await member.waitForURL((u) => u.pathname === EDIT);
    await settle(member);
    await poll(() => current(member).locator('.field-title input').first().inputValue()).toBe(title);

    // h. Someone with nothing due sees the empty state.
    const other = await phone();
    await signIn(other, 'dev-member-2');
    await other.goto(`${t.host.url}${TODO}`);
    await settle(other);
    await poll(() => current(other).textContent()).toContain('暂无待办');
    expect(await current(other).locator('.todo-item').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });
});
