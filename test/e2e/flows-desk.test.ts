// On the demo at a desk (1280 px) and on the phone (375 px), as 机电学院's secretary: the side
// navigation keeps his full set of places on every page he reaches and highlights the right one,
// the phone's tab bar is not shown at the desk, and the brand report keeps the navigation, shows
// each project's year and saves the rest of the report past a link without https:// (issue 32
// items 8, 9 and 11).
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { openDesk } from '../support/desk';
import { current, poll, settle, typeInto } from '../support/phone';

// 机电学院党委书记: his hint is the brand report still in draft.
const SEC = 'dev-secretary-me';
const t = useE2e('e2e-flows-desk', { demo: true });

const NAV = ['待处理申报', '申报进度', '人员身份确认', '本党委看板', '我的党建品牌', '催办', '品牌资源库', '我的待办'];

describe('the secretary at a desk and on the phone', () => {
  it('keeps the side navigation with every place, no tab bar, and the brand report saves past a bad link', async () => {
    const pc = await openDesk(t.browser, t.pageErrors);
    await t.signIn(pc, SEC);
    await settle(pc);
    // Each place's name, without the count of waiting work the navigation shows beside it.
    const navText = async () => (await pc.locator('.desk-nav-item').allInnerTexts()).map((s) => s.split('\n')[0].trim());
    await poll(navText).toEqual(expect.arrayContaining(NAV));
    // The phone's tab bar is not shown at the desk.
    expect(await pc.locator('.taro-tabbar__tabbar').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetHeight > 0).length)).toBe(0);

    // 看板 highlights 本党委看板, not 待处理申报.
    await pc.locator('.desk-nav-committee-dashboard').click();
    await pc.waitForURL((u) => u.pathname === '/packages/committee/dashboard/index');
    await poll(() => pc.locator('.desk-nav-item.active').innerText()).toBe('本党委看板');

    // 我的党建品牌 and the pages it leads to keep the navigation.
    await pc.locator('.desk-nav-my-brand').click();
    await pc.waitForURL((u) => u.pathname === '/packages/brand/mine/index');
    await poll(() => pc.locator('.desk-nav-item.active').innerText()).toBe('我的党建品牌');
    await t.shot(pc, 'secretary-my-brand-1280');

    // The brand report, as 我的党建品牌 opens it: it keeps the navigation.
    const mine = await t.ok<{ brand: { _id: string; state: string } | null }>(SEC, 'brand.mine', {});
    expect(mine.brand?.state).toBe('draft');
    await pc.goto(`${t.host.url}/packages/brand/edit/index?id=${mine.brand!._id}`);
    await settle(pc);
    await poll(() => pc.locator('.desk-nav-item.active').innerText()).toBe('我的党建品牌');
    const edit = current(pc);
    await edit.locator('.field-name').waitFor();
    // Projects of the same name are told apart by their year; the example signature names nobody real.
    for (const c of await edit.locator('.project-chip').allInnerTexts()) expect(c).toMatch(/（\d{4}年）$/);
    expect(await edit.locator('.name-input input').getAttribute('placeholder')).not.toContain('王建国');
    if ((await edit.locator('.influence-link').count()) === 0) await edit.locator('.influence-add').click();
    await typeInto(edit.locator('.influence-link').first(), 'www.example.cn/news/1');
    await edit.locator('.link-problem').first().waitFor();
    await typeInto(edit.locator('.field-problems'), `覆盖面还不够广 ${Date.now().toString(36)}`);
    // The rest saves, and no «稍后会再试» for a value a retry cannot fix.
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    await t.shot(pc, 'secretary-brand-bad-link-1280');

    // The 组织部's 各党委申报 at the desk: its filters are drop-down lists, not the phone's scroll wheel.
    const admin = await openDesk(t.browser, t.pageErrors);
    await t.signIn(admin, 'dev-admin');
    await admin.goto(`${t.host.url}/packages/admin/committees/index`);
    await settle(admin);
    const filter = admin.locator('select.desk-select').first();
    await filter.waitFor();
    const values = await filter.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(values.length).toBeGreaterThan(0);
    await filter.selectOption(values[values.length - 1]!);
    await poll(() => filter.inputValue()).toBe(values[values.length - 1]);

    // On the phone the tab bar is there, and no side navigation.
    const phone = await t.phone();
    await t.signIn(phone, SEC);
    await settle(phone);
    await phone.locator('.taro-tabbar__tabbar').waitFor();
    expect(await phone.locator('.desk-nav').count()).toBe(0);
    expect(t.pageErrors).toEqual([]);
  });
});
