// The home page's greeting before the app has run (H5): index.html's head starts home.open
// (config/early-home.js) and draws the person's name and committee as soon as it answers; the
// app takes that same response (one call for the screen) and replaces the block with the page.
// Here the app's own script is held back at the network (a route in Chromium) so the order is
// certain: the greeting must be on screen while app.js has not even arrived.
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, settle, UI_TIMEOUT } from '../support/phone';

const t = useE2e('early-home');
const { phone, signIn, pageErrors } = t;

/** Holds every request for the app's entry script until `release` is called. */
async function holdAppScript(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let open = false;
  await page.route(/\/js\/app\.[0-9a-f]+\.js$/, async (route) => {
    if (open) await route.continue();
    else held.push(route);
  });
  return async () => {
    open = true;
    for (const r of held.splice(0)) await r.continue();
  };
}

function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([A-Za-z0-9.]+)$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === 'POST') calls.push(m[1]);
  });
  return calls;
}

describe('the home greeting before the app', () => {
  it('shows the name and committee while app.js is still on its way, then the app takes over with the same call', async () => {
    const p = await phone();
    await signIn(p, 'dev-member-1');
    const me = await t.ok<{ profile: { name: string }; committeeName: string; greeting: string }>(p, 'session.me', {});
    const release = await holdAppScript(p);
    const calls = apiCalls(p);
    await p.goto(`${t.host.url}/`, { waitUntil: 'commit' });
    const early = p.locator('#home-early');
    await early.waitFor({ timeout: UI_TIMEOUT });
    await expect(early.innerText()).resolves.toContain(`${me.profile.name}，您好`);
    await expect(early.innerText()).resolves.toContain(me.committeeName);
    await expect(early.innerText()).resolves.toContain(me.greeting);
    // The app has not run: nothing of Taro's is on the page yet.
    expect(await p.locator('.taro_page').count()).toBe(0);
    await p.screenshot({ path: path.join(t.shots, 'greeting-before-app.png') });
    await release();
    await settle(p);
    await current(p).locator('.greeting').first().waitFor({ timeout: UI_TIMEOUT });
    await early.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await p.waitForLoadState('networkidle');
    // The first view once, taken over from the early call; then the queue (我的待办) beside it.
    expect(calls).toEqual(['home.open', 'todo.mine']);
    await t.shot(p, 'home-after-app');
    expect(pageErrors).toEqual([]);
  });

  it('draws nothing early for a person not yet bound, and nothing off the home page', async () => {
    const p = await phone();
    await signIn(p, 'dev-newcomer');
    const calls = apiCalls(p);
    await p.goto(`${t.host.url}/`);
    await settle(p);
    await current(p).locator('.welcome').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await p.locator('#home-early').count()).toBe(0);
    expect(calls).toEqual(['home.open']);
    calls.length = 0;
    await p.goto(`${t.host.url}/pages/mine/index`);
    await settle(p);
    await p.waitForLoadState('networkidle');
    expect(calls).not.toContain('home.open');
    expect(pageErrors).toEqual([]);
  });

  it('a PC whose session has ended is sent to the sign-in code, as before, without drawing anything', async () => {
    const p = await phone();
    await p.goto(`${t.host.url}/pages/pc-login/index`);
    await settle(p);
    await p.evaluate(() => window.localStorage.setItem('dangjian.pcSession', 'expired-or-revoked-token'));
    const calls = apiCalls(p);
    await p.goto(`${t.host.url}/`);
    await p.waitForURL(/\/pages\/pc-login\/index$/, { timeout: UI_TIMEOUT });
    expect(calls[0]).toBe('home.open');
    expect(calls.filter((c) => c === 'home.open')).toHaveLength(1);
    expect(await p.evaluate(() => window.localStorage.getItem('dangjian.pcSession'))).toBeNull();
  });
});
