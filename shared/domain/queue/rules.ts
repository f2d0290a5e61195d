import type { BrandState } from '../brand/state';
import type { ProfileStatus } from '../person';
import { firstTranches, trancheDue, type Tranche } from '../project/funding';
import type { ProjectState } from '../project/state';
import { addCalendarDays, dateIn, deadlineEnd } from '../../time/deadline';

/**
 * The rule of each kind of waiting work: the queue, its counts and the list the item opens all
 * decide with these, so they cannot disagree. Each rule that a store can ask directly also names
 * its query (the fields are declared in the store's collections).
 */

/** 认定: a committee's brand report sent to the 组织部 and not yet accepted or returned. */
export const RECOGNITION_STATE: BrandState = 'submitted';
export const awaitsRecognition = (b: { state: BrandState }): boolean => b.state === RECOGNITION_STATE;

/** What the money rules need of a funded project (the running totals it carries). */
export interface FundedFacts {
  state: ProjectState;
  grantFen?: number | null;
  midtermPassed?: boolean | null;
  tranchesPaid?: number | null;
}

/** The tranche the 组织部 owes the project now (拨付), the same rule 培育与验收's 待拨付 filter uses. */
export function trancheOwed(p: FundedFacts): Tranche | null {
  return trancheDue({ grant: p.grantFen ?? 0, state: p.state, midtermPassed: p.midtermPassed === true, paidTranches: firstTranches(p.tranchesPaid ?? 0) });
}

/** The states in which a project may owe a tranche: a query asks only these. */
export const TRANCHE_STATES: readonly ProjectState[] = ['approved', 'cultivating', 'final_review'];

/** 中期验收: materials in, the 组织部's decision waiting. */
export const awaitsMidtermDecision = (p: { state: ProjectState }): boolean => p.state === 'midterm_review';
/** 结项验收: materials in, the 答辩 and the decision waiting. */
export const awaitsFinalDecision = (p: { state: ProjectState }): boolean => p.state === 'final_review';

/** A bound profile no committee has confirmed (or returned) yet. */
export const awaitsConfirmation = (u: { profileStatus: ProfileStatus }): boolean => u.profileStatus === 'pending';

/** After this many days unconfirmed, the 组织部 sees the identity in its own queue. */
export const IDENTITY_PATIENCE_DAYS = 7;

/**
 * Bound at or before this instant = waited at least IDENTITY_PATIENCE_DAYS calendar days in
 * Beijing time (the end of that day there), as an ISO string the store compares with createdAt.
 */
export function confirmationLateBefore(now: Date, days: number = IDENTITY_PATIENCE_DAYS): string {
  return deadlineEnd(addCalendarDays(dateIn(now), -days)).toISOString();
}

export const confirmationLate = (u: { profileStatus: ProfileStatus; createdAt: string }, now: Date, days: number = IDENTITY_PATIENCE_DAYS): boolean =>
  awaitsConfirmation(u) && u.createdAt <= confirmationLateBefore(now, days);

/** 专款专用: a host who has received money and recorded no expense yet, while the project runs. */
export const EXPENSE_STATES: readonly ProjectState[] = ['cultivating', 'midterm_review', 'final_review'];
export const expensesToRecord = (p: { state: ProjectState; paidFen?: number | null; spentFen?: number | null }): boolean =>
  EXPENSE_STATES.includes(p.state) && (p.paidFen ?? 0) > 0 && (p.spentFen ?? 0) === 0;
