// End to end, in Chromium at phone width against the built local host: the brand workflow of the
// notice (品牌推选 → 认定 → 品牌培育 → 品牌推广) as the people who do it, then the public showcase
// signed out — its web address, meta tags, poster, and the not-found page.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/build-once';
import { launchBrowser } from '../support/chromium';
import { writeStripedPng } from '../support/png';
import { startBuiltLocalHost, type BuiltLocalHost } from '../support/local-host';
import { current, expectNoHorizontalOverflow, openPhone, poll, settle, shot as shotIn, signIn, typeInto } from '../support/phone';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'e2e-brand');
const MINE = '/packages/brand/mine/index';
const EDIT = '/packages/brand/edit/index';
const DETAIL = '/packages/brand/detail/index';
const LIBRARY = '/packages/brand/library/index';
const SHOWCASE_LIST = '/packages/showcase/list/index';

const NAME = `红色引擎·智汇先锋${Date.now().toString(36).slice(-4)}`;
const CONNOTATION = '以“党建+科研”为主线，把支部建在科研团队上，让党员在攻关一线亮身份、作表率。';
const APPROACH = '按照实践—总结—规范—提高—定型—推广的总体思路，先在两个支部试点，再总结形成工作法。';
const CARRIER = '师生党员攻关小组';
const INFLUENCE = '深圳特区报报道攻关小组';
const PUBLIC_NAME = '品牌负责人 王建国';
const RETURN_COMMENT = '请补充品牌标识的释义，社会影响再补充一条获奖情况。';
const PROGRESS = '完成《红色引擎工作法》初稿，在两个支部规范运行。';
const EVENT_PLACE = '汇元楼 511 会议室';

let browser: Browser;
let host: BuiltLocalHost;
let photo: string;
const pageErrors: string[] = [];
const pages: Page[] = [];

const shot = (page: Page, name: string) => shotIn(page, SHOTS, name);
const contextOf = (page: Page): BrowserContext => page.context();

async function phone(): Promise<Page> {
  const page = await openPhone(browser, pageErrors);
  pages.push(page);
  return page;
}

/** A small PNG made here, so the test needs no fixture file. */
const pngFile = (dir: string): string => writeStripedPng(path.join(dir, 'photo.png'));

/** Clicks something that opens the file picker and picks the test photo. */
async function upload(page: Page, trigger: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), current(page).locator(trigger).click()]);
  await chooser.setFiles(photo);
}

async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(`${host.url}${url}`);
  await current(page).locator(ready).first().waitFor();
  await settle(page);
}

beforeAll(async () => {
  await ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  photo = pngFile(mkdtempSync(path.join(tmpdir(), 'brand-e2e-')));
  [browser, host] = await Promise.all([launchBrowser(), startBuiltLocalHost()]);
});

afterAll(async () => {
  for (const p of pages) await contextOf(p).close().catch(() => {});
  await browser?.close();
  await host?.stop();
});

