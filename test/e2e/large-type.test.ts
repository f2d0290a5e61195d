// 适老化 in the H5 build, in Chromium at 375 px: the browser's own font size set to 23 px (Chromium
// takes whole pixels: 1.44× its 16 px standard, past 关怀模式's 1.4× of WeChat's 17 px). The app reads
// it at launch and draws its text at the cap, 1.4× (--font-scale on <html>); on the home page, the 申报书, the showcase and
// 我的待办 no text is cut off or overlaps other text, nothing scrolls sideways, every tap target is
// at least 44 px high and the primary action can be reached and tapped. Screenshots at standard
// and large size go to test-results/large-type/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2e } from '../support/e2e';
import { current, expectNoHorizontalOverflow, openPhone, settle, signIn } from '../support/phone';

const t = useE2e('large-type', { demo: true });
const MEMBER = 'dev-member-1';

interface Listed {
  _id: string;
  state?: string;
}

/** A phone whose browser font size is `px` (Chromium's own setting, through the DevTools protocol). */
async function phoneAt(px: number): Promise<Page> {
  const page = await openPhone(t.browser, t.pageErrors);
  t.pages.push(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: 13 } });
  return page;
}

interface Layout {
  scale: string;
  cut: string[];
  overlaps: string[];
  smallTargets: string[];
  primary: { text: string; reachable: boolean } | null;
}

/** What a person would notice on the visible page: cut-off or overlapping text, small tap targets, the primary action. */
async function layoutOf(page: Page, primarySelector: string | null): Promise<Layout> {
  return current(page).evaluate(async (root, primary) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const label = (el: Element) => `${el.className || el.tagName}: ${(el.textContent ?? '').trim().slice(0, 24)}`;
    const texts = Array.from(root.querySelectorAll('*')).filter((el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
    // Cut off: text wider or taller than a box that hides what overflows (an ellipsis or a clip).
    const cut = texts
      .filter((el) => {
        const s = getComputedStyle(el);
        const hides = s.overflow === 'hidden' || s.overflowX === 'hidden' || s.textOverflow === 'ellipsis' || s.webkitLineClamp !== 'none';
        return hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      })
      .map(label);
    // Overlapping: the text of two elements, neither inside the other, drawn over each other.
    const boxes = texts.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { el, rects: Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1) };
    });
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const hit = a.rects.some((r) => b.rects.some((q) => Math.min(r.right, q.right) - Math.max(r.left, q.left) > 2 && Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) > 2));
        if (hit) overlaps.push(`${label(a.el)} × ${label(b.el)}`);
      }
    }
    // A field is tapped on its whole box (Taro's wrapper with the padding), not the bare native input inside it.
    const targets = [...new Set(Array.from(root.querySelectorAll('button, .nut-button, input, textarea, a[href], [role="button"]')).map((el) => el.closest('taro-input-core, taro-textarea-core') ?? el))].filter(visible);
    const smallTargets = targets.filter((el) => el.getBoundingClientRect().height < 44).map((el) => `${label(el)} (${Math.round(el.getBoundingClientRect().height)} px)`);
    let found: { text: string; reachable: boolean } | null = null;
    const button = primary ? root.querySelector(primary) : null;
    if (button) {
      button.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const r = button.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      found = { text: (button.textContent ?? '').trim(), reachable: at !== null && (button === at || button.contains(at) || at.contains(button)) };
      root.scrollTop = 0;
    }
    return { scale: getComputedStyle(document.documentElement).getPropertyValue('--font-scale').trim(), cut, overlaps, smallTargets, primary: found };
  }, primarySelector);
}

describe('关怀模式 size in a browser at 375 px', () => {
  it('follows the browser’s font size on the home page, the 申报书, the showcase and 我的待办', async () => {
    const mine = await t.ok<Listed[]>(MEMBER, 'project.listMine', {});
    const application = mine.find((p) => p.state === 'draft' || p.state === 'returned') ?? mine[0];
    const brands = await t.ok<Listed[]>('dev-admin', 'brand.publicList', {});
    if (!application || !brands[0]) throw new Error('the demo lacks an application or a promoted brand');
    const pages = [
      { name: 'home', path: '/pages/index/index', ready: '.card', primary: null },
      { name: 'application', path: `/packages/project/edit/index?id=${application._id}`, ready: '.card', primary: '.submit-button, .nut-button--primary' },
      { name: 'showcase', path: `/brand?id=${brands[0]._id}`, ready: '.card, .showcase-logo', primary: null },
      { name: 'todo', path: '/packages/me/todo/index', ready: '.card, .list-item, .empty', primary: null },
    ];
    const standard = await phoneAt(16);
    const large = await phoneAt(23);
    await signIn(standard, t.host.url, MEMBER);
    await signIn(large, t.host.url, MEMBER);
    for (const p of pages) {
      for (const [size, page] of [['standard', standard], ['large', large]] as const) {
        await page.goto(`${t.host.url}${p.path}`);
        await settle(page);
        await current(page).locator(p.ready).first().waitFor({ timeout: 15_000 });
        await page.waitForFunction(() => document.fonts.status === 'loaded');
        await t.shot(page, `${p.name}-375-${size}`);
      }
      // The first text on the page, the same element at both sizes.
      const probe = (page: Page) =>
        current(page).evaluate((root) => {
          const el = Array.from(root.querySelectorAll('*')).find((e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''));
          return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
        });
      const [small, big] = [await probe(standard), await probe(large)];
      expect(big / small, `${p.name}: text 1.4× the standard`).toBeCloseTo(1.4, 1);
      const layout = await layoutOf(large, p.primary);
      expect(layout.scale, `${p.name}: --font-scale`).toBe('1.4');
      expect(layout.cut, `${p.name}: text cut off`).toEqual([]);
      expect(layout.overlaps, `${p.name}: text over other text`).toEqual([]);
      expect(layout.smallTargets, `${p.name}: tap targets under 44 px`).toEqual([]);
      if (p.primary) expect(layout.primary, `${p.name}: the primary action`).toMatchObject({ reachable: true });
      await expectNoHorizontalOverflow(large, `${p.name} at 1.4×`);
    }
    expect(t.pageErrors).toEqual([]);
  });
});
