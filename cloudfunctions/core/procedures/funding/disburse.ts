import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { checkDisbursement, TRANCHE_LABELS, trancheNote } from '@shared/domain/project/funding';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { notifyProject } from '../../services/notify';
import { transitionProject } from '../../services/project-transition';
import { loadProject } from '../project/access';
import { conflictToApp, requireAdmin } from './access';
import { paidDisbursements, paidOf, touchProject } from './ledger';
import { disbursementId, type Disbursement } from './records';
import { toFundingView } from './views';

/**
 * The 组织部 records a tranche: exactly its amount, in order, never twice (the tranche's fixed
 * `_id` makes a double click or a concurrent call fail rather than pay again). Paying tranche 1
 * of an approved project starts its 培育 in the same transaction (立项拨付).
 */
export async function disburse(ctx: Context, input: ParsedInputOf<'funding.disburse'>): Promise<FundingView> {
  requireAdmin(ctx, '登记拨付经费');
  const at = ctx.now.toISOString();
  const label = TRANCHE_LABELS[input.tranche];
  const note = input.note.trim();
  try {
    const project = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      if (project.grantFen === null || project.grantFen === undefined) {
        throw new AppError('INCOMPLETE', '项目尚未核定资助经费，请先在立项时确定资助金额后再拨付');
      }
      const paid = await paidDisbursements(tx, project._id);
      const check = checkDisbursement({
        tranche: input.tranche,
        amountFen: input.amountFen,
        grant: project.grantFen,
        state: project.state,
        midtermPassed: project.midtermPassed ?? false,
        alreadyPaid: paid.map((d) => d.tranche),
      });
      if (!check.ok) throw new AppError(check.code, check.message);
      const id = disbursementId(project._id, input.tranche);
      try {
        await tx.insert<Disbursement>('disbursements', {
          _id: id,
          projectId: project._id,
          batchId: project.batchId,
          tranche: input.tranche,
          amountFen: input.amountFen,
          note,
          at,
          actorId: ctx.user?._id ?? '',
        });
      } catch (err) {
        if (err instanceof StoreError && err.kind === 'DUPLICATE') throw new AppError('ALREADY_EXISTS', `${label}已拨付，不能重复拨付。请刷新查看拨付记录`);
        throw err;
      }
      const paidBefore = paidOf(paid);
      const auditId = ctx.newId();
      const what = `${label} ${formatYuan(input.amountFen)} 元`;
      await audit(tx, {
        _id: auditId,
        entityType: 'project',
        entityId: project._id,
        action: 'disburse',
        actorId: ctx.user?._id ?? '',
        at,
        from: `已拨付 ${formatYuan(paidBefore)} 元`,
        to: `已拨付 ${formatYuan(paidBefore + input.amountFen)} 元`,
        // The note as stored; said once when the tranche's name already says it.
        reason: trancheNote(label, note) ? `${what}（${note}）` : what,
        requestId: ctx.requestId,
      });
      const totals = { paidFen: paidBefore + input.amountFen, tranchesPaid: paid.length + 1 };
      if (project.state === 'approved') {
        // 立项拨付 starts the 培育; the transition's own notice tells the host about both.
        return transitionProject(ctx, tx, project, 'startCultivation', { reason: `已拨付${what}，项目进入培育阶段`, patch: totals });
      }
      await notifyProject(
        ctx,
        tx,
        project,
        {
          kind: 'funding.disbursed',
          title: `「${project.fields.title || '党建精品项目'}」已拨付经费`,
          body: `已拨付${what}`,
          entityId: project._id,
          eventId: auditId,
        },
        at,
      );
      return touchProject(tx, project, at, totals);
    });
    return toFundingView(ctx, project);
  } catch (err) {
    return conflictToApp(err);
  }
}
