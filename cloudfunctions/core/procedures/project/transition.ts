import { AppError, type ParsedInputOf, type ProjectView } from '../../../../shared/contracts';
import { canSubmitTo, submissionClosedMessage } from '../../../../shared/domain/batch';
import { missingForSubmission } from '../../../../shared/domain/project/application';
import type { Project } from '../../../../shared/domain/project/project';
import { nextState, PROJECT_STATE_LABELS, type ProjectAction } from '../../../../shared/domain/project/state';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { loadProject, requireHost } from './access';
import { toProjectView } from './views';

const ACTION_LABELS: Record<ProjectAction, string> = { submit: '提交', withdraw: '撤回' };

/**
 * Moves a project along the state machine inside one transaction: re-reads the project,
 * checks version, state, deadline and completeness there, writes the new state and the audit
 * line together.
 */
async function transition(ctx: Context, input: { id: string; version: number }, action: ProjectAction): Promise<ProjectView> {
  const actorId = ctx.user?._id ?? '';
  const at = ctx.now.toISOString();
  try {
    const updated = await ctx.store.transaction(async (tx) => {
      const lookup = new Lookup(tx);
      const project = await loadProject(tx, input.id);
      requireHost(ctx, project);
      if (project.version !== input.version) {
        throw new AppError('CONFLICT', '这份申报书已在其他设备上修改，请刷新后再操作', { currentVersion: project.version });
      }
      const to = nextState(project.state, action);
      if (!to) {
        throw new AppError('INVALID_TRANSITION', `申报书当前为「${PROJECT_STATE_LABELS[project.state]}」，不能${ACTION_LABELS[action]}`);
      }
      const batch = await lookup.requireBatch(project.batchId);
      if (!canSubmitTo(batch, ctx.now)) throw new AppError('DEADLINE_PASSED', submissionClosedMessage(batch));
      if (action === 'submit') {
        const missing = missingForSubmission(project.fields);
        if (missing.length) {
          throw new AppError('INCOMPLETE', `请先完成：${missing.map((m) => `${m.label}（${m.reason}）`).join('、')}`, { missing });
        }
      }
      const saved = await tx.update<Project>('projects', project._id, project.version, {
        state: to,
        updatedAt: at,
        submittedAt: action === 'submit' ? at : null,
      });
      await audit(tx, { _id: ctx.newId(), entityType: 'project', entityId: project._id, action, actorId, at, from: project.state, to, requestId: ctx.requestId });
      return saved;
    });
    return toProjectView(ctx, new Lookup(ctx.store), updated);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') {
      throw new AppError('CONFLICT', '这份申报书刚刚被修改，请刷新后再操作');
    }
    throw err;
  }
}

export const submitProject = (ctx: Context, input: ParsedInputOf<'project.submit'>) => transition(ctx, input, 'submit');
export const withdrawProject = (ctx: Context, input: ParsedInputOf<'project.withdraw'>) => transition(ctx, input, 'withdraw');
