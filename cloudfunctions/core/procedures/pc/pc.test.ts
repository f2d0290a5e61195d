import { beforeEach, describe, expect, it } from 'vitest';
import type { CallResult, OutputOf } from '@shared/contracts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, TICKET_TTL_MS } from '@shared/domain/pc-login';
import { createApp } from '../../app';
import type { Identity } from '../../context';
import type { Router } from '../../router/router';
import { identityFromBearer, type PcLoginTicket, type PcSession } from '../../services/pc-session';
import { ADMIN, createHarness, HOST, MEMBER2, type Harness } from '../../../../test/support/harness';

const IP = '198.51.100.4';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

let h: Harness;
let router: Router;
let n = 0;
beforeEach(async () => {
  h = await createHarness();
  router = createApp({ store: h.store, clock: () => h.now.value, logger: { error: () => {} }, signInRateLimit: { capacity: 50, refillPerSecond: 1 }, rateClock: () => h.now.value.getTime() });
});

const as = (who: Identity | string | null, procedure: string, input: unknown, ip = IP, userAgent: string | null = CHROME): Promise<CallResult<unknown>> =>
  router.call(typeof who === 'string' ? { openid: who } : who, { procedure, input, requestId: `q${++n}` }, { clientKey: ip, userAgent });

async function data<T>(p: Promise<CallResult<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.data as T;
}
async function code(p: Promise<CallResult<unknown>>): Promise<string> {
  const r = await p;
  return r.ok ? 'OK' : r.error.code;
}

type Start = OutputOf<'pcLogin.start'>;
type Poll = OutputOf<'pcLogin.poll'>;
const start = () => data<Start>(as(null, 'pcLogin.start', { browser: CHROME }));
const poll = (t: Start, secret = t.pollSecret) => data<Poll>(as(null, 'pcLogin.poll', { ticketId: t.ticketId, pollSecret: secret }));
const later = (ms: number) => (h.now.value = new Date(h.now.value.getTime() + ms));

/** PC asks, phone (the 组织部) scans and confirms, PC collects: the token. */
async function signedIn(who = ADMIN): Promise<string> {
  const t = await start();
  await data(as(who, 'pcLogin.describe', { ticketId: t.ticketId }));
  await data(as(who, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }));
  const p = await poll(t);
  if (p.status !== 'signedIn') throw new Error(`not signed in: ${p.status}`);
  return p.token;
}
const resolve = (token: string) => identityFromBearer(h.store, `Bearer ${token}`, h.now.value);

