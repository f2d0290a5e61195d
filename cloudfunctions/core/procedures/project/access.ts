import { AppError } from '../../../../shared/contracts/errors';
import type { Project } from '../../../../shared/domain/project/project';
import { canActForCommittee, hasRole } from '../../../../shared/domain/roles';
import type { Context } from '../../context';
import type { StoreOps } from '../../ports/store';

export async function loadProject(store: StoreOps, id: string): Promise<Project> {
  const project = await store.get<Project>('projects', id);
  if (!project) throw new AppError('NOT_FOUND', '该申报不存在或已被删除，请返回列表刷新');
  return project;
}

export function requireHost(ctx: Context, project: Project): void {
  if (ctx.user?._id !== project.hostId) {
    throw new AppError('FORBIDDEN', '只有项目主持人本人可以修改或提交这份申报书');
  }
}

/**
 * Who may read an application: its host; once submitted, the secretaries of its committee
 * and the Organization Department. Drafts stay private to the host.
 */
export function requireReader(ctx: Context, project: Project): void {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user._id === project.hostId) return;
  const roles = user.roles;
  if (project.state !== 'draft' && (canActForCommittee(roles, project.committeeId) || hasRole(roles, 'admin'))) return;
  throw new AppError('FORBIDDEN', '这份申报不属于您或您所在的基层党委，无法查看');
}
