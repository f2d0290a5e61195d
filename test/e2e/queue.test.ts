// End to end, in Chromium against the built local host with the demo seed: each demo identity's
// queue (我的待办, issue 27). The home card, the desk's side navigation (each place its share, 我的待办
// the whole) and the list show one count; every item opens the page where its work is done,
// already filtered to it (培育与验收 and 人员身份确认 list exactly as many as the item says).
import { describe, expect, it } from 'vitest';
import type { TodoItem } from '@shared/contracts/reminders';
import { placeCounts } from '@shared/domain/queue/counts';
import { DEMO_IDENTITIES } from '../../cloudfunctions/local/seed';
import { openDesk } from '../support/desk';
import { useE2e } from '../support/e2e';
import { current, poll, settle } from '../support/phone';

const t = useE2e('queue', { demo: true });
const WITH_QUEUES = DEMO_IDENTITIES.filter((i) => i.openid !== 'dev-newcomer');

describe('我的待办 on the demo', () => {
  for (const identity of WITH_QUEUES) {
    it(`${identity.label}: one count everywhere, and every item lands on its work`, async () => {
      const queue = await t.ok<{ count: number; items: TodoItem[] }>(identity.openid, 'todo.mine', {});
      expect(queue.items.length, identity.openid).toBeGreaterThan(0);

      // At a desk: the home starts with the queue; the side navigation carries the counts.
      const desk = await openDesk(t.browser, t.pageErrors);
      await t.signIn(desk, identity.openid);
      await desk.goto(`${t.host.url}/pages/index/index`);
      await settle(desk);
      const home = current(desk);
      await poll(() => home.locator('.desk-queue-total').textContent()).toBe(`共 ${queue.count} 项 ›`);
      expect(await home.locator('.desk-queue-item').count()).toBe(queue.items.length);
      await poll(() => home.locator('.desk-nav-todo .desk-nav-count').textContent()).toBe(String(queue.count));
      for (const [place, n] of Object.entries(placeCounts(queue.items))) {
        const item = home.locator(`.desk-nav-${place}`);
        if ((await item.count()) > 0) await poll(() => item.locator('.desk-nav-count').textContent()).toBe(String(n));
      }
      await t.shot(desk, `desk-home-${identity.openid}`);
      await desk.context().close();

      // On the phone: the home card and the list say the same.
      const page = await t.phone();
      await t.signIn(page, identity.openid);
      await page.goto(`${t.host.url}/pages/index/index`);
      await settle(page);
      await poll(() => current(page).locator('.entry-todo .todo-count').textContent()).toBe(`${queue.count} 项 ›`);
      for (const item of queue.items) {
        await page.goto(`${t.host.url}/packages/me/todo/index`);
        await settle(page);
        const list = current(page);
        await poll(() => list.locator('.todo-total').textContent()).toBe(`共 ${queue.count} 项待办`);
        await list.locator('.todo-item', { hasText: item.title }).first().click();
        const want = new URL(item.link, t.host.url);
        await page.waitForURL((u) => u.pathname === want.pathname && [...want.searchParams].every(([k, v]) => u.searchParams.get(k) === v));
        await settle(page);
        const there = current(page);
        await there.locator('.card, .list-item').first().waitFor();
        expect(await there.locator('.error-box').count(), `${item.link} shows an error`).toBe(0);
        // Already filtered: the list holds exactly what the item counts.
        if (want.pathname === '/packages/admin/funded/index') await poll(() => there.locator('.funded-total').textContent()).toBe(`${item.count} 项`);
        if (want.pathname === '/packages/committee/members/index') await poll(() => there.locator('.pending-person').count()).toBe(item.count);
        await t.shot(page, `item-${identity.openid}-${item.kind}`);
      }
      expect(t.pageErrors).toEqual([]);
    });
  }
});
