import type { ParsedInputOf, ProjectSummary, ProjectView } from '@shared/contracts';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { SeenProjects } from '../../services/staged-view';
import { projectsHostedBy } from '../../services/shared-reads';
import { loadProject, requireProjectReader } from './access';
import { toProjectView, toSummary } from './views';

export async function getProject(ctx: Context, input: ParsedInputOf<'project.get'>): Promise<ProjectView> {
  const project = await loadProject(ctx.store, input.id);
  await requireProjectReader(ctx, ctx.store, project);
  const seen = SeenProjects.of(ctx);
  const view = await toProjectView(ctx, new Lookup(ctx.store), await seen.project(project));
  return { ...view, timeline: await seen.timeline(project, view.timeline) };
}

/** The caller's own applications, newest first (a host has at most one per batch). */
export async function listMine(ctx: Context): Promise<ProjectSummary[]> {
  const hostId = ctx.user?._id ?? '';
  const projects = await SeenProjects.of(ctx).projects(await projectsHostedBy(ctx.store, hostId));
  const lookup = new Lookup(ctx.store);
  return Promise.all(projects.map((p) => toSummary(lookup, p)));
}
