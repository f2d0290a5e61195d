// Driving the Taro H5 build like a person on a phone: one browser context per person, lookups
// scoped to the visible Taro page, screenshots of the phone screen.
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const PHONE_WIDTH = 375;
export const UI_TIMEOUT = 10_000;

/** A phone-sized browser context (its own cookies: one per person); page errors go to `errors`. */
export async function openPhone(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: PHONE_WIDTH, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  return page;
}

/** The page on top of Taro's H5 page stack (earlier pages stay in the DOM, hidden). */
export const current = (page: Page): Locator => page.locator('.taro_page:visible');

/** Waits for Taro's page transition to end: one page visible, in place, and no animation running. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const visible = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none');
    return visible.length === 1 && Math.abs(visible[0].getBoundingClientRect().left) < 1 && document.getAnimations().every((a) => a.playState !== 'running');
  });
}

/** Signs in through the dev sign-in page (a form POST sets the cookie and redirects into the app). */
export async function signIn(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/dev/sign-in`);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/dev/sign-in'), page.locator(`button[data-openid="${openid}"]`).click()]);
  await page.waitForURL((u) => u.pathname === '/pages/index/index');
  await settle(page);
}

/** Polls a browser-side value until the assertion holds (vitest's default 1 s is shorter than autosave). */
export const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: UI_TIMEOUT, interval: 50 });

/** Types into a Taro Input/Textarea (the native element inside the custom element). */
export async function typeInto(field: Locator, text: string): Promise<void> {
  const native = field.locator('input, textarea').first();
  await native.fill(text);
  await poll(() => native.inputValue()).toBe(text);
}

/** Screenshots the phone screen at the top of the page and, when it scrolls, at the end. */
export async function shot(page: Page, dir: string, name: string): Promise<void> {
  await settle(page);
  const scroller = current(page);
  const scrollable = await scroller.evaluate((el) => {
    el.scrollTop = 0;
    return el.scrollHeight > el.clientHeight + 8;
  });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  if (scrollable) {
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.screenshot({ path: path.join(dir, `${name}-end.png`) });
  }
}

/** No sideways scrolling at phone width: neither the document nor Taro's page scroller is wider. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  await settle(page);
  const widths = await page.evaluate(() => ({
    html: document.documentElement.scrollWidth,
    page: Array.from(document.querySelectorAll('.taro_page'))
      .filter((p) => getComputedStyle(p).display !== 'none')
      .map((p) => p.scrollWidth),
  }));
  expect(widths.html, `${label}: <html> scrollWidth`).toBeLessThanOrEqual(PHONE_WIDTH);
  for (const w of widths.page) expect(w, `${label}: .taro_page scrollWidth`).toBeLessThanOrEqual(PHONE_WIDTH);
}
