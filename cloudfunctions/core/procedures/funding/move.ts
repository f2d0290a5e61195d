import { AppError } from '@shared/contracts/errors';
import type { Project } from '@shared/domain/project/project';
import { ACTION_LABELS, ACTOR_LABELS, TRANSITIONS, type LifecycleAction } from '@shared/domain/project/state';
import type { Context } from '../../context';
import type { StoreOps } from '../../ports/store';
import { actsAs, transitionProject, type TransitionOptions } from '../../services/project-transition';
import { loadProject } from '../project/access';
import { conflictToApp } from './access';

/**
 * One acceptance move in one transaction: the caller's role and version, the shared rule via
 * transitionProject, then `after` writes the report beside it. The rule runs first, so a wrong
 * state is reported as such; anything `after` refuses rolls the transition back too.
 */
export async function moveWithReport(
  ctx: Context,
  input: { projectId: string; version: number },
  action: LifecycleAction,
  options: TransitionOptions,
  after: (next: Project, before: Project, tx: StoreOps) => Promise<void>,
): Promise<Project> {
  try {
    return await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.projectId);
      if (!actsAs(ctx, project, action)) {
        throw new AppError('FORBIDDEN', `「${ACTION_LABELS[action]}」只能由${ACTOR_LABELS[TRANSITIONS[action].actor]}进行`);
      }
      if (project.version !== input.version) {
        throw new AppError('CONFLICT', '项目已被修改，请刷新后再操作', { currentVersion: project.version });
      }
      const next = await transitionProject(ctx, tx, project, action, options);
      await after(next, project, tx);
      return next;
    });
  } catch (err) {
    return conflictToApp(err);
  }
}
