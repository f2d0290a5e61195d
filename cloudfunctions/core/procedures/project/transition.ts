import { AppError, type ParsedInputOf, type ProjectView } from '@shared/contracts';
import { completeFields, missingForSubmission } from '@shared/domain/project/application';
import type { LifecycleAction } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { StoreError, type StoreOps } from '../../ports/store';
import type { Project } from '@shared/domain/project/project';
import { Lookup } from '../../services/lookup';
import { actsAs, transitionProject, type TransitionOptions, type TransitionReads } from '../../services/project-transition';
import { loadProject } from './access';
import { toProjectView } from './views';

/**
 * Runs one lifecycle move on a project in a transaction: re-reads it, checks the caller's
 * version, lets `prepare` add checks and the patch, then applies the shared rule.
 */
export async function moveProject(
  ctx: Context,
  input: { id: string; version: number },
  action: LifecycleAction,
  prepare: (project: Project, tx: StoreOps) => Promise<TransitionOptions> | TransitionOptions = () => ({}),
): Promise<ProjectView> {
  const seen: TransitionReads = {};
  try {
    const updated = await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.id);
      if (!actsAs(ctx, project, action)) throw new AppError('FORBIDDEN', '您没有权限对这个项目进行此操作');
      if (project.version !== input.version) {
        throw new AppError('CONFLICT', '项目已被修改，请刷新后再操作', { currentVersion: project.version });
      }
      return transitionProject(ctx, tx, project, action, { ...(await prepare(project, tx)), seen });
    });
    // The batch and its extensions as the move read them (a move writes neither, but for an extension's use).
    return toProjectView(ctx, new Lookup(ctx.store), updated, seen.batch && seen.extensions ? { batch: seen.batch, extensions: seen.extensions } : undefined);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '项目刚刚被修改，请刷新后再操作');
    throw err;
  }
}

export const submitProject = (ctx: Context, input: ParsedInputOf<'project.submit'>) =>
  moveProject(ctx, input, 'submit', (project) => {
    const missing = missingForSubmission(completeFields(project.fields));
    if (missing.length) {
      throw new AppError('INCOMPLETE', `请先完成：${missing.map((m) => `${m.label}（${m.reason}）`).join('、')}`, { missing });
    }
    return { patch: { submittedAt: ctx.now.toISOString(), returnComment: null } };
  });

export const withdrawProject = (ctx: Context, input: ParsedInputOf<'project.withdraw'>) =>
  moveProject(ctx, input, 'withdraw', () => ({ patch: { submittedAt: null } }));
