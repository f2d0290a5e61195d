import { defaultLink, EVENT_LABELS, resultPhrase, type EventKind } from '@shared/domain/messages/events';
import type { DutyKind } from '@shared/domain/reminders/duty';
import type { MessageSlot } from '@shared/domain/reminders/templates';
import { formatInstant } from '@shared/time/deadline';
import type { NewDoc, StoreOps, StoredDoc } from '../ports/store';

/**
 * Where a subscription message of an entry stands:
 * held (staged in a release, told to nobody) → pending → sending → sent | noGrant | failed |
 * pending (transient, later) | interrupted; obsolete when a reminder's duty is done before it goes.
 * 'sending' is written (versioned) before the send: see jobs/deliver.ts.
 */
export type DeliveryStatus = 'held' | 'pending' | 'sending' | 'sent' | 'noGrant' | 'failed' | 'interrupted' | 'obsolete';

/**
 * One message to one person: the ONE record of both the in-app 消息 list and the subscription
 * message, for events and deadline reminders alike. `_id` = key, unique per (event, recipient):
 * it is inserted once, so it is listed once and sent at most once.
 */
export interface OutboxEntry extends StoredDoc {
  key: string;
  kind: EventKind;
  recipientId: string;
  title: string;
  body: string;
  /** The page the message opens, e.g. "/packages/project/edit/index?id=p1". */
  link: string;
  entityId: string;
  createdAt: string;
  /** 'inbox': in the person's 消息; 'held': staged in a release that has not gone out yet. */
  box: 'inbox' | 'held';
  releaseId: string | null;
  read: boolean;
  readAt: string | null;
  /** Reminders and nudges go by the duty's template; events by the event template. */
  duty: DutyKind | null;
  /** Reminders only: the deadline it is about (obsolete once the duty is done). */
  deadline: string | null;
  offset: number | null;
  /** What the subscription message says, per slot; cut to each keyword's limit when sent. */
  slots: Partial<Record<MessageSlot, string>>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
}

export interface Notice {
  kind: EventKind;
  recipientIds: readonly string[];
  title: string;
  body: string;
  entityId: string;
  /** What makes this notice unique (e.g. the audit id of the transition). */
  eventId: string;
  /** The page it opens; by default the thing it is about (see defaultLink). */
  link?: string;
  /** Staged in this release (told to nobody until the 组织部 releases it). */
  releaseId?: string | null;
}

/** A new entry with its delivery fields at their start. */
export function newEntry(fields: Omit<OutboxEntry, 'version' | '_id' | 'box' | 'read' | 'readAt' | 'status' | 'attempts' | 'claimedAt' | 'sentAt' | 'lastError' | 'nextAttemptAt' | 'releaseId'> & { releaseId?: string | null }): NewDoc<OutboxEntry> {
  const held = Boolean(fields.releaseId);
  return {
    ...fields,
    _id: fields.key,
    releaseId: fields.releaseId ?? null,
    box: held ? 'held' : 'inbox',
    read: false,
    readAt: null,
    status: held ? 'held' : 'pending',
    attempts: 0,
    nextAttemptAt: fields.createdAt,
    claimedAt: null,
    sentAt: null,
    lastError: null,
  };
}

/** The message of an event to one person: `_id` = event id and recipient, so it is written once. */
export function eventEntry(notice: Omit<Notice, 'recipientIds'>, recipientId: string, at: string): NewDoc<OutboxEntry> {
  return newEntry({
    key: `${notice.eventId}:${recipientId}`,
    kind: notice.kind,
    recipientId,
    title: notice.title,
    body: notice.body,
    link: notice.link ?? defaultLink(notice.kind, notice.entityId),
    entityId: notice.entityId,
    createdAt: at,
    releaseId: notice.releaseId ?? null,
    duty: null,
    deadline: null,
    offset: null,
    slots: {
      matter: notice.title,
      status: resultPhrase(notice.kind),
      note: notice.body || EVENT_LABELS[notice.kind],
      time: formatInstant(at),
    },
  });
}

/**
 * Queues one message per recipient inside the caller's transaction: one insert each, no read
 * first. Keys come from a fresh event id, so a second insert of one key can only be a replay of
 * the same call, which its request claim already answers; a DUPLICATE then rolls the call back.
 */
export async function enqueue(tx: StoreOps, notice: Notice, at: string): Promise<number> {
  const recipients = [...new Set(notice.recipientIds)].filter((id) => id !== '');
  for (const recipientId of recipients) await tx.insert<OutboxEntry>('outbox', eventEntry(notice, recipientId, at));
  return recipients.length;
}
