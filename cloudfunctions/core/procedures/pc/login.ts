import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { sessionExpiresAt, ticketStatus, TICKET_TTL_MS } from '@shared/domain/pc-login';
import { reportedClientText } from '@shared/domain/user-agent';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { hashOf, randomToken, sameHash, type PcLoginTicket, type PcSession } from '../../services/pc-session';

const NOT_THIS_TICKET = '登录码已失效或不存在，请在电脑上刷新登录页，重新扫码';


/** The PC asks for a code: a fresh ticket (the scene) and a poll secret that never leaves the PC. */
export async function startPcLogin(ctx: Context, _input: ParsedInputOf<'pcLogin.start'>): Promise<OutputOf<'pcLogin.start'>> {
  const ticketId = randomToken(16);
  const pollSecret = randomToken(32);
  const expiresAt = new Date(ctx.now.getTime() + TICKET_TTL_MS).toISOString();
  const code = await ctx.miniCode.forPcLogin(ticketId);
  await ctx.store.insert<PcLoginTicket>('pcLoginTickets', {
    _id: ticketId,
    state: 'pending',
    secretHash: hashOf(pollSecret),
    // Parsed on the server from the request's User-Agent, names from fixed lists only: never text the caller wrote.
    browser: reportedClientText(ctx.userAgent),
    ip: ctx.clientKey ?? '未知',
    createdAt: ctx.now.toISOString(),
    expiresAt,
    userId: null,
    openid: null,
    answeredAt: null,
  });
  await sweepOldTickets(ctx);
  return { ticketId, pollSecret, expiresAt, code };
}

/** Each new ticket clears a few that ended over an hour ago, so the collection stays small. */
async function sweepOldTickets(ctx: Context): Promise<void> {
  const before = new Date(ctx.now.getTime() - 3_600_000).toISOString();
  const old = await ctx.store.find<PcLoginTicket>('pcLoginTickets', { where: { expiresAt: { $lt: before } }, limit: 20 });
  // A ticket another sign-in is sweeping at the same time is simply left to it.
  for (const t of old) await ctx.store.remove('pcLoginTickets', t._id, t.version).catch(() => undefined);
}

/** Only a phone confirms: a PC session cannot sign in another PC (that would outlive its 24 h). */
function requirePhone(ctx: Context): { userId: string; openid: string } {
  if (!ctx.user || !ctx.identity) throw new AppError('UNAUTHENTICATED');
  if (ctx.identity.sessionId) throw new AppError('FORBIDDEN', '请用手机微信扫描电脑上的登录码确认，不能在电脑端确认登录');
  return { userId: ctx.user._id, openid: ctx.identity.openid };
}

async function liveTicket(ctx: Context, ticketId: string): Promise<PcLoginTicket> {
  const t = await ctx.store.get<PcLoginTicket>('pcLoginTickets', ticketId);
  if (!t) throw new AppError('NOT_FOUND', NOT_THIS_TICKET);
  const status = ticketStatus(t, ctx.now);
  if (status === 'expired') throw new AppError('INVALID_TRANSITION', '登录码已过期（2 分钟内有效），请在电脑上刷新登录页，重新扫码');
  if (status !== 'pending' && status !== 'scanned') throw new AppError('INVALID_TRANSITION', NOT_THIS_TICKET);
  return t;
}

/** The phone scanned: shows what is asking, and takes the ticket for this person. */
export async function describePcLogin(ctx: Context, input: ParsedInputOf<'pcLogin.describe'>): Promise<OutputOf<'pcLogin.describe'>> {
  const me = requirePhone(ctx);
  const t = await liveTicket(ctx, input.ticketId);
  if (t.userId && t.userId !== me.userId) throw new AppError('FORBIDDEN', '这个登录码已被他人扫描，请在电脑上刷新登录页，重新扫码');
  if (t.state === 'pending') {
    await ctx.store.update<PcLoginTicket>('pcLoginTickets', t._id, t.version, { state: 'scanned', userId: me.userId, openid: me.openid }).catch((err: unknown) => {
      if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '登录码刚刚被扫描，请在电脑上刷新登录页，重新扫码');
      throw err;
    });
  }
  return { browser: t.browser, ip: t.ip, requestedAt: t.createdAt, expiresAt: t.expiresAt };
}

