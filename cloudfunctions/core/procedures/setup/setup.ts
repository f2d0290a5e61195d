import { AppError } from '@shared/contracts/errors';
import type { Me, ParsedInputOf } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import { hasRole } from '@shared/domain/roles';
import { userIdFor, type Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { nameKeys } from '../../services/name-keys';
import { indexRoles } from '../../services/role-index';
import { adminExists, codeUsable, ensureSetupCode, FIRST_ADMIN_ID, issueSetupCode, sameCode, SETUP_CODE_ID, SETUP_CODE_MAX_WRONG, type FirstAdminDoc, type SetupCodeDoc } from '../../services/setup-code';
import { describeMe } from '../profile/me';

/** Same words for a wrong, used-up or expired code: nothing tells a guesser how close they were. */
const WRONG = '初始化码不正确或已失效。请环境管理员到 云开发控制台 → 云函数 → api → 日志 中查看最新的“初始化码”（本地服务打印在终端中）';
const DONE = '系统已有党委组织部管理员，初始化已完成。如需组织部权限，请联系现有管理员授予';

/** Whether the first administrator is still to be made; while so, a usable code is kept in the log. */
export async function setupStatus(ctx: Context): Promise<{ needed: boolean }> {
  if (await adminExists(ctx.store)) return { needed: false };
  await ensureSetupCode(ctx.store, ctx.now);
  return { needed: true };
}

/**
 * Guessing is bounded twice: five wrong codes use a code up, and each caller gets five tries a
 * minute (the procedure's 'setup' limit) — both kept in the store, so every instance counts them.
 */
export async function claimFirstAdmin(ctx: Context, input: ParsedInputOf<'setup.claim'>): Promise<Me> {
  if (!ctx.identity) throw new AppError('UNAUTHENTICATED');
  if (await adminExists(ctx.store)) throw new AppError('FORBIDDEN', DONE);
  const doc = await ctx.store.get<SetupCodeDoc>('setup', SETUP_CODE_ID);
  if (!codeUsable(doc, ctx.now)) {
    await ensureSetupCode(ctx.store, ctx.now);
    throw new AppError('VALIDATION', WRONG, { field: 'code' });
  }
  if (!sameCode(doc, input.code)) {
    try {
      await ctx.store.update<SetupCodeDoc>('setup', doc._id, doc.version, { wrong: doc.wrong + 1 });
      if (doc.wrong + 1 >= SETUP_CODE_MAX_WRONG) await issueSetupCode(ctx.store, ctx.now);
    } catch (err) {
      if (!(err instanceof StoreError && err.kind === 'CONFLICT')) throw err;
    }
    throw new AppError('VALIDATION', WRONG, { field: 'code' });
  }

  const openid = ctx.identity.openid;
  const id = userIdFor(openid);
  const at = ctx.now.toISOString();
  try {
    await ctx.store.transaction(async (tx) => {
      // The race: two claims of the same code at once both get here; the fixed `_id` lets one
      // insert through and the other fails as a DUPLICATE, and the versioned removal of the code
      // fails for the loser too. Either refusal rolls the loser's whole transaction back.
      await tx.insert<FirstAdminDoc>('setup', { _id: FIRST_ADMIN_ID, userId: id, at });
      await tx.remove('setup', doc._id, doc.version);
      const user = await tx.get<User>('users', id);
      if (user) {
        const roles = hasRole(user.roles, 'admin') ? user.roles : [...user.roles, { role: 'admin' as const }];
        await tx.update<User>('users', id, user.version, { roles, profileStatus: 'confirmed', rejectReason: null });
      } else {
        // Nothing exists yet to belong to: the administrator's unit stays empty (they act for the whole school).
        await tx.insert<User>('users', {
          _id: id,
          openid,
          profile: { name: input.name, staffNo: input.staffNo, kind: input.kind, committeeId: '', branchId: '', politicalStatus: input.politicalStatus, isPartyWorker: true },
          ...nameKeys(input.name, input.staffNo),
          profileStatus: 'confirmed',
          roles: [{ role: 'member' }, { role: 'admin' }],
          createdAt: at,
        });
      }
      await indexRoles(tx, id, [{ role: 'admin' }]);
      await audit(tx, { _id: ctx.newId(), entityType: 'user', entityId: id, action: 'claimFirstAdmin', actorId: id, at, from: null, to: 'admin', reason: '初始化码', requestId: ctx.requestId });
    });
  } catch (err) {
    if (err instanceof StoreError && (err.kind === 'DUPLICATE' || err.kind === 'CONFLICT')) throw new AppError('FORBIDDEN', DONE);
    throw err;
  }
  return describeMe({ ...ctx, user: await ctx.store.get<User>('users', id) });
}
