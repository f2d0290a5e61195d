import type { StoreOps, StoredDoc } from '../ports/store';

/** A notification waiting to be sent (subscription message, or the in-app to-do list). */
export interface OutboxMessage extends StoredDoc {
  /** Unique per (event, recipient): a rerun cannot queue it twice. */
  key: string;
  kind: string;
  recipientId: string;
  title: string;
  body: string;
  entityId: string;
  status: 'pending' | 'sent' | 'failed' | 'in_app';
  createdAt: string;
}

export interface Notice {
  kind: string;
  recipientIds: readonly string[];
  title: string;
  body: string;
  entityId: string;
  /** What makes this notice unique (e.g. the audit id of the transition). */
  eventId: string;
}

/** Queues one message per recipient inside the caller's transaction; duplicates are ignored by key. */
export async function enqueue(tx: StoreOps, notice: Notice, at: string): Promise<void> {
  for (const recipientId of new Set(notice.recipientIds)) {
    const key = `${notice.eventId}:${recipientId}`;
    if (await tx.get<OutboxMessage>('outbox', key)) continue;
    await tx.insert<OutboxMessage>('outbox', {
      _id: key,
      key,
      kind: notice.kind,
      recipientId,
      title: notice.title,
      body: notice.body,
      entityId: notice.entityId,
      status: 'pending',
      createdAt: at,
    });
  }
}
