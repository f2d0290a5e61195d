import type { NewDoc, StoreOps, StoredDoc } from '../ports/store';
import type { Notice } from './outbox';

/**
 * A notice to a committee's secretaries, addressed to the committee: the move that causes it
 * writes this one document (no read of who the secretaries are, one write however many there
 * are), and the timed job writes it out as one message per secretary (jobs/fan-out.ts), to those
 * holding the role when it runs. `_id` = event id and committee: written once per event.
 */
export interface GroupNotice extends StoredDoc, Omit<Notice, 'recipientIds' | 'releaseId'> {
  role: 'secretary';
  committeeId: string;
  /** Told directly by the same event (the team), and whoever caused it: not told again. */
  exceptIds: string[];
  createdAt: string;
}

export const groupNoticeId = (eventId: string, committeeId: string) => `${eventId}:secretaries:${committeeId}`;

/** Addresses `notice` to the secretaries of `committeeId`, inside the caller's transaction. */
export async function tellSecretaries(tx: StoreOps, notice: Omit<Notice, 'recipientIds' | 'releaseId'>, committeeId: string, exceptIds: readonly string[], at: string): Promise<void> {
  const doc: NewDoc<GroupNotice> = {
    _id: groupNoticeId(notice.eventId, committeeId),
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    entityId: notice.entityId,
    eventId: notice.eventId,
    ...(notice.link ? { link: notice.link } : {}),
    role: 'secretary',
    committeeId,
    exceptIds: [...new Set(exceptIds)].filter((id) => id !== ''),
    createdAt: at,
  };
  await tx.insert<GroupNotice>('groupNotices', doc);
}
