import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { audit } from '../../services/audit';
import { notifyProject } from '../../services/notify';
import { loadProject } from '../project/access';
import { conflictToApp, isAdmin, isCommitteeSecretary, requireMoneyOpen } from './access';
import { expensesOf, paidDisbursements, paidOf, spentOf } from './ledger';
import { toFundingView } from './views';

/** 配套经费: the project's committee (or the 组织部) adds its own funds to a project; audited. */
export async function setMatching(ctx: Context, input: ParsedInputOf<'funding.setMatching'>): Promise<FundingView> {
  const at = ctx.now.toISOString();
  const note = input.note.trim();
  try {
    const project = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      if (!isCommitteeSecretary(ctx, project) && !isAdmin(ctx)) {
        throw new AppError('FORBIDDEN', '只有项目所在基层党委（总支）或党委组织部可以登记配套经费');
      }
      requireMoneyOpen(project, '调整配套经费');
      const current = project.matchingFen ?? 0;
      if (input.amountFen === current) return project;
      const paid = paidOf(await paidDisbursements(tx, project._id));
      const spent = spentOf(await expensesOf(tx, project._id));
      if (input.amountFen < current && paid + input.amountFen < spent) {
        const floor = spent - paid;
        throw new AppError(
          'VALIDATION',
          `项目已支出 ${formatYuan(spent)} 元，其中 ${formatYuan(floor)} 元由配套经费承担，配套经费不能少于 ${formatYuan(floor)} 元`,
          { field: 'amountFen', minimumFen: floor },
        );
      }
      const next = await tx.update<Project>('projects', project._id, project.version, { matchingFen: input.amountFen, updatedAt: at });
      const auditId = ctx.newId();
      await audit(tx, {
        _id: auditId,
        entityType: 'project',
        entityId: project._id,
        action: 'setMatching',
        actorId: ctx.user?._id ?? '',
        at,
        from: `配套经费 ${formatYuan(current)} 元`,
        to: `配套经费 ${formatYuan(input.amountFen)} 元`,
        reason: note || null,
        requestId: ctx.requestId,
      });
      await notifyProject(
        ctx,
        tx,
        project,
        {
          kind: 'funding.matching',
          title: `「${project.fields.title || '党建精品项目'}」配套经费已调整`,
          body: `配套经费调整为 ${formatYuan(input.amountFen)} 元${note ? `：${note}` : ''}`,
          entityId: project._id,
          eventId: auditId,
        },
        at,
      );
      return next;
    });
    return toFundingView(ctx, project);
  } catch (err) {
    return conflictToApp(err);
  }
}
