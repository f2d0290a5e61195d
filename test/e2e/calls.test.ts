// Cloud calls per screen, counted in Chromium at 375 px against the built local host: every POST
// /api/<procedure> a page makes from the moment it is opened until the network is quiet. On
// WeChat each is one callFunction (a round trip to the cloud and, cold, a function start), so a
// screen should open with one. The home page must; the others are printed so a regression shows.
// (The brand showcase page opens with none: brand.test.ts checks it, its data comes in the HTML.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, settle } from '../support/phone';

const t = useE2e();
const { phone, signIn, pageErrors } = t;

function countCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([A-Za-z0-9.]+)$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === 'POST') calls.push(m[1]);
  });
  return calls;
}

/** Opens `path` fresh (a reload, as a cold start of the page) and answers the calls it made. */
async function open(page: Page, calls: string[], path: string, ready: string): Promise<string[]> {
  calls.length = 0;
  await page.goto(`${t.host.url}${path}`);
  await settle(page);
  await current(page).locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  return [...calls];
}

describe('cloud calls per screen', () => {
  it('the home page opens with two calls (the first view, then the queue once it says the person is bound), for a member and for a secretary', async () => {
    const table: string[] = [];
    for (const openid of ['dev-member-1', 'dev-secretary-cs']) {
      const p = await phone();
      await signIn(p, openid);
      const calls = countCalls(p);
      const home = await open(p, calls, '/pages/index/index', '.greeting');
      table.push(`| home (${openid}) | ${home.length} | ${home.join(', ')} |`);
      expect([...home].sort()).toEqual(['home.open', 'todo.mine']);
      for (const [name, path, ready] of [
        ['我的', '/pages/mine/index', '.card'],
        ['待办', '/packages/me/todo/index', '.page'],
        ['品牌展示列表', '/packages/showcase/list/index', '.page'],
      ] as const) {
        const got = await open(p, calls, path, ready);
        table.push(`| ${name} (${openid}) | ${got.length} | ${got.join(', ')} |`);
      }
    }
    console.log(['| page | cloud calls at open | which |', '| --- | ---: | --- |', ...table].join('\n'));
    expect(pageErrors).toEqual([]);
  });
});
