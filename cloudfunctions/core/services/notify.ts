import { needsParty, recipientsOf, type EventKind, type Parties } from '@shared/domain/messages/events';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../context';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';
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
 * team is read only for kinds that reach it, the secretaries and the 组织部 only when not known.
 */
export async function notifyProject(ctx: Context, tx: StoreOps, project: Project, notice: EventNotice, at: string, known: KnownParties = {}): Promise<number> {
  const kind = notice.kind;
  const [memberIds, secretaryIds, adminIds] = await Promise.all([
    needsParty(kind, 'team') ? tx.find<StoredDoc & { userId: string }>('teamMembers', { where: { projectId: project._id }, limit: MAX_PAGE }).then((ms) => ms.map((m) => m.userId)) : [],
    needsParty(kind, 'secretaries') ? (known.secretaryIds ?? usersWithRole(tx, 'secretary', project.committeeId)) : [],
    needsParty(kind, 'admins') ? (known.adminIds ?? usersWithRole(tx, 'admin')) : [],
  ]);
  return notifyParties(ctx, tx, { ...notice, entityId: notice.entityId ?? project._id }, { hostId: project.hostId, memberIds, secretaryIds, adminIds }, at);
}

/** Tells the parties of an event that is not about a project (a person, a brand, a batch). */
export function notifyParties(ctx: Context, tx: StoreOps, notice: EventNotice & { entityId: string }, parties: Parties, at: string): Promise<number> {
  const kind: EventKind = notice.kind;
  return enqueue(tx, { ...notice, recipientIds: recipientsOf(kind, parties, ctx.user?._id ?? null) }, at);
}