describe('扫码登录: sign-in tickets', () => {
  it('the phone sees the browser and system parsed from the User-Agent, never text the caller wrote', async () => {
    const phishing = '深圳大学信息中心 统一身份认证 请点确认';
    const t = await data<Start>(as(null, 'pcLogin.start', { browser: phishing }, IP, `${phishing} Mozilla/5.0 (Windows NT 10.0) Chrome/120.0`));
    const seen = await data<{ browser: string }>(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    expect(seen.browser).toBe('Chrome 120 · Windows');
    const bare = await data<Start>(as(null, 'pcLogin.start', {}, IP, phishing));
    expect((await data<{ browser: string }>(as(ADMIN, 'pcLogin.describe', { ticketId: bare.ticketId }))).browser).toBe('未知浏览器 · 未知系统');
  });

  it('a confirmed ticket gives one session; the phone saw browser, IP and time; it is audited', async () => {
    const t = await start();
    expect(t.ticketId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t.code).toEqual({ kind: 'link', path: `/packages/me/pc-confirm/index?scene=${t.ticketId}` });
    expect(t.code.kind === 'link' && t.code.path).not.toContain(t.pollSecret);
    expect(await poll(t)).toEqual({ status: 'pending' });
    const seen = await data<OutputOf<'pcLogin.describe'>>(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    expect(seen).toMatchObject({ browser: 'Chrome 120 · Windows', ip: IP, requestedAt: h.now.value.toISOString() });
    expect(await poll(t)).toEqual({ status: 'scanned' });
    await data(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }));
    const p = await poll(t);
    expect(p).toMatchObject({ status: 'signedIn', name: '刘芳' });
    const token = p.status === 'signedIn' ? p.token : '';
    // Stored only as a hash; the ticket keeps only the secret's hash.
    const stored = JSON.stringify([await h.store.find<PcSession>('pcSessions'), await h.store.get<PcLoginTicket>('pcLoginTickets', t.ticketId)]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(t.pollSecret);
    expect(await resolve(token)).toMatchObject({ kind: 'signedIn', identity: { openid: ADMIN } });
    const audit = await h.store.find<{ _id: string; version: number; action: string }>('audit', { where: { entityId: 'u_dev-admin' } });
    expect(audit.map((a) => a.action)).toContain('pcSignIn');
  });

  it('used twice gives no second session', async () => {
    const t = await start();
    await data(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    await data(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }));
    expect((await poll(t)).status).toBe('signedIn');
    expect(await poll(t)).toEqual({ status: 'consumed' });
    expect(await code(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }))).toBe('INVALID_TRANSITION');
    expect(await h.store.count('pcSessions')).toBe(1);
  });

  it('expired after two minutes: no scan, no confirmation, no session', async () => {
    const t = await start();
    await data(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    later(TICKET_TTL_MS);
    expect(await code(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }))).toBe('INVALID_TRANSITION');
    expect(await poll(t)).toEqual({ status: 'expired' });
    const t2 = await start();
    later(TICKET_TTL_MS + 1);
    expect(await code(as(ADMIN, 'pcLogin.describe', { ticketId: t2.ticketId }))).toBe('INVALID_TRANSITION');
    expect(await h.store.count('pcSessions')).toBe(0);
    // An hour later the next sign-in clears them away.
    later(3_600_000);
    await start();
    expect(await h.store.get('pcLoginTickets', t.ticketId)).toBeNull();
    expect(await h.store.get('pcLoginTickets', t2.ticketId)).toBeNull();
  });

  it('refused on the phone gives no session, and is audited', async () => {
    const t = await start();
    await data(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    expect(await data(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: false }))).toEqual({ state: 'refused' });
    expect(await poll(t)).toEqual({ status: 'refused' });
    expect(await code(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }))).toBe('INVALID_TRANSITION');
    expect(await h.store.count('pcSessions')).toBe(0);
  });

  it('polled without the secret (or with another ticket’s) gives nothing', async () => {
    const t = await start();
    const other = await start();
    await data(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    await data(as(ADMIN, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }));
    expect(await code(as(null, 'pcLogin.poll', { ticketId: t.ticketId }))).toBe('VALIDATION');
    expect(await code(as(null, 'pcLogin.poll', { ticketId: t.ticketId, pollSecret: other.pollSecret }))).toBe('FORBIDDEN');
    expect(await code(as(null, 'pcLogin.poll', { ticketId: 'AAAAAAAAAAAAAAAAAAAAAA', pollSecret: t.pollSecret }))).toBe('FORBIDDEN');
    expect(await h.store.count('pcSessions')).toBe(0);
    expect((await poll(t)).status).toBe('signedIn');
  });

  it('scanned by one person, nobody else can answer; a PC cannot confirm another PC', async () => {
    const t = await start();
    await data(as(ADMIN, 'pcLogin.describe', { ticketId: t.ticketId }));
    expect(await code(as(HOST, 'pcLogin.describe', { ticketId: t.ticketId }))).toBe('FORBIDDEN');
    expect(await code(as(HOST, 'pcLogin.answer', { ticketId: t.ticketId, confirm: true }))).toBe('INVALID_TRANSITION');
    const token = await signedIn(HOST);
    const pc = await resolve(token);
    const t2 = await start();
    expect(pc.kind).toBe('signedIn');
    if (pc.kind === 'signedIn') expect(await code(as(pc.identity, 'pcLogin.describe', { ticketId: t2.ticketId }))).toBe('FORBIDDEN');
    // Unknown ticket and signed out.
    expect(await code(as(ADMIN, 'pcLogin.describe', { ticketId: 'BBBBBBBBBBBBBBBBBBBBBB' }))).toBe('NOT_FOUND');
    expect(await code(as(null, 'pcLogin.describe', { ticketId: t2.ticketId }))).toBe('UNAUTHENTICATED');
  });

  it('ticket and poll endpoints are limited per IP', async () => {
    router = createApp({ store: h.store, clock: () => h.now.value, logger: { error: () => {} }, signInRateLimit: { capacity: 5, refillPerSecond: 1 }, rateClock: () => h.now.value.getTime() });
    const t = await start();
    for (let i = 0; i < 4; i++) await poll(t);
    expect(await code(as(null, 'pcLogin.start', { browser: CHROME }))).toBe('RATE_LIMITED');
    // Another address is not held up.
    expect(await code(as(null, 'pcLogin.start', { browser: CHROME }, '198.51.100.5'))).toBe('OK');
    later(2_000);
    expect(await code(as(null, 'pcLogin.start', { browser: CHROME }))).toBe('OK');
  });
});

