import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { ReportsView } from '@shared/contracts/funding';
import { canPrepareFinal, checkDecisionInput, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { dateIn } from '@shared/time/deadline';
import { finalProblems, finalProblemsText } from '@shared/domain/project/final';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { loadProject } from '../project/access';
import { conflictToApp, requireAdmin, requireHost } from './access';
import { moveWithReport } from './move';
import { reportId, type FinalReport } from './records';
import { toReportsView } from './views';

/** The host prepares the 结项 materials once the midterm is passed; versioned like a draft. */
export async function saveFinal(ctx: Context, input: ParsedInputOf<'final.save'>): Promise<ReportsView> {
  const at = ctx.now.toISOString();
  try {
    const project = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      requireHost(ctx, project, '准备结项材料');
      if (!canPrepareFinal(project.state, project.midtermPassed ?? false)) {
        throw project.state === 'cultivating'
          ? new AppError('TOO_EARLY', '项目通过中期验收后才能准备结项材料')
          : new AppError('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[project.state]}」，结项材料已提交或项目已不在培育中，不能再修改`);
      }
      const id = reportId(project._id, 'final');
      const existing = await tx.get<FinalReport>('projectReports', id);
      if ((existing?.version ?? null) !== input.reportVersion) {
        throw new AppError('CONFLICT', '结项材料已在其他设备上修改，请刷新后再编辑', { currentVersion: existing?.version ?? null });
      }
      const fields = {
        summary: input.summary.trim(),
        outcomes: input.outcomes.map((o) => ({ ...o, title: o.title.trim(), description: o.description.trim() })),
        savedAt: at,
        savedBy: ctx.user?._id ?? '',
      };
      if (existing) await tx.update<FinalReport>('projectReports', id, existing.version, fields);
      else await tx.insert<FinalReport>('projectReports', { _id: id, projectId: project._id, kind: 'final', ...fields, submittedAt: null, submittedBy: null, defense: null, decision: null });
      return project;
    });
    return toReportsView(ctx, project);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') throw new AppError('CONFLICT', '结项材料已在其他设备上保存，请刷新后再编辑');
    return conflictToApp(err);
  }
}

/** 各基层党委提交结项材料: the committee submits what the host prepared (三(二)4). */
export async function submitFinal(ctx: Context, input: ParsedInputOf<'final.submit'>): Promise<ReportsView> {
  const at = ctx.now.toISOString();
  const project = await moveWithReport(ctx, input, 'submitFinal', { reason: '基层党委提交结项材料' }, async (next, _before, tx) => {
    const id = reportId(next._id, 'final');
    const report = await tx.get<FinalReport>('projectReports', id);
    const problems = finalProblems(report ?? null);
    if (!report || problems.length) {
      throw new AppError('INCOMPLETE', `项目主持人尚未准备好结项材料：${finalProblemsText(problems)}。请提醒主持人完成后再提交`, {
        hasSummary: Boolean(report?.summary),
        outcomes: report?.outcomes.length ?? 0,
      });
    }
    // A versioned write: a save by the host at the same moment collides instead of slipping past.
    await tx.update<FinalReport>('projectReports', id, report.version, { submittedAt: at, submittedBy: ctx.user?._id ?? '' });
  });
  return toReportsView(ctx, project);
}

/** 答辩汇报: the 组织部 records the defense while the project is in 结项验收. */
export async function recordDefense(ctx: Context, input: ParsedInputOf<'final.recordDefense'>): Promise<ReportsView> {
  requireAdmin(ctx, '记录结项答辩');
  if (input.date > dateIn(ctx.now)) throw new AppError('VALIDATION', '答辩日期不能晚于今天，请在答辩结束后记录', { field: 'date' });
  const at = ctx.now.toISOString();
  try {
    const project = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      if (project.state !== 'final_review') {
        throw new AppError('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[project.state]}」，基层党委提交结项材料后才能记录答辩`);
      }
      const id = reportId(project._id, 'final');
      const report = await tx.get<FinalReport>('projectReports', id);
      if (!report) throw new AppError('INCOMPLETE', '未找到该项目的结项材料，无法记录答辩');
      const panel = input.panel.map((n) => n.trim());
      const result = input.result.trim();
      await tx.update<FinalReport>('projectReports', id, report.version, {
        defense: { date: input.date, panel, result, recordedAt: at, recordedBy: ctx.user?._id ?? '' },
      });
      await audit(tx, {
        _id: ctx.newId(),
        entityType: 'project',
        entityId: project._id,
        action: 'finalDefense',
        actorId: ctx.user?._id ?? '',
        at,
        from: null,
        to: null,
        reason: `${input.date} 答辩（评审组：${panel.join('、')}）：${result}`,
        requestId: ctx.requestId,
      });
      return project;
    });
    return toReportsView(ctx, project);
  } catch (err) {
    return conflictToApp(err);
  }
}

/** 结项验收: concluded, or failed with a reason; after the 答辩汇报 is on record. */
export async function decideFinal(ctx: Context, input: ParsedInputOf<'final.decide'>): Promise<ReportsView> {
  const action = input.pass ? 'conclude' : 'failFinal';
  const comment = input.comment.trim();
  const valid = checkDecisionInput(action, { comment });
  if (!valid.ok) throw new AppError(valid.code, valid.message, { field: 'comment' });
  const at = ctx.now.toISOString();
  const reason = input.pass ? comment || '结项验收通过' : `结项验收未通过：${comment}`;
  const project = await moveWithReport(ctx, input, action, { reason }, async (next, _before, tx) => {
    const id = reportId(next._id, 'final');
    const report = await tx.get<FinalReport>('projectReports', id);
    if (!report?.defense) throw new AppError('INCOMPLETE', '请先记录答辩汇报情况，再作出结项验收结论');
    await tx.update<FinalReport>('projectReports', id, report.version, { decision: { pass: input.pass, comment, at, deciderId: ctx.user?._id ?? '' } });
  });
  return toReportsView(ctx, project);
}
