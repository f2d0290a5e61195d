import type { SubscribeResult } from '@shared/contracts/reminders';
import type { StoredDoc } from '../ports/store';

/** One-time grants of one user for one template: each accept adds one, each send uses one. */
export interface SubscriptionGrant extends StoredDoc {
  userId: string;
  templateKey: string;
  remaining: number;
  lastResult: SubscribeResult | null;
  updatedAt: string;
}

export const grantId = (userId: string, templateKey: string) => `${userId}:${templateKey}`;
