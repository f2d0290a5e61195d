import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { PendingPersonView } from '@shared/contracts/people';
import type { User } from '@shared/domain/person';
import { confirmationLateBefore } from '@shared/domain/queue/rules';
import { canActForCommittee, hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import { MAX_PAGE, StoreError, type Where } from '../../ports/store';
import { notifyParties } from '../../services/notify';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { keysOf } from '../../services/name-keys';
import { profileFields } from './profile-fields';

/**
 * DESIGN: "A user binds a profile once …; the committee confirms it." Until then the person can
 * look around but not act (router). The committee's secretaries see their own pending profiles;
 * the 组织部 sees every committee's.
 */
export async function pendingPeople(ctx: Context, input: ParsedInputOf<'people.pending'>): Promise<{ items: PendingPersonView[]; more: boolean }> {
  const grants = ctx.user?.roles ?? [];
  const admin = hasRole(grants, 'admin');
  let committees: string[] | null;
  if (input.committeeId) {
    if (!canActForCommittee(grants, input.committeeId)) throw new AppError('FORBIDDEN', '只能确认本党委人员的身份');
    committees = [input.committeeId];
  } else committees = admin ? null : secretaryCommittees(grants);
  if (committees && committees.length === 0) return { items: [], more: false };

  // Oldest first: whoever waited longest. One page (100) at a time; `more` says there are others.
  const where: Where = committees ? { profileStatus: 'pending', 'profile.committeeId': { $in: committees } } : { profileStatus: 'pending' };
  // The queue's rule for identities waiting too long (confirmationLate), as a query.
  if (input.waitedDays) where.createdAt = { $lte: confirmationLateBefore(ctx.now, input.waitedDays) };
  const page = await ctx.store.find<User>('users', { where, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: MAX_PAGE });
  const lookup = new Lookup(ctx.store);
  // Others holding the same 工号/学号: one query for the whole page.
  const staffNos = [...new Set(page.map((u) => u.profile.staffNo))];
  const [sameNo] = await Promise.all([
    staffNos.length ? ctx.store.find<User>('users', { where: { 'profile.staffNo': { $in: staffNos } }, limit: MAX_PAGE }) : [],
    lookup.primeCommittees(page.map((u) => u.profile.committeeId)),
    lookup.primeBranches(page.map((u) => u.profile.branchId)),
  ]);
  await lookup.primeCommittees(sameNo.map((u) => u.profile.committeeId));
  const items = await Promise.all(
    page.map(async (u) => ({
      ...(await profileFields(lookup, u)),
      rosterDifferences: u.rosterDifferences ?? [],
      ...keysOf(u),
      sameStaffNo: await Promise.all(
        sameNo
          .filter((o) => o._id !== u._id && o.profile.staffNo === u.profile.staffNo)
          .map(async (o) => ({ name: o.profile.name, committeeName: await lookup.committeeName(o.profile.committeeId) })),
      ),
    })),
  );
  return { items, more: page.length === MAX_PAGE };
}

export async function confirmPerson(ctx: Context, input: ParsedInputOf<'people.confirm'>): Promise<{ userId: string; profileStatus: 'confirmed' | 'rejected' }> {
  const actor = ctx.user;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const at = ctx.now.toISOString();
  const next = input.accept ? ('confirmed' as const) : ('rejected' as const);
  try {
    await ctx.store.transaction(async (tx) => {
      const user = await tx.get<User>('users', input.userId);
      // Someone outside the caller's committees is not found for them (no probing who is bound).
      if (!user || !canActForCommittee(actor.roles, user.profile.committeeId)) throw new AppError('NOT_FOUND', '没有找到这位待确认的人员，请刷新列表');
      if (user._id === actor._id) throw new AppError('FORBIDDEN', '不能确认自己的身份，请由本党委其他书记/组织员或组织部确认');
      if (user.profileStatus !== 'pending') throw new AppError('INVALID_TRANSITION', user.profileStatus === 'confirmed' ? '该人员的身份已确认' : '该人员的身份已退回，等待本人修改');
      if (user.version !== input.version) throw new AppError('CONFLICT', '该人员刚刚修改了信息，请刷新后再确认');
      await tx.update<User>('users', user._id, user.version, { profileStatus: next, rejectReason: input.accept ? null : input.reason.trim() });
      const auditId = ctx.newId();
      await audit(tx, { _id: auditId, entityType: 'user', entityId: user._id, action: input.accept ? 'confirmProfile' : 'rejectProfile', actorId: actor._id, at, from: 'pending', to: next, reason: input.accept ? null : input.reason.trim(), requestId: ctx.requestId });
      await notifyParties(
        ctx,
        tx,
        input.accept
          ? { kind: 'profile.confirmed', title: '您的身份已由基层党委确认', body: '现在可以申报项目、加入团队了。', entityId: user._id, eventId: auditId, link: '/pages/index/index' }
          : { kind: 'profile.returned', title: '您的身份信息被退回', body: input.reason.trim(), entityId: user._id, eventId: auditId },
        { subjectId: user._id },
        at,
      );
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '该人员刚刚修改了信息，请刷新后再确认');
    throw err;
  }
  return { userId: input.userId, profileStatus: next };
}
