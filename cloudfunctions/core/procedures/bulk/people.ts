import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { User } from '@shared/domain/person';
import { canActForCommittee } from '@shared/domain/roles';
import type { Context } from '../../context';
import { confirmPerson } from '../people/confirm';
import { rowByRow } from './rows';

/**
 * 批量确认: many pending profiles at once. Anyone outside the caller's committees refuses the
 * whole list before anything is written; then each is the single confirmation, reported row by row.
 */
export async function confirmMany(ctx: Context, input: ParsedInputOf<'people.confirmMany'>): Promise<OutputOf<'people.confirmMany'>> {
  const actor = ctx.user;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const names = new Map<string, string>();
  for (const item of input.items) {
    const user = await ctx.store.get<User>('users', item.userId);
    // Outside the caller's committees reads as not found (no probing who is bound).
    if (!user || !canActForCommittee(actor.roles, user.profile.committeeId)) {
      throw new AppError('NOT_FOUND', '名单中有不属于您所在党委的人员，本次未确认任何人，请刷新列表后重新选择', { userId: item.userId });
    }
    names.set(user._id, user.profile.name);
  }
  return rowByRow(
    input.items,
    (i) => ({ id: i.userId, title: names.get(i.userId) ?? i.userId }),
    async (i) => {
      await confirmPerson(ctx, { userId: i.userId, version: i.version, accept: true, reason: '' });
    },
  );
}
