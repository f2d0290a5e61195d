// Every page of the compiled app.json opens in the weapp build for the person who uses it, with
// no error, its title, and its data shown (pages.table.ts says who, with what, showing what).
// What it shows is read from the page as WeChat draws it (its data through the compiled WXML),
// and all the text of its data must be drawn; the title is the navigation bar's, which WeChat
// draws itself from the page's JSON or setNavigationBarTitle. On first open each page stays within
// the thresholds of DevTools' 体验评分 (setData ≤ 256 KB and ≤ 20 a second; nodes < 1000, depth
// < 30, children < 60).
import { describe, expect, it } from 'vitest';
import { HOST } from '../support/harness';
import { PAGES } from './pages.table';
import { figures, overThresholds } from './support/audit';
import { drawnText } from './support/drawn';
import { propOf, textOf } from './support/tree';
import { useWeapp } from './support/session';

const w = useWeapp({ world: true });

describe('every page of dist/weapp/app.json opens', () => {
  it('has a row in pages.table.ts for each page (and none for a page that is gone)', () => {
    const routes = [...w.rt.appJson.pages, ...(w.rt.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
    const missing = routes.filter((r) => !PAGES[r]);
    expect(missing, `add a row for ${missing.join(', ')} to test/weapp/pages.table.ts (who opens it, its query, its title and a text it shows)`).toEqual([]);
    const gone = Object.keys(PAGES).filter((r) => !routes.includes(r));
    expect(gone, `remove the rows of pages no longer in app.json from test/weapp/pages.table.ts`).toEqual([]);
  });

  for (const [route, entry] of Object.entries(PAGES)) {
    it(`${route} for ${entry.as}`, async () => {
      w.rt.errors.length = 0;
      w.rt.as(entry.as);
      const query = entry.query(w.world);
      const start = w.rt.frames.length;
      const page = await w.me.open(`/${route}${query ? `?${query}` : ''}`);
      await w.me.waitFor(entry.shows).catch((e: unknown) => {
        throw new Error(`${route}: ${(e as Error).message}`);
      });
      // 体验评分 on first open: setData size and rate, nodes, depth and children (support/audit.ts).
      const opened = figures(w.rt.frames.slice(start).filter((f) => f.route === route));
      expect(overThresholds(opened), `${route} on first open: ${JSON.stringify(opened)}`).toEqual([]);
      expect(page.route).toBe(route);
      const drawn = drawnText(w.rt.drawn(page));
      if (typeof entry.shows === 'string') expect(drawn).toContain(entry.shows);
      else expect(drawn).toMatch(entry.shows);
      expect(drawn, `${route}: every text of the page's data is drawn`).toBe(textOf(page.data.root ?? {}));
      expect(w.me.all('error-box'), `${route} shows an error: ${w.me.all('error-box').map((f) => JSON.stringify(f.node)).join(' ')}`).toEqual([]);
      expect(w.rt.errors, `${route} threw`).toEqual([]);
      const title = w.rt.title(page);
      if (typeof entry.title === 'string') expect(title).toBe(entry.title);
      else expect(title).toMatch(entry.title);
    });
  }

  it('the 中期验收 draft is kept on the phone (storage) until it is submitted', async () => {
    w.rt.as(HOST);
    const url = `/packages/project/midterm/index?id=${w.world.projects.cultivating.cs.id}`;
    await w.me.open(url);
    await w.me.waitFor('建设进展');
    await w.me.type('midterm-input-progress', '完成组织共建方案，开展主题党日 6 次。');
    await w.me.open(url);
    await w.me.waitFor('建设进展');
    const field = w.me.find({ cls: 'midterm-input-progress' });
    expect(propOf(w.rt.templates, field.node, 'value')).toBe('完成组织共建方案，开展主题党日 6 次。');
    await w.me.type('midterm-input-results', '形成支部工作法 1 项。');
    await w.me.type('midterm-input-spendingNote', '第一笔经费专款专用。');
    await w.me.tap({ cls: 'midterm-submit' });
    await w.me.waitFor('已提交');
    expect(w.rt.state.toasts).toContain('已提交中期材料');
    expect(w.rt.state.storage.has(`midterm-draft:${w.world.projects.cultivating.cs.id}`)).toBe(false);
    expect(w.rt.log.map((c) => c.api)).toEqual(expect.arrayContaining(['getStorageSync', 'setStorageSync', 'removeStorageSync']));
  });

  it('asked for no wx API the double lacks', () => {
    expect([...w.rt.state.missing]).toEqual([]);
  });
});
