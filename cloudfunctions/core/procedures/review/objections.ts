import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { loadBatch } from './batch';
import type { Objection } from './docs';
import { readAll } from './pages';
import { titleOf } from './release';

/** 组织部: the objections raised on a batch's 公示, oldest first. */
export async function listObjections(ctx: Context, input: ParsedInputOf<'review.objections'>): Promise<OutputOf<'review.objections'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const lookup = new Lookup(ctx.store);
  const objections = await readAll<Objection>(ctx.store, 'objections', { batchId: batch._id });
  const projects = new Map<string, Project | null>();
  const out: OutputOf<'review.objections'> = [];
  for (const o of objections) {
    if (!projects.has(o.projectId)) projects.set(o.projectId, await ctx.store.get<Project>('projects', o.projectId));
    const p = projects.get(o.projectId);
    if (!p) continue;
    out.push({
      _id: o._id,
      projectId: o.projectId,
      projectTitle: titleOf(p),
      projectState: p.state,
      committeeName: await lookup.committeeName(p.committeeId),
      authorName: o.authorName,
      authorCommitteeName: o.authorCommitteeId ? await lookup.committeeName(o.authorCommitteeId) : null,
      text: o.text,
      createdAt: o.createdAt,
    });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id));
}