describe('党建品牌: report, 认定, 培育, 推广, and the public showcase', () => {
  let brandId = '';
  let secretary: Page;
  let admin: Page;

  it('the secretary creates the brand, fills the 五有 sections with a photo, and submits it', async () => {
    secretary = await phone();
    await signIn(secretary, host.url, 'dev-secretary-cs');
    await current(secretary).locator('.entry-my-brand').click();
    await secretary.waitForURL((u) => u.pathname === MINE);
    await settle(secretary);
    const mine = current(secretary);
    await mine.locator('.brand-none', { hasText: '一党委（总支）一品牌' }).waitFor();
    await shot(secretary, '01-mine-none');
    await expectNoHorizontalOverflow(secretary, 'mine (none)');

    await mine.locator('.nut-button', { hasText: '创建本年度党建品牌' }).click();
    await secretary.waitForURL((u) => u.pathname === EDIT && u.searchParams.has('id'));
    await settle(secretary);
    brandId = new URL(secretary.url()).searchParams.get('id') ?? '';
    expect(brandId).not.toBe('');

    const edit = current(secretary);
    await edit.locator('.field-name').waitFor();
    expect(await edit.locator('.checklist-item.missing').count()).toBe(5);
    await typeInto(edit.locator('.field-name'), NAME);
    await poll(() => edit.locator('.name-counter').textContent()).toBe(`${Array.from(NAME).length}/20`);
    await typeInto(edit.locator('.field-connotation'), CONNOTATION);
    await typeInto(edit.locator('.field-approach'), APPROACH);
    await edit.locator('.stage-chip-summary').click();
    await edit.locator('.carrier-add').click();
    await typeInto(edit.locator('.carrier-0 .carrier-title'), CARRIER);
    await typeInto(edit.locator('.carrier-0 .carrier-description'), '每月一次主题党日进实验室。');
    await upload(secretary, '.carrier-0 .photo-add');
    await edit.locator('.carrier-0 .photo-slot .photo-cell').waitFor();
    await edit.locator('.influence-add').click();
    await typeInto(edit.locator('.influence-0 .influence-title'), INFLUENCE);
    await typeInto(edit.locator('.influence-0 .influence-link'), 'ftp://not-a-web-link');
    // One bad link is marked at the field and in the 五有 list; the rest of the report still saves.
    await edit.locator('.influence-0 .link-problem', { hasText: 'http://' }).waitFor();
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    expect(await edit.locator('.checklist-item.missing').count()).toBeGreaterThan(0);
    await typeInto(edit.locator('.influence-0 .influence-link'), 'https://example.org/news/1');
    await typeInto(edit.locator('.field-problems'), '覆盖面还不够广，下一步推广到全部支部。');
    await typeInto(edit.locator('.name-input'), PUBLIC_NAME);
    await edit.locator('.name-add').click();
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存 \d{2}:\d{2}$/);
    expect(await edit.locator('.checklist-item.missing').count()).toBe(0);
    await shot(secretary, '02-edit-filled');
    await expectNoHorizontalOverflow(secretary, 'edit (filled)');

    // Autosaved: a reload shows it all.
    await secretary.reload();
    await current(secretary).locator('.field-name').waitFor();
    expect(await current(secretary).locator('.field-name input').inputValue()).toBe(NAME);
    expect(await current(secretary).locator('.carrier-0 .carrier-title input').inputValue()).toBe(CARRIER);
    expect(await current(secretary).locator('.carrier-0 .photo-slot').count()).toBe(1);

    await current(secretary).locator('.submit-brand').click();
    await secretary.waitForURL((u) => u.pathname === DETAIL);
    await settle(secretary);
    await current(secretary).locator('.brand-state-submitted').waitFor();
    await shot(secretary, '03-detail-submitted');
  });

  it('a brand that is not promoted has no public page (HTTP 404)', async () => {
    const res = await fetch(`${host.url}/brand?id=${brandId}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(NAME);
  });

  it('the 组织部 finds it in the 资源库 and returns it; a return needs a comment', async () => {
    admin = await phone();
    await signIn(admin, host.url, 'dev-admin');
    await current(admin).locator('.entry-brand-library').click();
    await admin.waitForURL((u) => u.pathname === LIBRARY);
    await settle(admin);
    const item = current(admin).locator('.library-item', { hasText: NAME });
    await item.waitFor();
    expect(await item.textContent()).toContain('计算机与软件学院党委');
    await shot(admin, '04-admin-library');
    await expectNoHorizontalOverflow(admin, 'library');
    await item.click();
    await admin.waitForURL((u) => u.pathname === DETAIL);
    await settle(admin);

    const detail = current(admin);
    await detail.locator('.review-return').click();
    await detail.locator('.review-card .error-box', { hasText: '退回时请写明修改意见' }).waitFor();
    await typeInto(detail.locator('.review-comment'), RETURN_COMMENT);
    await detail.locator('.review-return').click();
    await detail.locator('.brand-state-returned').waitFor();
    await detail.locator('.timeline-return', { hasText: RETURN_COMMENT }).waitFor();
    await shot(admin, '05-admin-returned');
  });

  it('the secretary sees the comment, edits, and submits again; the 组织部 accepts', async () => {
    await open(secretary, MINE, '.brand-state-returned');
    await current(secretary).locator('.nut-button', { hasText: '按意见修改品牌报告' }).click();
    await secretary.waitForURL((u) => u.pathname === EDIT);
    await settle(secretary);
    const edit = current(secretary);
    await edit.locator('.return-comment', { hasText: RETURN_COMMENT }).waitFor();
    await edit.locator('.influence-add').click();
    await edit.locator('.influence-1 .influence-kind-award').click();
    await typeInto(edit.locator('.influence-1 .influence-title'), '获评校级优秀党建品牌');
    await typeInto(edit.locator('.influence-1 .influence-link'), 'https://example.org/award');
    await poll(() => edit.locator('.save-status').textContent()).toMatch(/^已自动保存/);
    await shot(secretary, '06-edit-returned');
    await edit.locator('.submit-brand').click();
    await secretary.waitForURL((u) => u.pathname === DETAIL);
    await current(secretary).locator('.brand-state-submitted').waitFor();

    await open(admin, `${DETAIL}?id=${brandId}`, '.review-card');
    await current(admin).locator('.review-accept').click();
    await current(admin).locator('.brand-state-accepted').waitFor();
  });

  it('the secretary sets the cultivation plan and records progress that moves the stage on', async () => {
    await open(secretary, `${DETAIL}?id=${brandId}`, '.cultivation-form');
    const detail = current(secretary);
    await typeInto(detail.locator('.cultivation-plan'), '一季度完成工作法总结，二季度在全院推广。');
    await typeInto(detail.locator('.cultivation-leader-input'), '党委书记 王建国');
    await typeInto(detail.locator('.cultivation-cadre-input'), '组织员 李老师');
    await detail.locator('.cultivation-save').click();
    await detail.locator('.cultivation-leader', { hasText: '党委书记 王建国' }).waitFor();

    await detail.locator('.progress-open').click();
    // Stages before the current one (总结) cannot be chosen.
    expect(await detail.locator('.progress-stage-practice').getAttribute('class')).toContain('disabled');
    await detail.locator('.progress-stage-practice').click();
    expect(await detail.locator('.progress-stage-practice').getAttribute('class')).not.toContain('selected');
    await typeInto(detail.locator('.progress-text'), PROGRESS);
    await upload(secretary, '.progress-photos .photo-add');
    await detail.locator('.progress-photos .photo-slot').waitFor();
    await detail.locator('.progress-stage-standardise').click();
    await detail.locator('.progress-save').click();
    await detail.locator('.progress-item', { hasText: PROGRESS }).waitFor();
    await poll(() => detail.locator('.stage-bar .stage-step.current .stage-label').first().textContent()).toBe('规范');
    await shot(secretary, '07-cultivating');
    await expectNoHorizontalOverflow(secretary, 'detail (cultivating)');
  });

  it('the 组织部 promotes the brand and records a 座谈交流会', async () => {
    await open(admin, `${DETAIL}?id=${brandId}`, '.promote-brand');
    const detail = current(admin);
    await detail.locator('.promote-brand').click();
    await admin.locator('.taro-model__confirm:visible').click();
    await detail.locator('.brand-state-promoted').waitFor();
    await detail.locator('.event-open').click();
    await detail.locator('.event-save').click();
    await detail.locator('.event-form .error-box', { hasText: '请选择推广活动类型' }).waitFor();
    await detail.locator('.event-kind-symposium').click();
    // Public text passes the content-security check first (the local stand-in flags a test word).
    await typeInto(detail.locator('.event-place'), '违禁测试词');
    await typeInto(detail.locator('.event-report'), '组织全校基层党委书记座谈交流红色引擎工作法。');
    await detail.locator('.event-save').click();
    await detail.locator('.event-form .error-box', { hasText: '内容安全检测' }).waitFor();
    await typeInto(detail.locator('.event-place'), EVENT_PLACE);
    await detail.locator('.event-save').click();
    await detail.locator('.event-item', { hasText: EVENT_PLACE }).waitFor();
    await shot(admin, '08-admin-promoted');
  });

  it('anyone, signed out, opens /brand?id=… with the brand in the head, sees it, and makes a poster', async () => {
    const res = await fetch(`${host.url}/brand?id=${brandId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<title>[^<]*${NAME}[^<]*</title>`));
    expect(html).toMatch(/<meta name="description" content="[^"]*党建\+科研[^"]*">/);
    // The name and the first paragraph come in the first response, before the app's scripts run.
    const pre = html.slice(html.indexOf('<div id="showcase-prerender"'), html.indexOf('<div id="app">'));
    expect(pre).toContain(NAME);
    expect(pre).toContain(CONNOTATION.split('\n')[0]);

    const visitor = await phone();
    const calls: string[] = [];
    visitor.on('request', (r) => {
      const m = /\/api\/([A-Za-z0-9.]+)$/.exec(new URL(r.url()).pathname);
      if (m && r.method() === 'POST') calls.push(m[1]);
    });
    const assets: Array<{ url: string; bytes: number }> = [];
    visitor.on('requestfinished', (req) => {
      if (!/\.(js|css)(\?|$)/.test(req.url())) return;
      void req.sizes().then((s) => assets.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize }));
    });
    await visitor.goto(`${host.url}/brand?id=${brandId}`);
    const page = current(visitor);
    await page.locator('.showcase-name', { hasText: NAME }).waitFor();
    await settle(visitor);
    // Signed out, the page stays (no detour to sign-in) and carries the brand's name as its title.
    expect(new URL(visitor.url()).pathname).toBe('/brand');
    await poll(() => visitor.title()).toBe(NAME);
    // The app took over: the pre-rendered copy is gone, and the brand came with the page (no call).
    expect(await visitor.locator('#showcase-prerender').count()).toBe(0);
    expect(calls).not.toContain('brand.public');
    const fcp = await visitor.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const total = assets.reduce((s, a) => s + a.bytes, 0);
    console.log(`showcase first contentful paint: ${fcp === null ? 'n/a' : `${fcp.toFixed(0)} ms`}`);
    console.log(`showcase JS+CSS transferred: ${(total / 1024).toFixed(1)} KB in ${assets.length} files`);

    const text = (await page.textContent()) ?? '';
    for (const s of ['计算机与软件学院党委', CONNOTATION, APPROACH, CARRIER, INFLUENCE, PUBLIC_NAME, '座谈交流会', EVENT_PLACE]) expect(text).toContain(s);
    expect(text).not.toContain(RETURN_COMMENT);
    expect(text).not.toContain(PROGRESS);
    expect(await page.locator('.stage-step.current .stage-label').textContent()).toBe('规范');
    expect(await page.locator('.showcase-carrier .photo-cell').count()).toBe(1);
    await shot(visitor, '09-showcase');
    // A photo opens full screen; a tap closes it.
    await page.locator('.showcase-carrier .photo-cell').click();
    await visitor.locator('[role="dialog"] img').waitFor();
    await visitor.locator('[role="dialog"]').click();
    await visitor.locator('[role="dialog"]').waitFor({ state: 'detached' });
    await expectNoHorizontalOverflow(visitor, 'showcase');

    await page.locator('.poster-generate').click();
    const poster = page.locator('.poster-image img');
    await poster.waitFor({ timeout: 20_000 });
    const src = (await poster.getAttribute('src')) ?? '';
    expect(src).toMatch(/^data:image\/png;base64,/);
    const size = await poster.evaluate(async (el) => {
      const img = el as HTMLImageElement;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([900, 1440]);
    await visitor.screenshot({ path: path.join(SHOTS, '10-poster.png') });
    const [download] = await Promise.all([visitor.waitForEvent('download'), page.locator('.poster-save').click()]);
    expect(download.suggestedFilename()).toBe(`${NAME}-分享海报.png`);
    await page.locator('.poster-close').click();

    await page.locator('.showcase-more').click();
    await visitor.waitForURL((u) => u.pathname === SHOWCASE_LIST);
    await current(visitor).locator('.showcase-list-item', { hasText: NAME }).waitFor();
  });

  it('an unknown showcase address answers 404 and says the page does not exist', async () => {
    const res = await fetch(`${host.url}/brand?id=nonexistent`);
    expect(res.status).toBe(404);
    const visitor = await phone();
    await visitor.goto(`${host.url}/brand?id=nonexistent`);
    const missing = current(visitor).locator('.showcase-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('该品牌展示页不存在或尚未公开');
    await shot(visitor, '11-showcase-missing');
    await missing.locator('.to-showcase-list').click();
    await visitor.waitForURL((u) => u.pathname === SHOWCASE_LIST);
    expect(pageErrors).toEqual([]);
  });
});
