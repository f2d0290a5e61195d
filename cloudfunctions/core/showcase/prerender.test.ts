import { describe, expect, it } from 'vitest';
import type { PublicBrand } from '@shared/contracts';
import type { Router } from '../router/router';
import { PRERENDER_DATA_ID, PRERENDER_ID, renderShowcase } from './prerender';

// The shell as the H5 build writes it (deferred scripts, one blocking stylesheet).
const SHELL =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>党建品牌与精品项目</title><meta name="description" content="一站式管理">' +
  '<script defer="defer" src="/js/app.1.js"></script><link href="/css/app.1.css" rel="stylesheet"></head><body><div id="app"></div></body></html>';

const BRAND: PublicBrand = {
  _id: 'brand-1',
  name: '红色引擎 <科研>',
  committeeName: '计算机学院党委',
  year: 2026,
  logo: null,
  connotation: '以“党建+科研”为主线。</script><script>alert(1)</script>\n第二段。',
  approach: '支部建在团队上。',
  stage: 'standardise',
  carriers: [],
  influence: [],
  publicNames: [],
  events: [],
  promotedAt: '2026-11-01T00:00:00.000Z',
};

/** A router answering brand.public for BRAND only (the real procedure is covered in brand.test.ts and the e2e suite). */
const router: Router = {
  call: async (_who, event) => {
    const { input } = event as { input: { id: string } };
    return input.id === BRAND._id ? { ok: true, data: BRAND } : { ok: false, error: { code: 'NOT_FOUND', message: '该品牌不存在或尚未公开' } };
  },
};

describe('the showcase page in the first HTML response', () => {
  it('carries the name and the first paragraph in the body, the share tags in the head, and the data for the app', async () => {
    const page = await renderShowcase(router, SHELL, BRAND._id);
    expect(page.status).toBe(200);
    const body = page.html.slice(page.html.indexOf('<body'));
    const pre = body.slice(body.indexOf(`id="${PRERENDER_ID}"`), body.indexOf('<div id="app">'));
    expect(pre).toContain('红色引擎 &#60;科研&#62;');
    expect(pre).toContain('以“党建+科研”为主线。&#60;/script&#62;');
    expect(page.html).toContain('<meta property="og:title" content="红色引擎 &#60;科研&#62; · 计算机学院党委党建品牌">');
    expect(page.html.match(/<title>/g)).toHaveLength(1);
    // The data cannot close its script element; the app reads it back intact.
    const data = new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">(.*?)</script>`).exec(page.html)?.[1] ?? '';
    expect(data).not.toContain('</script');
    expect(JSON.parse(data)).toEqual({ id: BRAND._id, brand: BRAND });
    // Nothing holds back the first paint: the stylesheet preloads, the scripts stay deferred.
    expect(page.html).not.toMatch(/<link href="\/css\/app\.1\.css" rel="stylesheet">/);
    expect(page.html).toContain('<link rel="preload" as="style" href="/css/app.1.css"');
    expect(page.html).toContain('<script defer="defer" src="/js/app.1.js">');
  });

  it('loads the assets from the static site when answered from the HTTP route', async () => {
    const page = await renderShowcase(router, SHELL, BRAND._id, { assetBase: 'https://env-1.tcloudbaseapp.com/' });
    expect(page.html).toContain('src="https://env-1.tcloudbaseapp.com/js/app.1.js"');
    expect(page.html).toContain('href="https://env-1.tcloudbaseapp.com/css/app.1.css"');
  });

  it('answers 404 with the plain shell for an unknown brand or no id', async () => {
    for (const id of ['nope', null]) {
      const page = await renderShowcase(router, SHELL, id);
      expect(page.status).toBe(404);
      expect(page.html).not.toContain(PRERENDER_ID);
      expect(page.html).toContain('<title>品牌展示页不存在或尚未公开');
    }
  });

  it("keeps `$&`, `$\`` and `$'` in a brand's name as text: the head is not copied into the title", async () => {
    const name = "A$`B$&C$'D";
    const odd: Router = { call: async () => ({ ok: true, data: { ...BRAND, name, connotation: "内涵$`$&$'" } }) };
    const page = await renderShowcase(odd, SHELL, BRAND._id, { assetBase: 'https://x.example/$&/' });
    const title = /<title>(.*?)<\/title>/s.exec(page.html)?.[1] ?? '';
    expect(title).toBe('A$`B$&#38;C$&#39;D · 计算机学院党委党建品牌');
    expect(page.html.match(/<head>/g)).toHaveLength(1);
    expect(page.html.match(/<script defer="defer"/g)).toHaveLength(1);
    expect(page.html).toContain('src="https://x.example/$&/js/app.1.js"');
    const data = new RegExp(`<script type="application/json" id="${PRERENDER_DATA_ID}">(.*?)</script>`).exec(page.html)?.[1] ?? '';
    expect((JSON.parse(data) as { brand: PublicBrand }).brand.name).toBe(name);
  });
});
