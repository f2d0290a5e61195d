// End to end, in Chromium at 375×812 against the built local host with the demo seed (a fresh
// .data/, as `npm start` makes it): every demo identity finds something to act on on its first
// screen and on the page its sign-in hint links to; the showcase shows three brands or more, each
// with its 标识 loaded. Screenshots of each page go to test-results/demo/.
import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../cloudfunctions/local/seed';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, poll, settle } from '../support/phone';

const t = useE2e('demo', { demo: true });
const { phone, signIn, shot, pageErrors } = t;

/** What each identity's first screen offers to act on: open to-dos, unread messages, or binding. */
const TODOS = { selector: '.entry-todo .todo-count-open', text: /[1-9]\d* 项/ };
const FIRST_SCREEN: Record<string, { selector: string; text: RegExp }> = {
  'dev-newcomer': { selector: '.welcome', text: /绑定身份/ },
};

describe('the demo on a fresh database', () => {
  it('says on the sign-in page what to try as each identity', async () => {
    const page = await phone();
    await page.goto(`${t.host.url}/dev/sign-in`);
    for (const i of DEMO_IDENTITIES) await expect(page.locator(`[data-try="${i.openid}"]`).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${t.shots}/sign-in.png`, fullPage: true });
  });

  for (const identity of DEMO_IDENTITIES) {
    it(`gives ${identity.label} something to act on, on the first screen and where the hint leads`, async () => {
      const page = await phone();
      await signIn(page, identity.openid);
      const home = current(page);
      const actionable = FIRST_SCREEN[identity.openid] ?? TODOS;
      await poll(() => home.locator(actionable.selector).first().innerText()).toMatch(actionable.text);
      await shot(page, `home-${identity.openid}`);
      await expectNoHorizontalOverflow(page, `home ${identity.openid}`);

      // The sign-in page's line links where the identity's queue starts.
      const next = await page.evaluate(
        async (openid) => (await fetch('/dev/sign-in').then((r) => r.text())).match(new RegExp(`data-try="${openid}"[^]*?data-next="([^"]*)"`))?.[1] ?? '',
        identity.openid,
      );
      const hint = { next: next.replace(/&#38;/g, '&') };
      await page.goto(`${t.host.url}${hint.next}`);
      await settle(page);
      const there = current(page);
      await there.locator('.card, .list-item').first().waitFor();
      expect(await there.locator('.error-box').count(), `${hint.next} shows an error`).toBe(0);
      await shot(page, `try-${identity.openid}`);
    });
  }

  it('shows three promoted brands or more on the showcase list, each with its 标识 loaded', async () => {
    const visitor = await phone();
    await visitor.goto(`${t.host.url}/packages/showcase/list/index`);
    const list = current(visitor);
    await poll(() => list.locator('.showcase-list-item').count()).toBeGreaterThanOrEqual(3);
    const logos = list.locator('.showcase-list-logo img');
    const count = await list.locator('.showcase-list-item').count();
    await poll(() => logos.count()).toBe(count);
    for (let i = 0; i < count; i++) {
      await poll(() => logos.nth(i).evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    }
    await shot(visitor, 'showcase-list');
    await list.locator('.showcase-list-item').first().click();
    await visitor.waitForURL((u) => u.pathname === '/brand');
    await settle(visitor);
    await poll(() => current(visitor).locator('.showcase-logo img').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    await shot(visitor, 'showcase-brand');
    expect(pageErrors).toEqual([]);
  });
});