/** The phone confirms or refuses: audited either way. */
export async function answerPcLogin(ctx: Context, input: ParsedInputOf<'pcLogin.answer'>): Promise<OutputOf<'pcLogin.answer'>> {
  const me = requirePhone(ctx);
  const state = input.confirm ? 'confirmed' : 'refused';
  await ctx.store.transaction(async (tx) => {
    const t = await tx.get<PcLoginTicket>('pcLoginTickets', input.ticketId);
    if (!t) throw new AppError('NOT_FOUND', NOT_THIS_TICKET);
    const status = ticketStatus(t, ctx.now);
    if (status === 'expired') throw new AppError('INVALID_TRANSITION', '登录码已过期（2 分钟内有效），请在电脑上刷新登录页，重新扫码');
    if (status !== 'scanned' || t.userId !== me.userId) throw new AppError('INVALID_TRANSITION', NOT_THIS_TICKET);
    await tx.update<PcLoginTicket>('pcLoginTickets', t._id, t.version, { state, answeredAt: ctx.now.toISOString() });
    await audit(tx, {
      _id: ctx.newId(),
      entityType: 'user',
      entityId: me.userId,
      action: input.confirm ? 'pcSignIn' : 'pcSignInRefused',
      actorId: me.userId,
      at: ctx.now.toISOString(),
      from: null,
      to: null,
      reason: `${t.browser}，IP ${t.ip}`,
      requestId: ctx.requestId,
    });
  });
  return { state };
}

/**
 * The PC polls with its secret. A confirmed ticket is consumed and a session made in one
 * transaction, so the token is handed out once; a second poll finds it consumed.
 */
export async function pollPcLogin(ctx: Context, input: ParsedInputOf<'pcLogin.poll'>): Promise<OutputOf<'pcLogin.poll'>> {
  const t = await ctx.store.get<PcLoginTicket>('pcLoginTickets', input.ticketId);
  // Unknown ticket and wrong secret read the same: the poller learns nothing about other tickets.
  if (!t || !sameHash(input.pollSecret, t.secretHash)) throw new AppError('FORBIDDEN', '登录凭据与登录码不符，请刷新电脑上的登录页');
  const status = ticketStatus(t, ctx.now);
  if (status !== 'confirmed') return { status };
  const token = randomToken(32);
  const at = ctx.now.toISOString();
  try {
    return await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get<PcLoginTicket>('pcLoginTickets', t._id);
      if (!fresh || fresh.state !== 'confirmed' || !fresh.userId || !fresh.openid) return { status: 'consumed' as const };
      await tx.update<PcLoginTicket>('pcLoginTickets', fresh._id, fresh.version, { state: 'consumed' });
      const session = await tx.insert<PcSession>('pcSessions', {
        _id: ctx.newId(),
        userId: fresh.userId,
        openid: fresh.openid,
        tokenHash: hashOf(token),
        browser: fresh.browser,
        ip: fresh.ip,
        createdAt: at,
        lastSeenAt: at,
        signedOutAt: null,
        signedOutBy: null,
      });
      const user = await tx.get<{ _id: string; version: number; profile?: { name?: string } }>('users', fresh.userId);
      return { status: 'signedIn' as const, token, expiresAt: sessionExpiresAt(session), name: user?.profile?.name ?? '' };
    });
  } catch (err) {
    // Two polls raced: the other one took the session.
    if (err instanceof StoreError && err.kind === 'CONFLICT') return { status: 'consumed' };
    throw err;
  }
}
