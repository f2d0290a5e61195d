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
import { HOST, OPEN_BATCH } from '../support/harness';

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
