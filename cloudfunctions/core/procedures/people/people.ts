import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { PersonView } from '@shared/contracts/people';
import type { User } from '@shared/domain/person';
import { ROLE_LABELS, type RoleGrant } from '@shared/domain/roles';
import type { Context } from '../../context';
import { StoreError, type StoreOps } from '../../ports/store';
import { notifyParties } from '../../services/notify';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { indexRoles, roleEntries, roleEntryId, type RoleEntry } from '../../services/role-index';

async function toPerson(store: StoreOps, u: User): Promise<PersonView> {
  const lookup = new Lookup(store);
  return {
    userId: u._id,
    name: u.profile.name,
    staffNo: u.profile.staffNo,
    committeeName: await lookup.committeeName(u.profile.committeeId),
    politicalStatus: u.profile.politicalStatus,
    roles: await Promise.all(
      u.roles.map(async (r) => (r.committeeId ? { role: r.role, committeeId: r.committeeId, committeeName: await lookup.committeeName(r.committeeId) } : { role: r.role })),
    ),
  };
}

export async function findPeople(ctx: Context, input: ParsedInputOf<'people.find'>): Promise<PersonView[]> {
  const users = await ctx.store.find<User>('users', { where: { 'profile.staffNo': input.staffNo }, limit: 10 });
  return Promise.all(users.map((u) => toPerson(ctx.store, u)));
}

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && (a.committeeId ?? null) === (b.committeeId ?? null);

async function changeRoles(ctx: Context, input: ParsedInputOf<'people.grant'>, action: 'grant' | 'revoke'): Promise<PersonView> {
  const g: RoleGrant = input.role === 'secretary' ? { role: 'secretary', committeeId: input.committeeId } : { role: input.role };
  if (g.committeeId && !(await new Lookup(ctx.store).committee(g.committeeId))) throw new AppError('NOT_FOUND', '该基层党委不存在');
  if (action === 'revoke' && input.userId === ctx.user?._id && input.role === 'admin') {
    throw new AppError('VALIDATION', '不能撤销自己的组织部权限，请由其他组织部管理员操作');
  }
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const user = await tx.get<User>('users', input.userId);
      if (!user) throw new AppError('NOT_FOUND', '该用户不存在或尚未绑定身份');
      const has = user.roles.some((r) => sameGrant(r, g));
      if (action === 'grant' && has) throw new AppError('ALREADY_EXISTS', '该用户已有此角色');
      if (action === 'revoke' && !has) throw new AppError('NOT_FOUND', '该用户没有此角色');
      const roles = action === 'grant' ? [...user.roles, g] : user.roles.filter((r) => !sameGrant(r, g));
      // The 组织部 granting a role vouches for the person: a profile still waiting is confirmed.
      const confirming = action === 'grant' && user.profileStatus !== 'confirmed';
      const next = await tx.update<User>('users', user._id, user.version, confirming ? { roles, profileStatus: 'confirmed', rejectReason: null } : { roles });
      if (action === 'grant') await indexRoles(tx, user._id, [g]);
      else {
        const entry = await tx.get<RoleEntry>('roleIndex', roleEntryId(user._id, g));
        if (entry) await tx.remove('roleIndex', entry._id, entry.version);
      }
      const label = g.committeeId ? `${g.role}@${g.committeeId}` : g.role;
      const auditId = ctx.newId();
      await audit(tx, { _id: auditId, entityType: 'user', entityId: user._id, action: action === 'grant' ? 'grantRole' : 'revokeRole', actorId: ctx.user?._id ?? '', at, from: action === 'revoke' ? label : null, to: action === 'grant' ? label : null, requestId: ctx.requestId });
      const roleName = `${g.committeeId ? await new Lookup(tx).committeeName(g.committeeId) : ''}${ROLE_LABELS[g.role]}`;
      await notifyParties(
        ctx,
        tx,
        action === 'grant'
          ? { kind: 'role.granted', title: `您已被设为${roleName}`, body: '相关功能已在首页显示。', entityId: user._id, eventId: auditId, link: '/pages/index/index' }
          : { kind: 'role.revoked', title: `您的${roleName}角色已取消`, body: '如有疑问请联系党委组织部。', entityId: user._id, eventId: auditId },
        { subjectId: user._id },
        at,
      );
      return next;
    });
    return toPerson(ctx.store, saved);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '该用户的信息刚刚被修改，请重试');
    throw err;
  }
}

export const grantRole = (ctx: Context, input: ParsedInputOf<'people.grant'>) => changeRoles(ctx, input, 'grant');
export const revokeRole = (ctx: Context, input: ParsedInputOf<'people.revoke'>) => changeRoles(ctx, input, 'revoke');

export async function withRole(ctx: Context, input: ParsedInputOf<'people.withRole'>): Promise<PersonView[]> {
  const ids = [...new Set((await roleEntries(ctx.store, input.role)).map((e) => e.userId))];
  const users = (await Promise.all(ids.map((id) => ctx.store.get<User>('users', id)))).filter((u): u is User => u !== null);
  return Promise.all(users.map((u) => toPerson(ctx.store, u)));
}
