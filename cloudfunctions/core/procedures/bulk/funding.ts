import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { disburse } from '../funding/disburse';
import { titleOf } from '../review/release';
import { rowByRow } from './rows';

/**
 * 批量登记拨付: one tranche for many funded projects from a list of amounts. Every project must
 * exist before anything is written; then each row is the single action (its own transaction,
 * the same checks: amount, order, never twice), and the answer says row by row what was refused.
 */
export async function disburseMany(ctx: Context, input: ParsedInputOf<'funding.disburseMany'>): Promise<OutputOf<'funding.disburseMany'>> {
  const titles = new Map<string, string>();
  const missing: string[] = [];
  for (const item of input.items) {
    const p = await ctx.store.get<Project>('projects', item.projectId);
    if (p) titles.set(p._id, titleOf(p));
    else missing.push(item.projectId);
  }
  if (missing.length) throw new AppError('NOT_FOUND', `拨付清单中有 ${missing.length} 个项目不存在，本次未登记任何拨付，请核对清单（已在表中标出）`, { missing });
  return rowByRow(
    input.items,
    (i) => ({ id: i.projectId, title: titles.get(i.projectId) ?? i.projectId }),
    async (i) => {
      await disburse(ctx, { projectId: i.projectId, tranche: input.tranche, amountFen: i.amountFen, note: input.note });
    },
  );
}
