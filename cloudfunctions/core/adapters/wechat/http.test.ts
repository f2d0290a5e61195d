import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness';
import { answerHttp, httpRequest } from './http';
import { identityFromBearer } from '../../services/pc-session';

/** The HTTP access service's event (集成请求) as CloudBase passes it to the function. */
function event(method: string, path: string, body: unknown, extra: Record<string, unknown> = {}) {
  return {
    httpMethod: method,
    path,
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.9, 10.0.0.1', Origin: 'https://env.tcloudbaseapp.com' },
    queryStringParameters: {},
    body: typeof body === 'string' ? body : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { sourceIp: '10.0.0.1' },
    ...extra,
  };
}

describe('the api function over the HTTP access service (public web pages)', () => {
  let h: Harness;
  const resolve = (authorization: string | null) => identityFromBearer(h.store, authorization, h.now.value);
  beforeEach(async () => {
    h = await createHarness();
  });

  it('tells HTTP events from callFunction events and reads the client address', () => {
    expect(httpRequest({ procedure: 'session.me', input: {} })).toBeNull();
    const req = httpRequest(event('POST', '/api/brand.publicList', { input: {} }));
    // The address is the gateway's sourceIp; the X-Forwarded-For the client wrote is ignored.
    expect(req).toMatchObject({ method: 'POST', path: '/api/brand.publicList', clientKey: '10.0.0.1', origin: 'https://env.tcloudbaseapp.com' });
    const b64 = httpRequest(event('POST', '/api/x', Buffer.from('{"input":{}}').toString('base64'), { isBase64Encoded: true }));
    expect(b64?.body).toBe('{"input":{}}');
  });

  it('answers public procedures with CORS headers and refuses the rest with a way forward', async () => {
    const ok = await answerHttp(h.router, httpRequest(event('POST', '/api/brand.publicList', { input: {}, requestId: 'w1' }))!, undefined, resolve);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });

    // Identity never comes from the web: a member-only procedure is refused even with an openid in the body.
    const denied = await answerHttp(h.router, httpRequest(event('POST', '/api/project.listMine', { input: {}, openid: 'dev-member-1' }))!, undefined, resolve);
    expect(denied.statusCode).toBe(401);
    expect(JSON.parse(denied.body).error.message).toContain('扫码登录');

    const preflight = await answerHttp(h.router, httpRequest(event('OPTIONS', '/api/brand.publicList', ''))!, undefined, resolve);
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('answers bad requests with a coded error and never throws', async () => {
    const cases: Array<[ReturnType<typeof event>, number, string]> = [
      [event('POST', '/api/brand.publicList', '{not json'), 400, 'VALIDATION'],
      [event('GET', '/api/brand.publicList', ''), 405, 'VALIDATION'],
      [event('POST', '/nothing/here', {}), 404, 'NOT_FOUND'],
      [event('POST', '/api/no.such', { input: {} }), 200, 'NOT_FOUND'],
      [event('POST', '/api/brand.public', { input: { id: { $gt: '' } } }), 200, 'VALIDATION'],
      [event('POST', '/api/brand.publicList', 'x'.repeat(1_000_001)), 413, 'VALIDATION'],
    ];
    for (const [e, status, code] of cases) {
      const res = await answerHttp(h.router, httpRequest(e)!, undefined, resolve);
      expect(res.statusCode, e.path).toBe(status);
      expect(JSON.parse(res.body).error.code).toBe(code);
    }
  });

  it('answers GET /brand?id=… with the showcase page when the function carries the H5 shell', async () => {
    const shell = { html: '<html><head><title>t</title></head><body><div id="app"></div><script defer src="/js/app.js"></script></body></html>', assetBase: 'https://env.tcloudbaseapp.com' };
    const req = httpRequest(event('GET', '/brand', '', { queryStringParameters: { id: 'no-such-brand' } }))!;
    expect(req.query).toEqual({ id: 'no-such-brand' });
    // The brand is looked up through brand.public (an unknown one is a 404 page; a known one is
    // rendered as in showcase/prerender.test.ts), the assets point at the static site.
    const page = await answerHttp(h.router, req, () => shell);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>品牌展示页不存在或尚未公开');
    expect(page.body).toContain('src="https://env.tcloudbaseapp.com/js/app.js"');
    // Built without the shell, /brand is not this function's.
    const bare = await answerHttp(h.router, req);
    expect(bare.statusCode).toBe(404);
    expect(JSON.parse(bare.body).error.code).toBe('NOT_FOUND');
  });

  it('a new X-Forwarded-For on every call is still one address: sign-in tickets are limited by sourceIp', async () => {
    const refused: number[] = [];
    for (let i = 0; i < 40; i++) {
      const e = event('POST', '/api/pcLogin.start', { input: {} }, { headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${i}`, 'User-Agent': 'Mozilla/5.0' } });
      const r = await answerHttp(h.router, httpRequest(e)!, undefined, resolve);
      if ((JSON.parse(r.body) as { error?: { code: string } }).error?.code === 'RATE_LIMITED') refused.push(i);
    }
    // The default sign-in limit: 30 at once from one address.
    expect(refused.length).toBe(10);
    // Another sourceIp is not held up.
    const other = await answerHttp(h.router, httpRequest(event('POST', '/api/pcLogin.start', { input: {} }, { requestContext: { sourceIp: '10.0.0.2' } }))!, undefined, resolve);
    expect(JSON.parse(other.body)).toMatchObject({ ok: true });
  });
});
