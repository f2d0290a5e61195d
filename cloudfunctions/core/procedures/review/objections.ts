import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { ObjectionView } from '@shared/contracts/review';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { findingMessage, findingProblems, findingText, objectionAwaitsFinding, type ObjectionFinding } from '@shared/domain/review/objection';
import type { Context } from '../../context';
import { releaseIdOf } from '../../jobs/release';
import type { StoreOps, StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { notifyParties } from '../../services/notify';
import { transitionProject } from '../../services/project-transition';
import { loadBatch } from './batch';
import { roleHolders } from './directory';
import type { Objection } from './docs';
import { readAll } from './pages';
import { inTransaction, notifyFor, titleOf } from './release';

type UserDoc = StoredDoc & { profile?: { name?: string } };

async function viewOf(store: StoreOps, lookup: Lookup, o: Objection, p: Project, names: Map<string, string>): Promise<ObjectionView> {
  const f = o.finding ?? null;
  if (f && !names.has(f.by)) names.set(f.by, (await store.get<UserDoc>('users', f.by))?.profile?.name ?? '党委组织部');
  return {
    _id: o._id,
    projectId: o.projectId,
    projectTitle: titleOf(p),
    projectState: p.state,
    committeeName: await lookup.committeeName(p.committeeId),
    authorName: o.authorName,
    authorCommitteeName: o.authorCommitteeId ? await lookup.committeeName(o.authorCommitteeId) : null,
    text: o.text,
    createdAt: o.createdAt,
    finding: f ? { verdict: f.verdict, remedy: f.remedy, reason: f.reason, text: findingText(f), byName: names.get(f.by) ?? '', at: f.at } : null,
  };
}

/** 组织部: the objections raised on a batch's 公示 (or on one of its projects), oldest first. */
export async function listObjections(ctx: Context, input: ParsedInputOf<'review.objections'>): Promise<OutputOf<'review.objections'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const lookup = new Lookup(ctx.store);
  const objections = await readAll<Objection>(ctx.store, 'objections', input.projectId ? { batchId: batch._id, projectId: input.projectId } : { batchId: batch._id });
  const projects = new Map<string, Project | null>();
  const names = new Map<string, string>();
  const out: OutputOf<'review.objections'> = [];
  for (const o of objections) {
    if (!projects.has(o.projectId)) projects.set(o.projectId, await ctx.store.get<Project>('projects', o.projectId));
    const p = projects.get(o.projectId);
    if (!p) continue;
    out.push(await viewOf(ctx.store, lookup, o, p, names));
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id));
}

/**
 * 异议处理: the 组织部 records its finding on one objection — 成立 (then 不予立项, at once, or a
 * correction and the project goes on) or 不成立 — with a reason. Audited on the batch (the project's
 * history is its team's, who must not learn who objected); the objector is told the outcome.
 */
export async function findObjection(ctx: Context, input: ParsedInputOf<'review.findObjection'>): Promise<OutputOf<'review.findObjection'>> {
  const problems = findingProblems(input);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'), { field: problems[0].includes('理由') ? 'reason' : 'verdict' });
  const holders = await roleHolders(ctx.store);
  const at = ctx.now.toISOString();
  const by = ctx.user?._id ?? '';
  const reason = input.reason.trim();
  const { objection, project } = await inTransaction(ctx, async (tx) => {
    const o = await tx.get<Objection>('objections', input.objectionId);
    if (!o) throw new AppError('NOT_FOUND', '没有这条异议，可能已被删除，请刷新后再试');
    if (!objectionAwaitsFinding(o)) throw new AppError('CONFLICT', `这条异议已于 ${o.finding?.at.slice(0, 10) ?? ''} 作出核实结论（${findingText(o.finding!)}），不能重复处理`);
    let project = await tx.get<Project>('projects', o.projectId);
    if (!project) throw new AppError('NOT_FOUND', '异议所涉项目不存在');
    if (project.state !== 'in_publicity') {
      throw new AppError('INVALID_TRANSITION', `「${titleOf(project)}」当前为「${PROJECT_STATE_LABELS[project.state]}」，已不在公示中，异议须在立项前核实处理`);
    }
    const finding: ObjectionFinding = { verdict: input.verdict, remedy: input.verdict === 'upheld' ? input.remedy : null, reason, by, at };
    await tx.update<Objection>('objections', o._id, o.version, { finding });
    await audit(tx, {
      _id: ctx.newId(),
      entityType: 'batch',
      entityId: o.batchId,
      action: 'objectionFinding',
      actorId: by,
      at,
      from: null,
      to: input.verdict,
      reason: `对项目 ${o.projectId} 的异议 ${o._id}：${findingText(finding)}。${reason}`,
      requestId: ctx.requestId,
    });
    // 成立 and 不予立项: the project is refused now, its message staged with the round's 立项 results.
    if (finding.verdict === 'upheld' && finding.remedy === 'reject') {
      project = await transitionProject(ctx, tx, project, 'reject', {
        reason: `公示异议经核实成立，不予立项：${reason}`,
        known: notifyFor(holders, project),
        releaseId: releaseIdOf(o.batchId, 'approval'),
      });
    }
    const message = findingMessage(titleOf(project), finding);
    await notifyParties(
      ctx,
      tx,
      { kind: 'review.objectionFinding', ...message, entityId: o.projectId, eventId: `${o._id}:finding`, link: `/packages/showcase/publicity/index?batchId=${o.batchId}` },
      { subjectId: o.authorId },
      at,
    );
    return { objection: { ...o, finding }, project };
  });
  return viewOf(ctx.store, new Lookup(ctx.store), objection, project, new Map());
}

/** The objections of `projectIds` that still wait for a finding, by project. */
export async function waitingObjections(tx: StoreOps, batchId: string, projectIds: readonly string[]): Promise<Map<string, number>> {
  const waiting = new Map<string, number>();
  if (projectIds.length === 0) return waiting;
  const wanted = new Set(projectIds);
  for (const o of await readAll<Objection>(tx, 'objections', { batchId })) {
    if (wanted.has(o.projectId) && objectionAwaitsFinding(o)) waiting.set(o.projectId, (waiting.get(o.projectId) ?? 0) + 1);
  }
  return waiting;
}
