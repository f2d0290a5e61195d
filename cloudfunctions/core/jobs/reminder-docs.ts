import type { SubscribeResult } from '@shared/contracts/reminders';
import type { DutyKind } from '@shared/domain/reminders/duty';
import type { StoredDoc } from '../ports/store';

/**
 * One planned reminder; `_id` = its key (person:duty:deadline:offset), inserted once.
 * pending → sending → sent | noGrant | failed | pending (transient, later) | interrupted.
 * 'sending' is written (versioned) before the send: see jobs/remind.ts.
 */
export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'noGrant' | 'failed' | 'interrupted' | 'obsolete';

export interface ReminderEntry extends StoredDoc {
  key: string;
  personId: string;
  duty: DutyKind;
  deadline: string;
  offset: number;
  count: number;
  title: string;
  detail: string;
  link: string;
  status: ReminderStatus;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** One-time grants of one user for one template: each accept adds one, each send uses one. */
export interface SubscriptionGrant extends StoredDoc {
  userId: string;
  templateKey: string;
  remaining: number;
  lastResult: SubscribeResult | null;
  updatedAt: string;
}

export const grantId = (userId: string, templateKey: string) => `${userId}:${templateKey}`;
