// A PC at a desk: a 1280×800 browser context (its own storage: one per PC), for the desk layout
// and the scan sign-in.
import type { Browser, Page } from 'playwright-core';
import { UI_TIMEOUT } from './phone';

export const DESK_WIDTH = 1280;
export const DESK_HEIGHT = 800;

export async function openDesk(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: DESK_WIDTH, height: DESK_HEIGHT }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  return page;
}
