import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { checkExpense } from '@shared/domain/project/funding';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { audit } from '../../services/audit';
import { notifyProject } from '../../services/notify';
import { loadProject } from '../project/access';
import { conflictToApp, requireHost, requireMoneyOpen } from './access';
import { expensesOf, paidDisbursements, paidOf, spentOf, touchProject } from './ledger';
import type { Expense } from './records';
import { toFundingView } from './views';

/**
 * The host records an expense against the project (专款专用). Spending beyond what has been
 * received (tranches paid plus 配套经费) needs a stated reason; that override is audited and
 * the 组织部 staff handling the project are told.
 */
export async function addExpense(ctx: Context, input: ParsedInputOf<'funding.addExpense'>): Promise<FundingView> {
  if (input.date > dateIn(ctx.now)) throw new AppError('VALIDATION', '支出日期不能晚于今天，请按票据上的日期填写', { field: 'date' });
  const at = ctx.now.toISOString();
  try {
    const project = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      requireHost(ctx, project, '记录本项目的经费支出');
      requireMoneyOpen(project, '记录经费支出');
      const paid = paidOf(await paidDisbursements(tx, project._id));
      const received = paid + (project.matchingFen ?? 0);
      const spent = spentOf(await expensesOf(tx, project._id));
      const check = checkExpense({ amountFen: input.amountFen, paidFen: received, spentFen: spent, override: input.override });
      if (!check.ok) {
        throw new AppError(check.code, check.message, { availableFen: Math.max(received - spent, 0), receivedFen: received, spentFen: spent });
      }
      const item = input.item.trim();
      const expenseId = ctx.newId();
      await tx.insert<Expense>('expenses', {
        _id: expenseId,
        projectId: project._id,
        batchId: project.batchId,
        date: input.date,
        item,
        amountFen: input.amountFen,
        receipts: input.receipts,
        overridden: check.overridden,
        overrideReason: check.overridden ? check.reason : null,
        excessFen: check.overridden ? check.excessFen : 0,
        authorId: ctx.user?._id ?? '',
        createdAt: at,
      });
      const auditId = ctx.newId();
      const what = `${item} ${formatYuan(input.amountFen)} 元`;
      await audit(tx, {
        _id: auditId,
        entityType: 'project',
        entityId: project._id,
        action: check.overridden ? 'expenseOverride' : 'expense',
        actorId: ctx.user?._id ?? '',
        at,
        from: `已支出 ${formatYuan(spent)} 元`,
        to: `已支出 ${formatYuan(spent + input.amountFen)} 元`,
        reason: check.overridden ? `${what}，超出可用经费 ${formatYuan(check.excessFen)} 元。理由：${check.reason}` : what,
        requestId: ctx.requestId,
      });
      if (check.overridden) {
        await notifyProject(
          ctx,
          tx,
          project,
          {
            kind: 'funding.expenseOverride',
            title: `「${project.fields.title || '党建精品项目'}」超出已拨付经费记录支出`,
            body: `${what}，超出 ${formatYuan(check.excessFen)} 元。理由：${check.reason}`,
            entityId: project._id,
            eventId: auditId,
          },
          at,
        );
      }
      return touchProject(tx, project, at, { spentFen: spent + input.amountFen });
    });
    return toFundingView(ctx, project);
  } catch (err) {
    return conflictToApp(err);
  }
}
