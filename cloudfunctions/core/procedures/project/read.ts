import type { ParsedInputOf, ProjectSummary, ProjectView } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { loadProject, requireProjectReader } from './access';
import { toProjectView, toSummary } from './views';

export async function getProject(ctx: Context, input: ParsedInputOf<'project.get'>): Promise<ProjectView> {
  const project = await loadProject(ctx.store, input.id);
  await requireProjectReader(ctx, ctx.store, project);
  return toProjectView(ctx, new Lookup(ctx.store), project);
}

/** The caller's own applications, newest first (a host has at most one per batch). */
export async function listMine(ctx: Context): Promise<ProjectSummary[]> {
  const hostId = ctx.user?._id ?? '';
  const projects = await ctx.store.find<Project>('projects', {
    where: { hostId },
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
    limit: 100,
  });
  const lookup = new Lookup(ctx.store);
  return Promise.all(projects.map((p) => toSummary(lookup, p)));
}
