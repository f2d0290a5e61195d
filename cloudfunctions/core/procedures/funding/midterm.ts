import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { ReportsView } from '@shared/contracts/funding';
import { checkDecisionInput } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { expensesOf, paidDisbursements, paidOf, spentOf } from './ledger';
import { moveWithReport } from './move';
import { reportId, type MidtermReport } from './records';
import { toReportsView } from './views';

/** 中期验收: the host files progress, results and spending; the project waits for the 组织部. */
export async function submitMidterm(ctx: Context, input: ParsedInputOf<'midterm.submit'>): Promise<ReportsView> {
  const at = ctx.now.toISOString();
  const project = await moveWithReport(ctx, input, 'submitMidterm', {}, async (next, _before, tx) => {
    const paid = paidOf(await paidDisbursements(tx, next._id));
    const fields = {
      projectId: next._id,
      kind: 'midterm' as const,
      progress: input.progress.trim(),
      results: input.results.trim(),
      spendingNote: input.spendingNote.trim(),
      changeRequests: input.changeRequests.trim(),
      receivedFen: paid + (next.matchingFen ?? 0),
      spentFen: spentOf(await expensesOf(tx, next._id)),
      submittedAt: at,
      submittedBy: ctx.user?._id ?? '',
      decision: null,
    };
    const id = reportId(next._id, 'midterm');
    const existing = await tx.get<MidtermReport>('projectReports', id);
    if (existing) await tx.update<MidtermReport>('projectReports', id, existing.version, fields);
    else await tx.insert<MidtermReport>('projectReports', { _id: id, ...fields });
  });
  return toReportsView(ctx, project);
}

/** Passed: back to 培育 with tranche 2 due. Failed: terminated, no further funds (三(二)3). */
export async function decideMidterm(ctx: Context, input: ParsedInputOf<'midterm.decide'>): Promise<ReportsView> {
  const action = input.pass ? 'passMidterm' : 'failMidterm';
  const comment = input.comment.trim();
  const valid = checkDecisionInput(action, { comment });
  if (!valid.ok) throw new AppError(valid.code, valid.message, { field: 'comment' });
  const at = ctx.now.toISOString();
  const options = input.pass
    ? { reason: comment || '中期验收通过，第二笔经费将予拨付', patch: { midtermPassed: true } }
    : { reason: `中期验收未通过，项目终止，不再拨付余下经费。${comment}` };
  const project = await moveWithReport(ctx, input, action, options, async (next, _before, tx) => {
    const id = reportId(next._id, 'midterm');
    const report = await tx.get<MidtermReport>('projectReports', id);
    if (!report) throw new AppError('INCOMPLETE', '未找到该项目的中期验收材料，请主持人先提交中期材料');
    await tx.update<MidtermReport>('projectReports', id, report.version, { decision: { pass: input.pass, comment, at, deciderId: ctx.user?._id ?? '' } });
  });
  return toReportsView(ctx, project);
}

