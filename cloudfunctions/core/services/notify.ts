import { needsParty, recipientsOf, type EventKind, type Parties } from '@shared/domain/messages/events';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../context';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';
import { tellSecretaries } from './group-notice';
import { enqueue, type Notice } from './outbox';
import { usersWithRole } from './role-index';

export type EventNotice = Omit<Notice, 'recipientIds' | 'entityId'> & { entityId?: string };

/** Parties a bulk caller has read already (so a round of 3 000 projects reads them once). */
export interface KnownParties {
  secretaryIds?: readonly string[];
  adminIds?: readonly string[];
}

/**
 * Tells everyone a project event concerns (shared/domain/messages/events.ts decides who): the
 * team is read only for kinds that reach it, the 组织部 only when not known. The committee's
 * secretaries, when not known, are addressed as the committee (services/group-notice.ts): the
 * move writes one notice and reads nobody; a staged notice (a release) names them now.
 */
export async function notifyProject(ctx: Context, tx: StoreOps, project: Project, notice: EventNotice, at: string, known: KnownParties = {}): Promise<number> {
  const kind = notice.kind;
  const toSecretaries = needsParty(kind, 'secretaries');
  const asCommittee = toSecretaries && !known.secretaryIds && !notice.releaseId;
  const [memberIds, secretaryIds, adminIds] = await Promise.all([
    needsParty(kind, 'team') ? tx.find<StoredDoc & { userId: string }>('teamMembers', { where: { projectId: project._id }, limit: MAX_PAGE }).then((ms) => ms.map((m) => m.userId)) : [],
    toSecretaries && !asCommittee ? (known.secretaryIds ?? usersWithRole(tx, 'secretary', project.committeeId)) : [],
    needsParty(kind, 'admins') ? (known.adminIds ?? usersWithRole(tx, 'admin')) : [],
  ]);
  const full = { ...notice, entityId: notice.entityId ?? project._id };
  const actorId = ctx.user?._id ?? '';
  const recipientIds = recipientsOf(kind, { hostId: project.hostId, memberIds, secretaryIds, adminIds }, actorId || null);
  const told = await enqueue(tx, { ...full, recipientIds }, at);
  if (asCommittee) await tellSecretaries(tx, full, project.committeeId, [actorId, ...recipientIds], at);
  return told;
}

/** Tells the parties of an event that is not about a project (a person, a brand, a batch). */
export function notifyParties(ctx: Context, tx: StoreOps, notice: EventNotice & { entityId: string }, parties: Parties, at: string): Promise<number> {
  const kind: EventKind = notice.kind;
  return enqueue(tx, { ...notice, recipientIds: recipientsOf(kind, parties, ctx.user?._id ?? null) }, at);
}
