import { AppError } from '@shared/contracts/errors';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { StoreError, type StoreOps } from '../../ports/store';
import type { KnownParties } from '../../services/notify';
import { loadProject } from '../project/access';
import { secretariesOf, type RoleHolders } from './directory';

/**
 * Runs a release in one transaction: everything in it commits together or not at all. A
 * document changed by someone else meanwhile fails the whole release with CONFLICT.
 */
export async function inTransaction<R>(ctx: Context, fn: (tx: StoreOps) => Promise<R>): Promise<R> {
  try {
    return await ctx.store.transaction(fn);
  } catch (err) {
    if (err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE')) {
      throw new AppError('CONFLICT', '评审数据刚刚被他人修改，本次操作未生效，请刷新后重试');
    }
    throw err;
  }
}

/** Reads the project again inside the transaction and checks it belongs to the batch. */
export async function projectOfBatch(tx: StoreOps, projectId: string, batchId: string): Promise<Project> {
  const project = await loadProject(tx, projectId);
  if (project.batchId !== batchId) {
    throw new AppError('VALIDATION', `「${titleOf(project)}」不属于本批次，请刷新后重新选择`, { projectId });
  }
  return project;
}

export function titleOf(project: Project): string {
  return project.fields.title.trim() || '未命名项目';
}

/** The parties of a decision already read for the whole round: the committee's secretaries, the 组织部. */
export function notifyFor(holders: RoleHolders, project: Project): KnownParties {
  return { secretaryIds: secretariesOf(holders, project.committeeId), adminIds: holders.adminIds };
}
