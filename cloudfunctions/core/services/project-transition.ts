import { AppError } from '@shared/contracts/errors';
import type { Project } from '@shared/domain/project/project';
import { checkTransition, PROJECT_STATE_LABELS, TRANSITIONS, type LifecycleAction } from '@shared/domain/project/state';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../context';
import type { Patch, StoreOps } from '../ports/store';
import { audit, type AuditEntry } from './audit';
import type { Batch } from '@shared/domain/batch';
import { isBeforeDeadline } from '@shared/time/deadline';
import { batchWith, extensionsOf, markUsed, type StoredExtension } from './extensions';
import { Lookup } from './lookup';
import { notifyProject, type KnownParties } from './notify';
import { stagedMark } from './staged-view';
import { committeeCalendar } from '@shared/domain/paperwork/extension';

const COMMITTEE_DECISIONS: readonly LifecycleAction[] = ['return', 'recommend', 'notRecommend'];

/** Whether the caller holds the role the action needs toward this project (with its scope). */
export function actsAs(ctx: Context, project: Project, action: LifecycleAction): boolean {
  const roles = ctx.user?.roles ?? [];
  switch (TRANSITIONS[action].actor) {
    case 'host':
      return ctx.user?._id === project.hostId;
    case 'secretary':
      // A secretary of the project's own committee: the 组织部 role does not stand in for it, even
      // when its holder is also secretary of another committee.
      return secretaryCommittees(roles).includes(project.committeeId);
    case 'admin':
      return hasRole(roles, 'admin');
  }
}

export interface TransitionOptions {
  reason?: string | null;
  patch?: Patch<Project>;
  /** Parties already read by a bulk caller; who hears about it is decided by the event's kind. */
  known?: KnownParties;
  /** Stages the messages in this release instead of telling anyone now (a round's bulk results). */
  releaseId?: string | null;
  /** The page the messages open, when not the project itself. */
  link?: string;
  /**
   * Filled with what the move read and wrote (the batch, for submit and withdraw the extensions
   * that can apply, the audit line), so that the caller's answer does not read them again.
   */
  seen?: TransitionReads;
}

export interface TransitionReads {
  batch?: Batch;
  /** For submit and withdraw once the batch's own deadline has passed: its extensions. */
  extensions?: readonly StoredExtension[];
  /** The audit line the move wrote: the newest entry of the project's timeline. */
  line?: AuditEntry;
}

/**
 * One move of the lifecycle inside the caller's transaction: role and scope, the shared rule
 * (state, midterm, calendar), the new state with `patch`, the audit line and the outbox
 * entries — all written together or not at all.
 */
export async function transitionProject(
  ctx: Context,
  tx: StoreOps,
  project: Project,
  action: LifecycleAction,
  options: TransitionOptions = {},
): Promise<Project> {
  if (!actsAs(ctx, project, action)) {
    throw new AppError('FORBIDDEN', '您没有权限对这个项目进行此操作');
  }
  const stored = await new Lookup(tx).requireBatch(project.batchId);
  const who = { hostId: project.hostId, committeeId: project.committeeId };
  // A host's own extension (or their committee's) moves the submission deadline for them alone:
  // later, never earlier, so they are read only once the batch's own deadline has passed.
  const late = (action === 'submit' || action === 'withdraw') && !isBeforeDeadline(stored.calendar.submissionDeadline, ctx.now);
  // The committee's decisions after the batch's 推荐截止: its own extension may have moved it.
  const recommendation = stored.calendar.recommendationDeadline;
  const lateDecision = COMMITTEE_DECISIONS.includes(action) && recommendation !== undefined && !isBeforeDeadline(recommendation, ctx.now);
  const extensions = late || lateDecision ? await extensionsOf(tx, stored._id) : null;
  const batch = !extensions
    ? stored
    : lateDecision
      ? { ...stored, calendar: committeeCalendar(stored.calendar, extensions, project.committeeId) }
      : batchWith(stored, extensions, who).batch;
  const check = checkTransition({
    state: project.state,
    action,
    actorRole: TRANSITIONS[action].actor,
    midtermPassed: project.midtermPassed ?? false,
    now: ctx.now,
    calendar: batch.calendar,
  });
  if (!check.ok) throw new AppError(check.code, check.message);
  const at = ctx.now.toISOString();
  // A staged outcome carries what everyone but the 组织部 sees until its release (services/staged-view.ts).
  const staged = options.releaseId ? { staged: await stagedMark(tx, project, options.releaseId, at) } : {};
  const next = await tx.update<Project>('projects', project._id, project.version, { ...options.patch, ...staged, state: check.to, updatedAt: at });
  const after = action === 'submit' && extensions ? await markUsed(tx, stored, who, ctx.now, extensions) : extensions;
  const auditId = ctx.newId();
  const line = await audit(tx, {
    _id: auditId,
    entityType: 'project',
    entityId: project._id,
    action,
    actorId: ctx.user?._id ?? '',
    at,
    from: project.state,
    to: check.to,
    reason: options.reason ?? null,
    requestId: ctx.requestId,
  });
  if (options.seen) {
    options.seen.batch = stored;
    if (after) options.seen.extensions = after;
    options.seen.line = line;
  }
  await notifyProject(
    ctx,
    tx,
    next,
    {
      kind: `project.${action}`,
      title: `「${project.fields.title || '党建精品项目'}」${PROJECT_STATE_LABELS[check.to]}`,
      body: options.reason ?? '',
      eventId: auditId,
      link: options.link,
      releaseId: options.releaseId ?? null,
    },
    at,
    options.known,
  );
  return next;
}