describe('扫码登录: PC sessions', () => {
  it('ends after 8 h idle, or 24 h in all however busy', async () => {
    const idle = await signedIn();
    later(SESSION_IDLE_MS - 60_000);
    expect((await resolve(idle)).kind).toBe('signedIn');
    later(SESSION_IDLE_MS - 60_000);
    expect((await resolve(idle)).kind).toBe('signedIn');
    const busy = await signedIn();
    // Used every 4 h: never idle, still over at 24 h.
    for (let t = 4 * 3_600_000; t < SESSION_MAX_MS; t += 4 * 3_600_000) {
      later(4 * 3_600_000);
      expect((await resolve(busy)).kind).toBe('signedIn');
    }
    later(4 * 3_600_000);
    expect(await resolve(busy)).toEqual({ kind: 'refused' });
    later(SESSION_IDLE_MS);
    expect(await resolve(idle)).toEqual({ kind: 'refused' });
  });

  it('a garbage or absent token: refused, or public only', async () => {
    expect(await identityFromBearer(h.store, null, h.now.value)).toEqual({ kind: 'none' });
    expect(await identityFromBearer(h.store, 'Bearer nope', h.now.value)).toEqual({ kind: 'refused' });
    expect(await identityFromBearer(h.store, `Basic ${'A'.repeat(43)}`, h.now.value)).toEqual({ kind: 'refused' });
    expect(await resolve('A'.repeat(43))).toEqual({ kind: 'refused' });
  });

  it('the person lists their PCs and signs one out; the token is refused from then on', async () => {
    const a = await signedIn(HOST);
    const b = await signedIn(HOST);
    const pcA = await resolve(a);
    if (pcA.kind !== 'signedIn') throw new Error('a not signed in');
    const mine = await data<OutputOf<'pcSession.mine'>>(as(pcA.identity, 'pcSession.mine', {}));
    expect(mine).toHaveLength(2);
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    expect(mine[0]).toMatchObject({ browser: 'Chrome 120 · Windows', ip: IP });
    const other = mine.find((s) => !s.current);
    // Another person cannot sign it out.
    expect(await code(as(MEMBER2, 'pcSession.signOut', { sessionId: other?._id }))).toBe('NOT_FOUND');
    expect(await data(as(HOST, 'pcSession.signOut', { sessionId: other?._id }))).toEqual({ signedOut: true });
    expect(await resolve(b)).toEqual({ kind: 'refused' });
    expect((await resolve(a)).kind).toBe('signedIn');
    expect(await data<unknown[]>(as(HOST, 'pcSession.mine', {}))).toHaveLength(1);
  });

  it('the 组织部 sees the PCs a person is signed in on, and none once they are signed out; nobody else may look', async () => {
    await signedIn(HOST);
    await signedIn(HOST);
    const theirs = await data<OutputOf<'pcSession.ofPerson'>>(as(ADMIN, 'pcSession.ofPerson', { userId: 'u_dev-member-1' }));
    expect(theirs).toHaveLength(2);
    expect(theirs.every((s) => s.browser === 'Chrome 120 · Windows' && s.ip === IP && !s.current)).toBe(true);
    expect(await code(as(MEMBER2, 'pcSession.ofPerson', { userId: 'u_dev-member-1' }))).toBe('FORBIDDEN');
    expect(await code(as(ADMIN, 'pcSession.ofPerson', { userId: 'u_nobody' }))).toBe('NOT_FOUND');
    expect(await code(as(ADMIN, 'pcSession.ofPerson', { userId: '' }))).toBe('VALIDATION');
    await data(as(ADMIN, 'pcSession.signOutAll', { userId: 'u_dev-member-1' }));
    expect(await data(as(ADMIN, 'pcSession.ofPerson', { userId: 'u_dev-member-1' }))).toEqual([]);
  });

  it('the 组织部 signs out every PC of a person (revoked), audited; nobody else may', async () => {
    const a = await signedIn(HOST);
    const b = await signedIn(HOST);
    expect(await code(as(MEMBER2, 'pcSession.signOutAll', { userId: 'u_dev-member-1' }))).toBe('FORBIDDEN');
    expect(await data(as(ADMIN, 'pcSession.signOutAll', { userId: 'u_dev-member-1' }))).toEqual({ signedOut: 2 });
    expect(await resolve(a)).toEqual({ kind: 'refused' });
    expect(await resolve(b)).toEqual({ kind: 'refused' });
    const audit = await h.store.find<{ _id: string; version: number; action: string; actorId: string }>('audit', { where: { entityId: 'u_dev-member-1' } });
    expect(audit.filter((x) => x.action === 'pcSignOutAll' && x.actorId === 'u_dev-admin')).toHaveLength(2);
  });
});
