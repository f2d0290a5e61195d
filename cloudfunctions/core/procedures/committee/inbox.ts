import { AppError, type ParsedInputOf, type ProjectSummary } from '@shared/contracts';
import type { InboxView } from '@shared/contracts/committee';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import { canActForCommittee, hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import type { Where } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { toSummary } from '../project/views';

/** The committee the caller acts for: the one asked for (if in scope) or their first. */
export function committeeFor(ctx: Context, committeeId: string | undefined): string {
  const roles = ctx.user?.roles ?? [];
  const id = committeeId ?? secretaryCommittees(roles)[0];
  if (!id) {
    throw new AppError('VALIDATION', hasRole(roles, 'admin') ? '请选择要查看的基层党委' : '您不是任何基层党委的书记或组织员', { field: 'committeeId' });
  }
  if (!canActForCommittee(roles, id)) throw new AppError('FORBIDDEN', '您只能查看本基层党委的申报');
  return id;
}

const VIEW_STATES: Record<InboxView, ProjectState[] | null> = {
  pending: ['submitted'],
  recommended: ['recommended'],
  decided: ['returned', 'recommended', 'not_recommended'],
  all: null,
};

/**
 * The secretary's lists of the committee's applications. Drafts stay private to their hosts
 * (committee.progress names who has not submitted). 待处理 oldest first; 已推荐 by rank.
 */
export async function committeeInbox(ctx: Context, input: ParsedInputOf<'committee.inbox'>) {
  const committeeId = committeeFor(ctx, input.committeeId);
  const view = input.view ?? 'pending';
  const states = VIEW_STATES[view];
  const where: Where = { committeeId, state: states ? { $in: states } : { $ne: 'draft' } };
  if (input.batchId) where.batchId = input.batchId;
  const projects = await ctx.store.find<Project>('projects', {
    where,
    orderBy: [{ field: view === 'pending' ? 'submittedAt' : 'updatedAt', direction: view === 'pending' ? 'asc' : 'desc' }],
    limit: 100,
  });
  if (view === 'recommended') projects.sort((a, b) => (a.committeeRank ?? 999) - (b.committeeRank ?? 999));
  const lookup = new Lookup(ctx.store);
  const items: ProjectSummary[] = await Promise.all(projects.map((p) => toSummary(lookup, p)));
  return { committeeId, committeeName: await lookup.committeeName(committeeId), view, items };
}
