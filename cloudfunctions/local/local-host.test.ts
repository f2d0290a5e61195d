import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLocalConfig } from './config';
import { DEMO_IDENTITIES } from './seed';
import { startLocalHost, type LocalHost } from './server';

const hosts: LocalHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
});

async function start(env: Record<string, string> = {}, dataDir = mkdtempSync(path.join(tmpdir(), 'djlh-'))) {
  const host = await startLocalHost(parseLocalConfig({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-h5'), APP_ENV: 'test', DEMO: 'off', ...env }));
  hosts.push(host);
  return { host, dataDir };
}

async function api(host: LocalHost, procedure: string, input: unknown, openid?: string) {
  const res = await fetch(`${host.url}/api/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { cookie: `dev_openid=${openid}` } : {}) },
    body: JSON.stringify({ input }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
}

describe('the local host', () => {
  it('refuses to start in production, because its dev sign-in hands out identities', async () => {
    await expect(start({ APP_ENV: 'production' })).rejects.toThrow(/production/);
  });

  it('refuses a bad configuration with a clear message', () => {
    expect(() => parseLocalConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseLocalConfig({ APP_ENV: 'production', FAKE_NOW: '2022-06-29T00:00:00Z' })).toThrow(/FAKE_NOW/);
  });

  it('asks for a demo identity before answering calls', async () => {
    const { host } = await start();
    const r = await api(host, 'session.me', {});
    expect(r.status).toBe(401);
    expect(r.body.error?.code).toBe('UNAUTHENTICATED');
  });

  it('signs a person in with a demo identity and answers through the same router', async () => {
    const { host } = await start();
    const page = await fetch(`${host.url}/dev/sign-in`);
    expect(await page.text()).toContain('张晓明');
    const signIn = await fetch(`${host.url}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'openid=dev-secretary-cs',
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('dev_openid=dev-secretary-cs');
    const me = await api(host, 'session.me', {}, 'dev-secretary-cs');
    expect(me.body).toMatchObject({ ok: true, data: { committeeName: '计算机与软件学院党委' } });
  });

  it('refuses identities that are not demo identities', async () => {
    const { host } = await start();
    expect((await api(host, 'session.me', {}, 'someone-made-up')).status).toBe(401);
    const bad = await fetch(`${host.url}/dev/sign-in`, { method: 'POST', body: 'openid=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(bad.status).toBe(400);
  });

  it('answers bad JSON with VALIDATION and keeps running', async () => {
    const { host } = await start();
    const res = await fetch(`${host.url}/api/session.me`, { method: 'POST', headers: { cookie: 'dev_openid=dev-member-1' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect((await api(host, 'session.me', {}, 'dev-member-1')).body.ok).toBe(true);
  });

  it('answers a request body over the size limit with 413 "too large", as /upload does, not as bad JSON', async () => {
    const { host } = await start();
    const big = JSON.stringify({ input: { text: 'x'.repeat(1_100_000) } });
    const res = await fetch(`${host.url}/api/session.me`, { method: 'POST', headers: { cookie: 'dev_openid=dev-member-1' }, body: big });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toContain('过大');
    expect(body.error.message).not.toContain('JSON');
    expect((await api(host, 'session.me', {}, 'dev-member-1')).body.ok).toBe(true);
  });

  it('with the demo, the sign-in page says what to try as each identity, from their queue, with a link that signs in there', async () => {
    const { host } = await start({ DEMO: 'on' });
    const html = await (await fetch(`${host.url}/dev/sign-in`)).text();
    const firstLinks: Record<string, string> = {};
    for (const i of DEMO_IDENTITIES) {
      expect(html, i.openid).toContain(`data-try="${i.openid}"`);
      if (i.openid === 'dev-newcomer') continue;
      // The line is the identity's queue: its first item's title and page.
      const todo = (await api(host, 'todo.mine', {}, i.openid)).body as { ok: true; data: { items: Array<{ title: string; link: string }> } };
      const first = todo.data.items[0];
      expect(first, i.openid).toBeDefined();
      expect(html).toContain(`data-next="${first.link.replace(/&/g, '&#38;')}"`);
      expect(html).toContain(first.title);
      firstLinks[i.openid] = first.link;
    }
    expect(html).toContain('href="/packages/showcase/list/index"');
    const go = await fetch(`${host.url}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `openid=dev-reviewer&next=${encodeURIComponent(firstLinks['dev-reviewer'])}`,
      redirect: 'manual',
    });
    expect(go.headers.get('location')).toBe('/packages/review/mine/index');
    expect(await host.store.count('brands')).toBeGreaterThanOrEqual(3);
  });

  it('SEED=none seeds nothing (a fresh deployment), prints the 初始化码, and the page offers no demo hints', async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    try {
      const { host } = await start({ DEMO: 'on', SEED: 'none' });
      expect(await host.store.count('committees')).toBe(0);
      expect(await host.store.count('users')).toBe(0);
      expect(await host.store.count('brands')).toBe(0);
      expect(host.setupCode).toMatch(/^[A-Z0-9]{12}$/);
      expect(lines.some((l) => l.includes('初始化码') && l.includes(host.setupCode?.slice(0, 4) ?? '?'))).toBe(true);
      const page = await (await fetch(`${host.url}/dev/sign-in`)).text();
      expect(page).not.toContain('data-try=');
      // Its accounts are WeChat accounts nobody has bound yet, not the demo university's people.
      expect(page).toContain('选择一个微信账号');
      expect(page).toContain('微信用户 1（尚未绑定身份）');
      expect(page).not.toContain('张晓明');
      // Once one binds (here: claims the first administrator), the page shows whom they bound as.
      const code = host.setupCode ?? '';
      const claim = await api(host, 'setup.claim', { code, name: '李组织', staffNo: 'A0001', kind: 'teacher', politicalStatus: 'full_member' }, 'dev-admin');
      expect(claim.body.ok, JSON.stringify(claim.body)).toBe(true);
      expect(await (await fetch(`${host.url}/dev/sign-in`)).text()).toMatch(/李组织（[^）]*党委组织部）<\/strong><span>微信用户 \d+ · 身份已确认/);
    } finally {
      console.log = log;
    }
  });

  it('seeds a new database once and keeps data across restarts', async () => {
    const { host, dataDir } = await start();
    const batches = (await api(host, 'batch.list', {}, 'dev-member-1')).body.data as Array<{ _id: string; open: boolean }>;
    const open = batches.find((b) => b.open);
    const created = await api(host, 'project.create', { batchId: open?._id }, 'dev-member-1');
    expect(created.body.ok).toBe(true);
    await hosts.pop()?.close();
    const again = await start({}, dataDir);
    const mine = await api(again.host, 'project.listMine', {}, 'dev-member-1');
    expect((mine.body.data as unknown[]).length).toBe(1);
    expect(await again.host.store.count('committees')).toBe(5);
  });

  it('runs "as of" FAKE_NOW in development, e.g. with the 2022 batch still open', async () => {
    const { host } = await start({ FAKE_NOW: '2022-06-20T02:00:00Z' });
    const batches = await api(host, 'batch.list', {}, 'dev-member-1');
    const b2022 = (batches.body.data as Array<{ _id: string; open: boolean }>).find((b) => b._id === 'batch-2022-2');
    expect(b2022?.open).toBe(true);
  });

  it('takes 支撑材料 uploads only when the contents match the name, and serves them under their name', async () => {
    const { host } = await start();
    const upload = (name: string, bytes: Uint8Array) =>
      fetch(`${host.url}/upload?kind=document`, { method: 'POST', headers: { cookie: 'dev_openid=dev-member-1', 'x-file-name': encodeURIComponent(name) }, body: Buffer.from(bytes) });
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n');
    const ok = await upload('申报书支撑材料.pdf', pdf);
    const body = (await ok.json()) as { ok: boolean; data: { fileId: string; url: string; name: string; size: number } };
    expect(body.data).toMatchObject({ name: '申报书支撑材料.pdf', size: pdf.length });
    expect(body.data.fileId).toMatch(/^local:[0-9a-f]{32}\.pdf$/);
    const got = await fetch(`${host.url}${body.data.url}?name=${encodeURIComponent(body.data.name)}`);
    expect(got.headers.get('content-disposition')).toContain(encodeURIComponent('申报书支撑材料.pdf'));
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(pdf);
    const renamed = await upload('report.pdf', new TextEncoder().encode('MZ this is an exe'));
    expect(renamed.status).toBe(400);
    expect(((await renamed.json()) as { error: { message: string } }).error.message).toContain('不符');
    expect((await upload('virus.exe', pdf)).status).toBe(400);
    const anonymous = await fetch(`${host.url}/upload?kind=document`, { method: 'POST', body: Buffer.from(pdf) });
    expect(anonymous.status).toBe(401);
  });

  it('moves its dev clock on request, so a person can see what happens after a deadline', async () => {
    const { host } = await start();
    const set = (now: unknown) => fetch(`${host.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ now }) });
    expect((await set('2022-06-29T15:59:59Z')).status).toBe(200);
    const open = (await api(host, 'batch.list', {}, 'dev-member-1')).body.data as Array<{ _id: string; open: boolean }>;
    expect(open.find((b) => b._id === 'batch-2022-2')?.open).toBe(true);
    await set('2022-06-29T16:00:00Z');
    const closed = (await api(host, 'batch.list', {}, 'dev-member-1')).body.data as Array<{ _id: string; open: boolean }>;
    expect(closed.find((b) => b._id === 'batch-2022-2')?.open).toBe(false);
    expect((await set('yesterday')).status).toBe(400);
    await set(null);
    expect(((await (await fetch(`${host.url}/dev/clock`)).json()) as { data: { fake: boolean } }).data.fake).toBe(false);
  });

  it('returns a person to the page they came from after signing in, on this site only', async () => {
    const { host } = await start();
    const page = await (await fetch(`${host.url}/dev/sign-in?next=${encodeURIComponent('/packages/project/join/index?token=abc')}`)).text();
    expect(page).toContain('value="/packages/project/join/index?token=abc"');
    const post = (next: string) =>
      fetch(`${host.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `openid=dev-member-2&next=${encodeURIComponent(next)}`, redirect: 'manual' });
    expect((await post('/packages/project/join/index?token=abc')).headers.get('location')).toBe('/packages/project/join/index?token=abc');
    expect((await post('https://evil.example/')).headers.get('location')).toBe('/');
    expect((await post('//evil.example/')).headers.get('location')).toBe('/');
    expect((await post('/dev/sign-out')).headers.get('location')).toBe('/');
  });
});


describe('the local host and malformed requests', () => {
  it('answers a malformed path, cookie, header or body with 400 and keeps serving (/healthz)', async () => {
    const { host } = await start();
    const { hostname, port } = new URL(host.url);
    const { request } = await import('node:http');
    const { connect } = await import('node:net');
    const send = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(options.body);
      });
    // Bytes Node's own parser refuses: answered 400 by the server, the socket closed.
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname, () => socket.end(text));
        let got = '';
        socket.on('data', (d) => (got += d.toString('latin1')));
        socket.on('close', () => resolve(got));
        socket.on('error', () => resolve(got));
      });
    expect(await send('/%E0%A4%A')).toBe(400);
    expect(await send('/brand%ZZ?id=1')).toBe(400);
    expect(await send('/%00/index.html')).toBe(400);
    expect(await send('/upload', { method: 'POST', headers: { cookie: 'dev_openid=%zz' }, body: 'x' })).toBe(400);
    expect(await send('/api/session.me', { method: 'POST', headers: { cookie: 'dev_openid=%E0%A4%A' }, body: '{}' })).toBe(400);
    expect(await send('/upload?kind=document', { method: 'POST', headers: { cookie: 'dev_openid=dev-member-1', 'x-file-name': '%E0%A4%A.pdf' }, body: '%PDF-1.4' })).toBe(400);
    expect(await send('/dev/clock', { method: 'POST', body: '{"now":' })).toBe(400);
    expect(await send('/api/session.me', { method: 'POST', headers: { cookie: 'dev_openid=dev-member-1' }, body: '\u0000\u0001' })).toBe(400);
    expect(await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw('GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const health = await fetch(`${host.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await api(host, 'session.me', {}, 'dev-member-1')).body.ok).toBe(true);
  });
});
