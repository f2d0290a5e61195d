import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { sessionEnd, sessionExpiresAt } from '@shared/domain/pc-login';
import type { Context } from '../../context';
import type { StoreOps } from '../../ports/store';
import { audit } from '../../services/audit';
import type { PcSession } from '../../services/pc-session';

/** A person has few PCs: one page of their most recent sessions is all of them that matter. */
async function sessionsOf(store: StoreOps, userId: string): Promise<PcSession[]> {
  return store.find<PcSession>('pcSessions', { where: { userId }, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 100 });
}

function me(ctx: Context): string {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user._id;
}

/** A person's live sessions, newest first, as the list shows them. */
async function liveSessions(ctx: Context, userId: string): Promise<OutputOf<'pcSession.mine'>> {
  const live = (await sessionsOf(ctx.store, userId)).filter((s) => !sessionEnd(s, ctx.now));
  return live.map((s) => ({
    _id: s._id,
    browser: s.browser,
    ip: s.ip,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: sessionExpiresAt(s),
    current: ctx.identity?.sessionId === s._id,
  }));
}

/** 我的 → 已登录的电脑. */
export async function mySessions(ctx: Context): Promise<OutputOf<'pcSession.mine'>> {
  return liveSessions(ctx, me(ctx));
}

/** 组织部 → 人员与角色: the PCs a person is signed in on (an unknown person reads as not found). */
export async function personSessions(ctx: Context, input: ParsedInputOf<'pcSession.ofPerson'>): Promise<OutputOf<'pcSession.ofPerson'>> {
  const target = await ctx.store.get('users', input.userId);
  if (!target) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新后重试');
  return liveSessions(ctx, input.userId);
}

async function endSession(ctx: Context, tx: StoreOps, s: PcSession, actorId: string, action: string): Promise<void> {
  const at = ctx.now.toISOString();
  await tx.update<PcSession>('pcSessions', s._id, s.version, { signedOutAt: at, signedOutBy: actorId });
  await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: s.userId, action, actorId, at, from: null, to: null, reason: `${s.browser}，IP ${s.ip}`, requestId: ctx.requestId });
}

/** Signs one of the caller's own PCs out; someone else's session reads as not found. */
export async function signOutSession(ctx: Context, input: ParsedInputOf<'pcSession.signOut'>): Promise<OutputOf<'pcSession.signOut'>> {
  const userId = me(ctx);
  return ctx.store.transaction(async (tx) => {
    const s = await tx.get<PcSession>('pcSessions', input.sessionId);
    if (!s || s.userId !== userId) throw new AppError('NOT_FOUND', '没有找到这台电脑的登录，请刷新列表');
    if (s.signedOutAt) return { signedOut: false };
    await endSession(ctx, tx, s, userId, 'pcSignOut');
    return { signedOut: true };
  });
}

/** 组织部: every live PC session of a person ends now (a lost laptop, a person leaving). */
export async function signOutAllSessions(ctx: Context, input: ParsedInputOf<'pcSession.signOutAll'>): Promise<OutputOf<'pcSession.signOutAll'>> {
  const actorId = me(ctx);
  const target = await ctx.store.get('users', input.userId);
  if (!target) throw new AppError('NOT_FOUND', '没有找到这个人员，请刷新后重试');
  return ctx.store.transaction(async (tx) => {
    let n = 0;
    for (const s of await sessionsOf(tx, input.userId)) {
      if (s.signedOutAt) continue;
      await endSession(ctx, tx, s, actorId, 'pcSignOutAll');
      n += 1;
    }
    return { signedOut: n };
  });
}
