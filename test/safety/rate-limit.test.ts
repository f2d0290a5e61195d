import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { createApp } from '../../cloudfunctions/core/app';
import { procedures } from '../../cloudfunctions/core/procedures';
import { callerKey, createRateLimiter, loadRateLimit } from '../../cloudfunctions/core/services/rate-limit';
import { parseLocalConfig } from '../../cloudfunctions/local/config';
import { seedIfEmpty } from '../../cloudfunctions/local/seed';
import { startLocalHost, type LocalHost } from '../../cloudfunctions/local/server';
import { ADMIN, createHarness, HOST, OPEN_BATCH, SECRETARY_CS } from '../support/harness';
import { createStoreLimits } from '../../cloudfunctions/core/services/store-limits';
import { renderShowcase } from '../../cloudfunctions/core/showcase/prerender';
import { FULL_REPORT } from '../security/world';

describe('the token bucket', () => {
  it('lets a burst up to the capacity through, then refuses saying when to retry, and refills over time', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => now);
    for (let i = 0; i < 3; i++) limiter.take('a');
    let refused: unknown;
    try {
      limiter.take('a');
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: '访问过于频繁，请 2 秒后再试', details: { retryAfterSeconds: 2 } });
    // Another caller has its own bucket.
    limiter.take('b');
    now += 1_000;
    expect(() => limiter.take('a')).toThrow('1 秒后');
    now += 1_000;
    limiter.take('a');
    expect(limiter.retryAfterSeconds('a')).toBe(2);
    // Never more than the capacity, however long the caller waited.
    now += 3_600_000;
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(() => limiter.take('a')).toThrow();
  });

  it('keys by identity, else by what the host saw, else one shared bucket', () => {
    expect(callerKey('o1', '10.0.0.1')).toBe('openid:o1');
    expect(callerKey(null, '10.0.0.1')).toBe('client:10.0.0.1');
    expect(callerKey(null, null)).toBe('anonymous');
  });

  it('reads its settings from the environment and refuses bad ones at start-up, in Chinese and English', () => {
    const fallback = { capacity: 5, refillPerSecond: 1 };
    expect(loadRateLimit('X_LIMIT', fallback, {})).toEqual(fallback);
    expect(loadRateLimit('X_LIMIT', fallback, { X_LIMIT: '{"capacity":10,"refillPerSecond":0.5}' })).toEqual({ capacity: 10, refillPerSecond: 0.5 });
    expect(() => loadRateLimit('X_LIMIT', fallback, { X_LIMIT: 'ten' })).toThrow(/限流配置有误.*not JSON/);
    expect(() => loadRateLimit('X_LIMIT', fallback, { X_LIMIT: '{"capacity":0,"refillPerSecond":1}' })).toThrow(/限流配置有误.*invalid X_LIMIT: capacity/);
  });
});

