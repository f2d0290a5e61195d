// End to end, in Chromium at phone width against the built local host (dist/local + dist/h5):
// a member drafts a 申报书 (autosaved, survives a reload), submits it to their 基层党委, the
// committee's secretary sees it in 待处理, the other committee's secretary neither sees nor opens it.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startBuiltLocalHost } from '../support/local-host';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle, typeInto } from '../support/phone';

const HOME = '/pages/index/index';
const INBOX = '/packages/committee/inbox/index';
const EDIT = '/packages/project/edit/index';
const OPEN_BATCH = /第三批校级党建精品项目（\d{4}）/;
const CLOSED_BATCH = '第二批校级党建精品项目（2022）';
const FORBIDDEN_TEXT = '这份申报不属于您或您所在的基层党委，无法查看';

const t = useE2e();
const { phone, signIn, shot, pageErrors } = t;

const fieldValue = (scope: Locator, selector: string) => scope.locator(`${selector} input, ${selector} textarea`).first().inputValue();

describe('申报书: draft on the phone, autosave, submit, the right committee sees it', () => {
  const title = `社区共建红色引擎项目 e2e-${Date.now().toString(36)}`;
  // A landline as people write it: the hyphen stays.
  const phoneNo = '0755-86930000';
  const sections = {
    background: '科研团队中党员分散，党建与业务存在“两张皮”现象。',
    goals: '围绕“党建+科研”打造品牌，形成可复制的支部工作法。',
    measures: '一、每月开展主题党日；\n二、组建师生党员攻关小组；\n三、建立“双带头人”培育机制。',
    innovation: '“支部+课题组”双向嵌入。',
    expectedOutcomes: '形成工作案例 1 篇，制度文件 2 项，校级以上报道 1 次。',
  };
  let projectId = '';

  it('walks member → submit → secretary inbox, and keeps it from the other committee', async () => {
    // a. the member drafts the application; it autosaves.
    const member = await phone();
    await signIn(member, 'dev-member-1');
    const home = current(member);
    await poll(() => home.locator('.greeting-name').textContent()).toContain('张晓明');
    const openBatch = home.locator('.batch-item', { hasText: OPEN_BATCH });
    await openBatch.waitFor();
    await shot(member, '01-member-home');
    await expectNoHorizontalOverflow(member, 'member home');

    await openBatch.locator('.nut-button', { hasText: '新建申报书' }).click();
    await member.waitForURL((u) => u.pathname === EDIT && u.searchParams.has('id'));
    await settle(member);
    projectId = new URL(member.url()).searchParams.get('id') ?? '';
    expect(projectId).not.toBe('');

    let edit = current(member);
    await edit.locator('.field-title').waitFor();
    await poll(() => edit.locator('.state-tag').textContent()).toBe('草稿');
    // A pasted 60-character title is kept whole, the counter says it is 20 over, nothing is cut.
    const pasted = '党'.repeat(60);
    await typeInto(edit.locator('.field-title'), pasted);
    await poll(() => edit.locator('.counter-over').first().textContent()).toContain('超出20字');
    expect(await fieldValue(edit, '.field-title')).toBe(pasted);
    await typeInto(edit.locator('.field-title'), title);
    await poll(() => edit.locator('.counter-over').count()).toBe(0);
    // onInput reached the page's state: the draft is now dirty (and will be autosaved).
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/有未保存的修改|正在保存|已自动保存/);
    await typeInto(edit.locator('.field-contactPhone'), phoneNo);
    await edit.locator('.category-organisation').click();
    await expect(edit.locator('.category-organisation').getAttribute('class')).resolves.toContain('selected');
    for (const [key, text] of Object.entries(sections)) await typeInto(edit.locator(`.field-${key}`), text);
    // 进度安排: one dated milestone, the date from Taro's picker (its default is today).
    await edit.locator('.milestone-add').click();
    await edit.locator('.milestone-date-input').click();
    await member.locator('.weui-picker__action', { hasText: '确定' }).click();
    await poll(() => edit.locator('.milestone-date-input').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await typeInto(edit.locator('.milestone-task-input'), '完成调研并制定方案');
    await edit.locator('.budget-add').click();
    await typeInto(edit.locator('.budget-item'), '资料印制费');
    await typeInto(edit.locator('.budget-amount'), '1200.50');
    await poll(() => edit.locator('.budget-total-amount').textContent()).toBe('¥1,200.50');
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    await shot(member, '02-member-draft-autosaved');
    await expectNoHorizontalOverflow(member, 'edit page (draft)');

    // b. a reload shows everything as saved.
    await member.reload();
    edit = current(member);
    await edit.locator('.field-title').waitFor();
    expect(await fieldValue(edit, '.field-title')).toBe(title);
    expect(await fieldValue(edit, '.field-contactPhone')).toBe(phoneNo);
    for (const [key, text] of Object.entries(sections)) expect(await fieldValue(edit, `.field-${key}`)).toBe(text);
    expect(await edit.locator('.category-organisation').getAttribute('class')).toContain('selected');
    expect(await edit.locator('.chip.selected[class*="category-"]').count()).toBe(1);
    expect(await fieldValue(edit, '.milestone-task-input')).toBe('完成调研并制定方案');
    expect(await fieldValue(edit, '.budget-item')).toBe('资料印制费');
    expect(await fieldValue(edit, '.budget-amount')).toBe('1200.50');
    expect(await edit.locator('.budget-total-amount').textContent()).toBe('¥1,200.50');
    await shot(member, '03-member-after-reload');

    // c. submit to the 基层党委.
    await edit.locator('.nut-button', { hasText: '提交基层党委' }).click();
    await poll(() => edit.locator('.state-tag').textContent()).toBe('已提交基层党委');
    await poll(() => edit.locator('.save-status').textContent()).toBe('已提交，等待基层党委审核');
    expect(await edit.locator('.error-box').count()).toBe(0);
    expect(await edit.locator('.readonly-text', { hasText: title }).count()).toBe(1);
    await shot(member, '04-member-submitted');
    await expectNoHorizontalOverflow(member, 'edit page (submitted)');

    // d. the secretary of the same committee finds it under 待处理申报.
    const secretary = await phone();
    await signIn(secretary, 'dev-secretary-cs');
    const secHome = current(secretary);
    await secHome.locator('.card', { hasText: '待处理申报' }).click();
    await secretary.waitForURL((u) => u.pathname === INBOX);
    await settle(secretary);
    const inbox = current(secretary);
    await poll(() => inbox.locator('.inbox-committee').textContent()).toBe('计算机与软件学院党委');
    const item = inbox.locator('.inbox-item', { hasText: title });
    await item.waitFor();
    expect(await item.textContent()).toContain('张晓明');
    expect(await item.textContent()).toContain('¥1,200.50');
    expect(await item.locator('.state-tag').textContent()).toBe('已提交基层党委');
    await shot(secretary, '05-secretary-cs-inbox');
    await expectNoHorizontalOverflow(secretary, 'inbox (cs)');

    // e. the other committee's secretary does not see it.
    const other = await phone();
    await signIn(other, 'dev-secretary-me');
    await other.goto(`${t.host.url}${INBOX}`);
    const otherInbox = current(other);
    await poll(() => otherInbox.locator('.inbox-committee').textContent()).toBe('机电与控制工程学院党委');
    await otherInbox.locator('.empty', { hasText: '暂时没有待处理的申报' }).waitFor();
    expect(await otherInbox.locator('.inbox-item').count()).toBe(0);
    expect(await otherInbox.textContent()).not.toContain(title);
    await shot(other, '06-secretary-me-inbox-empty');
    await expectNoHorizontalOverflow(other, 'inbox (me, empty)');

    // f. … nor open it by its address.
    await other.goto(`${t.host.url}${EDIT}?id=${projectId}`);
    const denied = current(other);
    await denied.locator('.error-box', { hasText: FORBIDDEN_TEXT }).waitFor();
    const deniedText = (await denied.textContent()) ?? '';
    expect(deniedText).not.toContain(title);
    expect(deniedText).not.toContain(sections.goals);
    expect(await denied.locator('.field-title, .readonly-text').count()).toBe(0);
    await shot(other, '07-secretary-me-project-forbidden');

    expect(pageErrors).toEqual([]);
  });

  it('does not offer 新建申报书 for the closed 2022 batch', async () => {
    const member = await phone();
    await signIn(member, 'dev-member-2');
    // The closed batch exists on the server …
    const batches = await member.evaluate(async () => {
      const res = await fetch('/api/batch.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: {}, requestId: 'e2e-batches' }) });
      return (await res.json()) as { ok: boolean; data?: Array<{ name: string; open: boolean }> };
    });
    expect(batches.ok).toBe(true);
    expect(batches.data?.find((b) => b.name === CLOSED_BATCH)?.open).toBe(false);
    // … but the home page lists only the open batch, with its 新建申报书.
    const home = current(member);
    await home.locator('.batch-item', { hasText: OPEN_BATCH }).waitFor();
    expect(await home.locator('.batch-item').count()).toBe(1);
    expect(await home.textContent()).not.toContain(CLOSED_BATCH);
    expect(await home.locator('.nut-button', { hasText: '新建申报书' }).count()).toBe(1);
    await shot(member, '08-member2-home-only-open-batch');
  });

  it('with FAKE_NOW a few days before the 2022 deadline, that batch is open with the days left', async () => {
    const past = await startBuiltLocalHost({ fakeNow: '2022-06-26T02:00:00Z' });
    try {
      const page = await phone();
      await page.goto(`${past.url}/dev/sign-in`);
      await Promise.all([page.waitForURL((u) => u.pathname === HOME), page.locator('button[data-openid="dev-member-1"]').click()]);
      const batch = current(page).locator('.batch-item', { hasText: CLOSED_BATCH });
      await batch.waitFor();
      expect(await batch.textContent()).toContain('截止 2022年6月29日');
      expect(await batch.textContent()).toContain('还剩 3 天');
      expect(await batch.locator('.nut-button', { hasText: '新建申报书' }).count()).toBe(1);
      await shot(page, '09-fake-now-2022-batch-open');
    } finally {
      await past.stop();
    }
  });
});
