import { AppError, type ParsedInputOf, type ProjectSummary } from '../../../../shared/contracts';
import type { Project } from '../../../../shared/domain/project/project';
import { canActForCommittee, hasRole, secretaryCommittees } from '../../../../shared/domain/roles';
import type { Context } from '../../context';
import type { Where } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { toSummary } from '../project/views';

/** The secretary's 待处理 list: applications submitted to their committee, oldest first. */
export async function committeeInbox(
  ctx: Context,
  input: ParsedInputOf<'committee.inbox'>,
): Promise<{ committeeId: string; committeeName: string; items: ProjectSummary[] }> {
  const roles = ctx.user?.roles ?? [];
  const committeeId = input.committeeId ?? secretaryCommittees(roles)[0];
  if (!committeeId) {
    throw new AppError('VALIDATION', hasRole(roles, 'admin') ? '请选择要查看的基层党委' : '您不是任何基层党委的书记或组织员', { field: 'committeeId' });
  }
  if (!canActForCommittee(roles, committeeId)) {
    throw new AppError('FORBIDDEN', '您只能查看本基层党委的申报');
  }
  const where: Where = { committeeId, state: 'submitted' };
  if (input.batchId) where.batchId = input.batchId;
  const projects = await ctx.store.find<Project>('projects', {
    where,
    orderBy: [{ field: 'submittedAt', direction: 'asc' }],
    limit: 100,
  });
  const lookup = new Lookup(ctx.store);
  return {
    committeeId,
    committeeName: await lookup.committeeName(committeeId),
    items: await Promise.all(projects.map((p) => toSummary(lookup, p))),
  };
}