describe('public procedures through the router', () => {
  async function app() {
    const store = openSqliteStore(':memory:');
    await seedIfEmpty(store, new Date('2026-11-27T02:00:00Z'));
    const clock = { ms: 0 };
    const router = createApp({ store, publicRateLimit: { capacity: 3, refillPerSecond: 1 }, rateClock: () => clock.ms, logger: { error: () => {} } });
    return { router, clock };
  }
  const list = { procedure: 'brand.publicList', input: {} };

  it('are limited per caller: a burst above the limit is RATE_LIMITED, others are unaffected, time refills', async () => {
    const { router, clock } = await app();
    for (let i = 0; i < 3; i++) expect((await router.call(null, list, { clientKey: '10.0.0.1' })).ok).toBe(true);
    const refused = await router.call(null, list, { clientKey: '10.0.0.1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '访问过于频繁，请 1 秒后再试' } });
    // Another address, a signed-in caller, and a non-public procedure are not held up.
    expect((await router.call(null, list, { clientKey: '10.0.0.2' })).ok).toBe(true);
    expect((await router.call({ openid: HOST }, list, { clientKey: '10.0.0.1' })).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect((await router.call({ openid: HOST }, { procedure: 'batch.get', input: { id: OPEN_BATCH } })).ok).toBe(true);
    clock.ms += 1_000;
    expect((await router.call(null, list, { clientKey: '10.0.0.1' })).ok).toBe(true);
    expect((await router.call(null, list, { clientKey: '10.0.0.1' })).ok).toBe(false);
  });

  it('without any key, signed-out callers share one bucket', async () => {
    const { router } = await app();
    for (let i = 0; i < 3; i++) expect((await router.call(null, list)).ok).toBe(true);
    expect((await router.call(null, { procedure: 'review.publicityList', input: { batchId: OPEN_BATCH } })).ok).toBe(false);
  });

  it('covers every public procedure', async () => {
    const pub = Object.entries(procedures).filter(([, p]) => p.access === 'public').map(([name]) => name);
    expect(pub).toEqual(expect.arrayContaining(['brand.public', 'brand.publicList', 'brand.posterCode', 'review.publicityList']));
    for (const procedure of pub) {
      const { router } = await app();
      for (let i = 0; i < 3; i++) await router.call(null, { procedure, input: {} }, { clientKey: 'k' });
      expect(await router.call(null, { procedure, input: {} }, { clientKey: 'k' }), procedure).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    }
  });
});

describe('the local host', () => {
  const hosts: LocalHost[] = [];
  afterEach(async () => {
    while (hosts.length) await hosts.pop()?.close();
    delete process.env.UPLOAD_RATE_LIMIT;
    delete process.env.PUBLIC_RATE_LIMIT;
  });

  it('limits signed-out public calls by address and uploads per person, with 429 and Retry-After', async () => {
    process.env.UPLOAD_RATE_LIMIT = '{"capacity":2,"refillPerSecond":0.01}';
    process.env.PUBLIC_RATE_LIMIT = '{"capacity":2,"refillPerSecond":0.01}';
    const dataDir = mkdtempSync(path.join(tmpdir(), 'djrl-'));
    const host = await startLocalHost(parseLocalConfig({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-h5'), APP_ENV: 'test', DEMO: 'off' }));
    hosts.push(host);

    const publicList = () => fetch(`${host.url}/api/brand.publicList`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":{}}' }).then((r) => r.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>);
    expect((await publicList()).ok).toBe(true);
    expect((await publicList()).ok).toBe(true);
    const limited = await publicList();
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(limited.error?.message).toMatch(/请 \d+ 秒后再试/);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5f2d60000000049454e44ae426082', 'hex');
    const upload = (who: string) => fetch(`${host.url}/upload`, { method: 'POST', headers: { cookie: `dev_openid=${who}`, 'x-file-name': 'a.png' }, body: png });
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await upload(HOST)).status);
    expect(statuses).not.toContain(429);
    const third = await upload(HOST);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Another person is not held up by the first one's uploads.
    expect((await upload('dev-member-2')).status).not.toBe(429);
  });
});

describe('limits kept in the store hold across request ids, processes and instances', () => {
  async function fresh() {
    const store = openSqliteStore(':memory:');
    const clock = () => new Date('2026-11-27T02:00:00Z');
    const app = () => createApp({ store, clock, logger: { error: () => {} }, publicRateLimit: null });
    return { store, app };
  }

  const CLAIMANT = { name: '环境管理员', staffNo: 'T2020001', kind: 'teacher', politicalStatus: 'full_member' };

  it('the 初始化码: eight wrong codes from one phone, each with its own request id, are RATE_LIMITED after five', async () => {
    const { app } = await fresh();
    const [one, two] = [app(), app()]; // two function instances on one database
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await (i % 2 ? one : two).call({ openid: 'o-guesser' }, { procedure: 'setup.claim', input: { code: `WRNG-000${i}-ABCD`, ...CLAIMANT }, requestId: `guess-${i}` });
      codes.push(r.ok ? 'OK' : r.error.code);
    }
    expect(codes).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // Another phone is not held up.
    const other = await one.call({ openid: 'o-owner' }, { procedure: 'setup.claim', input: { code: 'WRNG-XXXX-ABCD', ...CLAIMANT }, requestId: 'owner-1' });
    expect(other).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('exports and 催办 are limited per caller across instances', async () => {
    const h = await createHarness();
    const instances = [0, 1, 2].map(() => createApp({ store: h.store, clock: () => h.now.value, files: h.files, logger: { error: () => {} }, storeLimits: { export: { capacity: 4, refillPerSecond: 1 / 60 }, nudge: { capacity: 2, refillPerSecond: 1 / 60 } } }));
    const exports: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await instances[i % 3]!.call({ openid: ADMIN }, { procedure: 'export.applications', input: { batchId: OPEN_BATCH }, requestId: `x-${i}` });
      exports.push(r.ok ? 'OK' : r.error.code);
    }
    expect(exports).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    // Another person's exports are their own.
    expect((await instances[0]!.call({ openid: SECRETARY_CS }, { procedure: 'export.applications', input: { batchId: OPEN_BATCH }, requestId: 'y-1' })).ok).toBe(true);
    const nudges: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await instances[i % 3]!.call({ openid: SECRETARY_CS }, { procedure: 'nudge.send', input: { personIds: [`u_${HOST}`] }, requestId: `n-${i}` });
      nudges.push(r.ok ? 'OK' : r.error.code);
    }
    expect(nudges[2]).toBe('RATE_LIMITED');
  });

  it('prerenders are limited per client: a flood of made-up ids from one address never turns a real page into a 404 for another', async () => {
    const h = await createHarness();
    const router = createApp({ store: h.store, clock: () => h.now.value, logger: { error: () => {} } });
    const b = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
    const saved = await h.ok(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: FULL_REPORT });
    const s = await h.ok(SECRETARY_CS, 'brand.submit', { id: saved._id, version: saved.version });
    const a = await h.ok(ADMIN, 'brand.review', { id: s._id, version: s.version, decision: 'accept', comment: '' });
    await h.ok(ADMIN, 'brand.promote', { id: a._id, version: a.version });
    const limits = createStoreLimits(h.store, { prerender: { capacity: 60, refillPerSecond: 1 } }, () => h.now.value.getTime());
    const limit = (key: string) => limits.take('prerender', key);
    const SHELL = '<!doctype html><html><head><title>x</title></head><body><div id="app"></div></body></html>';
    const statuses = await Promise.all(Array.from({ length: 125 }, (_, i) => renderShowcase(router, SHELL, `made-up-${i}`, { clientKey: '203.0.113.66', limit }).then((p) => p.status)));
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((x) => x === 404).length).toBeLessThanOrEqual(60);
    const real = await renderShowcase(router, SHELL, a._id, { clientKey: '198.51.100.7', limit });
    expect(real.status).toBe(200);
    // The flooding address runs out (429 with when to retry, not a 404) within its bucket's size.
    let flooded = await renderShowcase(router, SHELL, a._id, { clientKey: '203.0.113.66', limit });
    for (let i = 0; i < 60 && flooded.status !== 429; i++) flooded = await renderShowcase(router, SHELL, a._id, { clientKey: '203.0.113.66', limit });
    expect(flooded.status).toBe(429);
    expect(flooded.retryAfterSeconds).toBeGreaterThan(0);
  });
});
