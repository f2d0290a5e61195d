import type { MessageData } from '@shared/domain/reminders/templates';

/** One subscription message to one person. */
export interface OutgoingMessage {
  toUserId: string;
  openid: string;
  templateId: string;
  /** Shown as the card's title in the dev inbox (WeChat shows the template's own). */
  title: string;
  /** The page the card opens. */
  page: string;
  data: MessageData;
  /** Label and value per keyword, as WeChat lays them out (dev inbox). */
  lines: Array<{ label: string; value: string }>;
}

/**
 * How a send ended. The adapter classifies the platform's error codes:
 * - noGrant (43101): the person has no grant left or refused → never retried, 我的待办 only;
 * - badData (47003 and the like): the message itself is wrong → alert, marked failed;
 * - transient (system busy, rate limit): retried later with backoff;
 * - unknown: the outcome cannot be told (e.g. a timeout) → not retried, since it may have arrived.
 */
export type SendOutcome =
  | { ok: true }
  | { ok: false; kind: 'noGrant' | 'badData' | 'transient' | 'unknown'; code: string; message: string };

export interface Notifier {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}
