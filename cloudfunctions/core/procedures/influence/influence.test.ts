import { beforeEach, describe, expect, it } from 'vitest';
import type { Brand } from '@shared/domain/brand/brand';
import { brandSearchText } from '@shared/domain/brand/brand';
import type { BrandReport } from '@shared/domain/brand/report';
import type { InfluenceFigures } from '@shared/contracts';
import { openSqliteStore } from '../../adapters/sqlite/store';
import { createApp, createInfluence } from '../../app';
import { foldInfluence } from '../../jobs/fold-influence';
import type { Store } from '../../ports/store';
import type { Router } from '../../router/router';
import type { Visit } from '../../context';
import { seedIfEmpty } from '../../../local/seed';
import { ADMIN, SECRETARY_CS, SECRETARY_ME } from '../../../../test/support/harness';

/** Counting views, shares and likes of public pages; the fold; the figures; and what is stored. */
const NOW = new Date('2026-11-27T02:00:00Z');
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50';
const COOKIE_A = 'cookieAAAAAAAAAAAAAAAAAAAAA';
const COOKIE_B = 'cookieBBBBBBBBBBBBBBBBBBBBB';
const web = (visitorKey: string, userAgent = PHONE_UA): Visit => ({ platform: 'h5', userAgent, visitorKey, ownHost: 'brand.example.edu.cn' });

let store: Store;
let router: Router;
let influence: ReturnType<typeof createInfluence>;
let now: Date;

async function put(id: string, state: Brand['state']) {
  const report = { name: `品牌${id}`, stage: 'improve', connotation: '内涵', approach: '', carriers: [], influence: [], publicNames: [], logo: null } as unknown as BrandReport;
  await store.insert<Brand>('brands', {
    _id: id, committeeId: 'c-cs', year: 2026, state, report, cultivation: null, returnComment: null, searchText: brandSearchText(report.name, '计算机'),
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), submittedAt: null, acceptedAt: null, promotedAt: null,
  });
}

const call = async (openid: string | null, procedure: string, input: unknown, visit?: Visit) => {
  const r = await router.call(openid ? { openid } : null, { procedure, input }, { visit });
  if (!r.ok) throw new Error(`${procedure}: ${r.error.code} ${r.error.message}`);
  return r.data;
};
const view = (openid: string | null, via: Record<string, unknown>, visit?: Visit) => call(openid, 'brand.public', { id: 'b1', via }, visit);
const fold = async () => {
  await influence.buffer.flush();
  return foldInfluence({ store, now });
};

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  now = NOW;
  await seedIfEmpty(store, NOW);
  influence = createInfluence(store, () => now);
  router = createApp({ store, clock: () => now, influence, logger: { error: () => {} } });
  await put('b1', 'promoted');
  await put('b2', 'accepted');
});

