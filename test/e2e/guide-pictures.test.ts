// End to end, in Chromium against the built local host with the demo university: takes every
// picture the guides in docs/ show (the table in ./guide-pictures.ts), at 375 px for the phone and
// 1280 px at a desk, so the guides never show a page as it used to be. The pictures go to
// docs/images/ (reduced to 256 colours to keep the repository light) and to test-results/guides/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { openDesk } from '../support/desk';
import { current, settle, signIn } from '../support/phone';
import { smallPng } from '../support/small-png';
import { GUIDE_PICTURES, type DemoIds } from './guide-pictures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMAGES = path.join(ROOT, 'docs', 'images');
const t = useE2e('guides', { demo: true });

interface Listed {
  _id: string;
  name?: string;
  title?: string;
  state?: string;
  level?: string;
  calendar?: { submissionDeadline: string };
}

async function demoIds(): Promise<DemoIds> {
  const mine = await t.ok<Listed[]>('dev-member-1', 'project.listMine', {});
  const open = mine.find((p) => p.state === 'returned' || p.state === 'draft') ?? mine[0];
  const brands = await t.ok<Listed[]>('dev-admin', 'brand.publicList', {});
  const batches = await t.ok<Listed[]>('dev-admin', 'batch.list', {});
  const byName = (part: string) => batches.find((b) => b.name?.includes(part))?._id;
  const roundBatch = byName('机电学院自行培育');
  // Last year's school batch: the older of the two school batches after the notice's own.
  const fundedBatch = batches
    .filter((b) => b.level === 'school' && b._id !== 'batch-2022-2' && b.calendar)
    .sort((a, b) => (a.calendar?.submissionDeadline ?? '').localeCompare(b.calendar?.submissionDeadline ?? ''))[0]?._id;
  if (!open || !brands[0] || !roundBatch || !fundedBatch) throw new Error(`the demo lacks what the guides show: ${JSON.stringify({ open, brand: brands[0], roundBatch, fundedBatch })}`);
  return { application: open._id, brand: brands[0]._id, roundBatch, fundedBatch };
}

/** A browser for one person at the picture's width, at device scale 1 (small files, readable at a guide's width). */
async function screen(width: 375 | 1280): Promise<Page> {
  if (width === 1280) {
    const page = await openDesk(t.browser, t.pageErrors);
    t.pages.push(page);
    return page;
  }
  const context = await t.browser.newContext({ viewport: { width, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (err) => t.pageErrors.push(`${page.url()}: ${err.message}`));
  t.pages.push(page);
  return page;
}

describe('the pictures in the guides', () => {
  it('are taken from the demo, one page each, at phone and desk widths', async () => {
    const ids = await demoIds();
    mkdirSync(IMAGES, { recursive: true });
    const signedIn = new Map<string, Page>();
    for (const picture of GUIDE_PICTURES) {
      const key = `${picture.who ?? 'visitor'}@${picture.width}`;
      let page = signedIn.get(key);
      if (!page) {
        page = await screen(picture.width);
        if (picture.who) await signIn(page, t.host.url, picture.who);
        signedIn.set(key, page);
      }
      const where = typeof picture.path === 'function' ? picture.path(ids) : picture.path;
      await page.goto(`${t.host.url}${where}`);
      await settle(page);
      await current(page).locator(picture.ready).first().waitFor({ timeout: 15_000 });
      // Pictures and fonts drawn, the page scrolled to its top.
      await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete) && document.fonts.status === 'loaded');
      await current(page).evaluate((el) => (el.scrollTop = 0));
      expect(await current(page).locator('.error-box').count(), `${picture.file}: ${where} shows an error`).toBe(0);
      const raw = await page.screenshot();
      writeFileSync(path.join(t.shots, picture.file), raw);
      const small = smallPng(raw);
      writeFileSync(path.join(IMAGES, picture.file), small);
      expect(small.length, `${picture.file} stays small`).toBeLessThan(raw.length);
      expect(readFileSync(path.join(IMAGES, picture.file)).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(t.pageErrors).toEqual([]);
  });
});
