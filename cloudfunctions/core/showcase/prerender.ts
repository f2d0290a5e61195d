import type { PublicBrand } from '@shared/contracts';
import type { Arrival } from '@shared/domain/influence/channel';
import type { Visit } from '../context';
import { AppError } from '@shared/contracts/errors';
import type { Router } from '../router/router';
import { callerKey } from '../services/rate-limit';

/** The element the pre-rendered showcase sits in, and the JSON the app reads instead of calling. */
export const PRERENDER_ID = 'showcase-prerender';
export const PRERENDER_DATA_ID = 'showcase-prerender-data';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cut(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** JSON inside a <script>: no `</script>` or `<!--` can close or comment it out. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Styles for the pre-rendered block, inline so nothing else is fetched before it paints: the
 * page's hero and first card as the app draws them at 375 px (the app's design px halved).
 */
const STYLE = `<style>
#${PRERENDER_ID}{font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;padding:12px;background:#f5f5f5;min-height:100vh;box-sizing:border-box}
#${PRERENDER_ID} .pr-hero{background:linear-gradient(160deg,#c8161d,#9e0f15);color:#fff;border-radius:8px;padding:20px 16px;margin-bottom:12px;text-align:center}
#${PRERENDER_ID} .pr-name{font-size:22px;font-weight:700;line-height:1.4;word-break:break-all;margin:0}
#${PRERENDER_ID} .pr-committee{margin-top:6px;font-size:13px;opacity:.9}
#${PRERENDER_ID} .pr-card{background:#fff;border-radius:8px;padding:14px 16px;margin-bottom:12px}
#${PRERENDER_ID} .pr-title{font-size:16px;font-weight:600;margin:0}
#${PRERENDER_ID} .pr-text{white-space:pre-wrap;line-height:1.8;word-break:break-all;color:#333;margin:4px 0 0;font-size:14px}
</style>`;

/**
 * The visible part: the brand's name, committee and year, and its 品牌内涵 (the first paragraph),
 * with the approach below. The app replaces it once it has drawn the same page.
 */
function body(brand: PublicBrand): string {
  return [
    `<div id="${PRERENDER_ID}" aria-busy="true">`,
    `<div class="pr-hero"><h1 class="pr-name">${escape(brand.name)}</h1><div class="pr-committee">${escape(brand.committeeName)} · ${brand.year} 年度党建品牌</div></div>`,
    `<div class="pr-card"><h2 class="pr-title">品牌内涵</h2><p class="pr-text">${escape(brand.connotation)}</p></div>`,
    brand.approach ? `<div class="pr-card"><h2 class="pr-title">创建思路</h2><p class="pr-text">${escape(brand.approach)}</p></div>` : '',
    '</div>',
  ].join('');
}

/**
 * Root-relative asset addresses made absolute, for a page answered from another origin than the
 * static site's (the `api` function's HTTP route).
 */
function absolutise(html: string, assetBase: string): string {
  const base = assetBase.replace(/\/+$/, '');
  return html.replace(/(\s(?:src|href)=["'])\/(?!\/)/g, (_m, attr: string) => `${attr}${base}/`);
}

/**
 * Stylesheets that do not hold back the first paint: the pre-rendered block carries its own
 * styles, and the app's arrive before its script has run.
 */
const nonBlockingStyles = (html: string) =>
  html.replace(/<link href="([^"]+\.css)" rel="stylesheet">|<link rel="stylesheet" href="([^"]+\.css)">/g, (_m, a: string | undefined, b: string | undefined) => {
    const href = a ?? b ?? '';
    return `<link rel="preload" as="style" href="${href}" onload="this.onload=null;this.rel='stylesheet'"><noscript><link rel="stylesheet" href="${href}"></noscript>`;
  });

export interface ShowcasePage {
  status: number;
  html: string;
  /** With status 429: when this client may ask again. */
  retryAfterSeconds?: number;
}

export interface ShowcaseOptions {
  /** The static site's address, when answered from another origin (the api function's HTTP route). */
  assetBase?: string;
  /** The client's address as the host saw it (CloudBase's sourceIp; the socket locally), never a header. */
  clientKey?: string | null;
  /** Takes one prerender for a client key, or throws RATE_LIMITED (services/store-limits.ts 'prerender'). */
  limit?: (key: string) => Promise<void>;
  /** The visit and how it arrived, for the view count (influence). */
  visit?: Visit;
  via?: Arrival;
}

/**
 * The public showcase address (/brand?id=…) answered in one response: the app's index.html
 * (`shell`) with the brand's title and description in the head (link previews in WeChat, Weibo
 * and news clients show the brand without running the app), its name and first paragraph in the
 * body, and the brand's data for the app, which takes over without asking for it again. Used by
 * the local host and by the `api` function's HTTP route. An unknown or unpublished brand answers
 * 404 with the shell, whose app shows the missing-page message.
 */
export async function renderShowcase(router: Router, shell: string, id: string | null, options: ShowcaseOptions = {}): Promise<ShowcasePage> {
  const html = options.assetBase ? absolutise(shell, options.assetBase) : shell;
  const clientKey = options.clientKey ?? null;
  if (id && options.limit) {
    try {
      await options.limit(callerKey(null, clientKey));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'RATE_LIMITED')) throw err;
      // This address only: every other client still gets the real page.
      return { status: 429, html: html.replace(/<title>[^<]*<\/title>/, () => '<title>访问过于频繁，请稍后再试 · 党建品牌与精品项目</title>'), retryAfterSeconds: Number(err.details?.retryAfterSeconds ?? 1) };
    }
  }
  // The view is counted here, from the request's referrer, `from=` mark and user agent (robots and
  // link-preview fetchers are not); the app then takes the brand from the page and does not ask again.
  // Told apart by address in the public limit too, not one bucket shared by every signed-out visitor.
  const result = id ? await router.call(null, { procedure: 'brand.public', input: { id, via: options.via } }, { visit: options.visit, clientKey }) : null;
  if (!result || !result.ok) {
    if (result && !result.ok && result.error.code === 'RATE_LIMITED') {
      return { status: 429, html: html.replace(/<title>[^<]*<\/title>/, () => '<title>访问过于频繁，请稍后再试 · 党建品牌与精品项目</title>'), retryAfterSeconds: Number(result.error.details?.retryAfterSeconds ?? 1) };
    }
    return { status: 404, html: html.replace(/<title>[^<]*<\/title>/, () => '<title>品牌展示页不存在或尚未公开 · 党建品牌与精品项目</title>') };
  }
  const brand = result.data as PublicBrand;
  const title = `${brand.name} · ${brand.committeeName}党建品牌`;
  const description = cut(brand.connotation || `${brand.committeeName}的基层党建品牌`, 120);
  const meta = [
    `<title>${escape(title)}</title>`,
    `<meta name="description" content="${escape(description)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escape(title)}">`,
    `<meta property="og:description" content="${escape(description)}">`,
    STYLE,
  ].join('\n  ');
  const data = `<script type="application/json" id="${PRERENDER_DATA_ID}">${scriptJson({ id, brand })}</script>`;
  return {
    status: 200,
    html: nonBlockingStyles(html)
      .replace(/<title>[^<]*<\/title>/, '')
      .replace(/<meta name="description"[^>]*>/, '')
      // Function replacers throughout: a string replacement would expand `$&`, `$\`` and `$'` in a brand's text.
      .replace('</head>', () => `  ${meta}\n</head>`)
      .replace(/<body([^>]*)>/, (m) => `${m}\n  ${body(brand)}\n  ${data}`),
  };
}