describe('influence of a public brand page', () => {
  it('counts views by channel and unique visitors, skips robots, folds once however often it runs', async () => {
    await view('o-chat', { scene: 1007 });
    await view('o-chat', { scene: 1008 });
    await view('o-moments', { scene: 1154 });
    await view('o-scan', { scene: 1047 });
    await view('o-chat', { inApp: true });
    await view(null, { referrer: 'https://weibo.com/u/1' }, web(COOKIE_A));
    await view(null, { from: 'news' }, web(COOKIE_A));
    await view(null, { referrer: 'https://www.example.org/x' }, web(COOKIE_B));
    await view(null, {}, web(COOKIE_B, 'Mozilla/5.0 (compatible; Googlebot/2.1)'));
    await view(null, {}, web(COOKIE_B, 'facebookexternalhit/1.1'));
    await call('o-chat', 'influence.share', { target: { kind: 'brand', id: 'b1' }, kind: 'chat' });
    await call('o-chat', 'influence.share', { target: { kind: 'brand', id: 'b1' }, kind: 'poster' });

    const first = await fold();
    expect(first).toMatchObject({ events: 10, days: 1 });
    expect(await fold()).toMatchObject({ buffers: 0, events: 0 });
    const f = (await call(SECRETARY_CS, 'brand.influence', { brandId: 'b1' })) as InfluenceFigures;
    expect(f.byChannel).toEqual({ chat: 2, moments: 1, scan: 1, weibo: 1, news: 1, web: 1, app: 1 });
    expect(f.totals).toEqual({ views: 8, visitors: 5, shares: 2, likes: 0 });
    expect(f.shares).toEqual({ chat: 1, moments: 0, poster: 1 });
    expect(f.series).toHaveLength(90);
    expect(f.series.at(-1)).toEqual({ day: '2026-11-27', views: 8, visitors: 5 });
    expect(f.lastFoldAt).toBe(NOW.toISOString());

    // The same visitor the next day counts again as that day's visitor.
    now = new Date('2026-11-28T02:00:00Z');
    await view('o-chat', { scene: 1007 });
    await fold();
    const g = (await call(ADMIN, 'brand.influence', { brandId: 'b1' })) as InfluenceFigures;
    expect(g.totals).toMatchObject({ views: 9, visitors: 6 });
    expect(g.series.slice(-2).map((d) => d.views)).toEqual([8, 1]);
  });

  it('likes once per WeChat user or browser, a second tap takes it back, only on a public page', async () => {
    const target = { kind: 'brand', id: 'b1' };
    expect(await call('o-1', 'influence.like', { target })).toEqual({ liked: true, likes: 1 });
    expect(await call(null, 'influence.like', { target }, web(COOKIE_A))).toEqual({ liked: true, likes: 2 });
    expect(await call('o-1', 'influence.likes', { target })).toEqual({ liked: true, likes: 2 });
    expect(await call('o-1', 'influence.like', { target })).toEqual({ liked: false, likes: 1 });
    expect(await call(null, 'influence.likes', { target }, web(COOKIE_B))).toEqual({ liked: false, likes: 1 });
    const r = await router.call({ openid: 'o-1' }, { procedure: 'influence.like', input: { target: { kind: 'brand', id: 'b2' } } });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    await fold();
    expect(((await call(SECRETARY_CS, 'brand.influence', { brandId: 'b1' })) as InfluenceFigures).totals.likes).toBe(1);
  });

  it('shows the figures to the brand’s committee and the 组织部 only', async () => {
    const r = await router.call({ openid: SECRETARY_ME }, { procedure: 'brand.influence', input: { brandId: 'b1' } });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });

  it('stores no OPENID, cookie value or address: visitor hashes go when their day’s salt does', async () => {
    await view('o-secret-openid', { scene: 1007 });
    await view(null, { referrer: 'https://weibo.com/' }, { ...web(COOKIE_A), ownHost: '203.0.113.7' });
    await call('o-secret-openid', 'influence.like', { target: { kind: 'brand', id: 'b1' } });
    await call(null, 'influence.like', { target: { kind: 'brand', id: 'b1' } }, web(COOKIE_B));
    await influence.buffer.flush();
    const dump = async () => {
      const out: string[] = [];
      for (const c of ['influenceBuffer', 'influenceDays', 'influenceTotals', 'influenceLikes', 'influenceSalts', 'influenceKeys'] as const) out.push(JSON.stringify(await store.find(c, { limit: 100 })));
      return out.join('\n');
    };
    const before = await dump();
    expect(before).toContain('"views"');
    for (const secret of ['o-secret-openid', COOKIE_A, COOKIE_B, '203.0.113.7']) expect(before).not.toContain(secret);
    await fold();
    const day = await store.get<{ _id: string; version: number; seen: string[]; open: boolean }>('influenceDays', 'brand:b1:2026-11-27');
    expect(day?.seen).toHaveLength(2);
    now = new Date('2026-11-29T02:00:00Z');
    await fold();
    expect(await store.get('influenceDays', 'brand:b1:2026-11-27')).toMatchObject({ seen: [], open: false, visitors: 2 });
    expect(await store.find('influenceSalts', { limit: 100 })).toEqual([]);
    const after = await dump();
    for (const secret of ['o-secret-openid', COOKIE_A, COOKIE_B, '203.0.113.7']) expect(after).not.toContain(secret);
  });

  it('ranks the 品牌墙 by this year’s views and likes', async () => {
    await put('b3', 'promoted');
    for (let i = 0; i < 3; i++) await call(`o-${i}`, 'brand.public', { id: 'b3', via: { scene: 1007 } });
    await view('o-1', { scene: 1007 });
    await call('o-1', 'influence.like', { target: { kind: 'brand', id: 'b1' } });
    await fold();
    const wall = (await call(null, 'brand.wall', {}, web(COOKIE_A))) as { items: Array<{ _id: string; views: number; likes: number; score: number; spark: number[] }>; formula: string };
    expect(wall.formula).toBe('影响力 = 本年度浏览量 + 点赞数 × 10');
    expect(wall.items.map((i) => [i._id, i.views, i.likes, i.score])).toEqual([
      ['b1', 1, 1, 11],
      ['b3', 3, 0, 3],
    ]);
    expect(wall.items[1].spark.at(-1)).toBe(3);
  });
});
