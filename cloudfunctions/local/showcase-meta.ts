import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Router } from '../core/router/router';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cut(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * The public showcase address (/brand?id=…) answered with the app's index.html and the brand's
 * title and description already in the head, so link previews (WeChat, Weibo, the news client)
 * show the brand without running the app. An unknown or unpublished brand answers 404.
 */
export async function renderShowcase(router: Router, staticDir: string, id: string | null): Promise<{ status: number; html: string } | null> {
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) return null;
  const html = readFileSync(index, 'utf8');
  const result = id ? await router.call(null, { procedure: 'brand.public', input: { id } }) : null;
  if (!result || !result.ok) {
    return { status: 404, html: html.replace(/<title>[^<]*<\/title>/, '<title>品牌展示页不存在或尚未公开 · 党建品牌与精品项目</title>') };
  }
  const brand = result.data as { name: string; committeeName: string; connotation: string };
  const title = `${brand.name} · ${brand.committeeName}党建品牌`;
  const description = cut(brand.connotation || `${brand.committeeName}的基层党建品牌`, 120);
  const meta = [
    `<title>${escape(title)}</title>`,
    `<meta name="description" content="${escape(description)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escape(title)}">`,
    `<meta property="og:description" content="${escape(description)}">`,
  ].join('\n  ');
  return {
    status: 200,
    html: html.replace(/<title>[^<]*<\/title>/, '').replace(/<meta name="description"[^>]*>/, '').replace('</head>', `  ${meta}\n</head>`),
  };
}
