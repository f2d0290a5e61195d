import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf, ProjectView, SubmittedView } from '@shared/contracts';
import { completeFields, missingForSubmission } from '@shared/domain/project/application';
import type { LifecycleAction } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { StoreError, type StoreOps } from '../../ports/store';
import type { Project } from '@shared/domain/project/project';
import { Lookup } from '../../services/lookup';
import { actsAs, transitionProject, type TransitionOptions, type TransitionReads } from '../../services/project-transition';
import { loadProject } from './access';
import { toProjectView, toSubmittedView } from './views';

/**
 * Runs one lifecycle move on a project in a transaction: re-reads it, checks the caller's
 * version, lets `prepare` add checks and the patch, then applies the shared rule; `answer`
 * works out the call's answer in the same transaction, from what the move read and wrote.
 */
async function inMove<R>(
  ctx: Context,
  input: { id: string; version: number },
  action: LifecycleAction,
  prepare: (project: Project, tx: StoreOps) => Promise<TransitionOptions> | TransitionOptions,
  answer: (updated: Project, seen: TransitionReads, tx: StoreOps) => R,
): Promise<R> {
  try {
    return await ctx.store.transaction(async (tx) => {
      const project = await loadProject(tx, input.id);
      if (!actsAs(ctx, project, action)) throw new AppError('FORBIDDEN', '您没有权限对这个项目进行此操作');
      if (project.version !== input.version) {
        throw new AppError('CONFLICT', '项目已被修改，请刷新后再操作', { currentVersion: project.version });
      }
      const seen: TransitionReads = {};
      const updated = await transitionProject(ctx, tx, project, action, { ...(await prepare(project, tx)), seen });
      return answer(updated, seen, tx);
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '项目刚刚被修改，请刷新后再操作');
    throw err;
  }
}

/** A lifecycle move answered with the whole project page's view, read after the commit. */
export async function moveProject(
  ctx: Context,
  input: { id: string; version: number },
  action: LifecycleAction,
  prepare: (project: Project, tx: StoreOps) => Promise<TransitionOptions> | TransitionOptions = () => ({}),
): Promise<ProjectView> {
  const { updated, seen } = await inMove(ctx, input, action, prepare, (updated, seen) => ({ updated, seen }));
  // The batch and its extensions as the move read them (a move writes neither, but for an extension's use).
  return toProjectView(ctx, new Lookup(ctx.store), updated, seen.batch && seen.extensions ? { batch: seen.batch, extensions: seen.extensions } : undefined);
}

/**
 * Answered with what it changed (the page merges it), worked out in the move's transaction and
 * stored there with the request's claim: no read and no write after the commit.
 */
export const submitProject = (ctx: Context, input: ParsedInputOf<'project.submit'>): Promise<SubmittedView> =>
  inMove(
    ctx,
    input,
    'submit',
    (project) => {
      const missing = missingForSubmission(completeFields(project.fields));
      if (missing.length) {
        throw new AppError('INCOMPLETE', `请先完成：${missing.map((m) => `${m.label}（${m.reason}）`).join('、')}`, { missing });
      }
      return { patch: { submittedAt: ctx.now.toISOString(), returnComment: null } };
    },
    (updated, seen, tx) => {
      if (!seen.batch || !seen.line) throw new Error('a submit reads its batch and writes its audit line');
      // Extensions are read only once the batch's own deadline has passed; before it, none moves anything.
      const view = toSubmittedView(ctx, updated, { batch: seen.batch, extensions: seen.extensions ?? [], line: seen.line });
      ctx.answer(tx, view);
      return view;
    },
  );

export const withdrawProject = (ctx: Context, input: ParsedInputOf<'project.withdraw'>) =>
  moveProject(ctx, input, 'withdraw', () => ({ patch: { submittedAt: null } }));
