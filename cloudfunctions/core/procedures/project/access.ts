import { AppError } from '@shared/contracts/errors';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import type { Context } from '../../context';
import type { StoreOps, StoredDoc } from '../../ports/store';

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
function canRead(ctx: Context, project: Project): boolean {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user._id === project.hostId) return true;
  return project.state !== 'draft' && (canActForCommittee(user.roles, project.committeeId) || hasRole(user.roles, 'admin'));
}

/** Readers as above, plus the project's team members and the reviewers assigned to it. */
export async function requireProjectReader(ctx: Context, store: StoreOps, project: Project): Promise<void> {
  if (canRead(ctx, project)) return;
  const userId = ctx.user?._id ?? '';
  const [member, assignment] = await Promise.all([
    store.get<StoredDoc>('teamMembers', `${project._id}:${userId}`),
    store.get<StoredDoc>('reviewAssignments', `${project._id}:${userId}`),
  ]);
  if (member || assignment) return;
  throw new AppError('FORBIDDEN', '这份申报不属于您或您所在的基层党委，无法查看');
}
