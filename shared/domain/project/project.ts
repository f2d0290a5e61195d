import type { StagedOutcome } from './staged';
import type { ApplicationFields } from './application';
import type { ProjectState } from './state';

/** A flagship project as stored: the application plus where it stands. */
export interface Project {
  _id: string;
  version: number;
  batchId: string;
  committeeId: string;
  hostId: string;
  hostName: string;
  state: ProjectState;
  fields: ApplicationFields;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The committee's decision: 推荐意见 and rank among its recommendations, or why it returned it. */
  committeeOpinion?: string | null;
  committeeRank?: number | null;
  returnComment?: string | null;
  /** Set when the 中期验收 is passed: tranche 2 becomes due, 结项 becomes possible. */
  midtermPassed?: boolean;
  /** The grant in fen, fixed at approval from the batch's grant per project. */
  grantFen?: number | null;
  /** 配套经费 from the unit, in fen. */
  matchingFen?: number;
  /**
   * Running totals of its money, written in the same transaction as each tranche paid and each
   * expense recorded (cloudfunctions/core/procedures/funding/ledger.ts), so that 培育与验收 and the
   * dashboards sum them from the projects alone. The tranches and expenses remain the ledger.
   */
  paidFen?: number;
  /** How many tranches are paid: they are paid in order, tranche 1 then tranche 2. */
  tranchesPaid?: number;
  spentFen?: number;
  /** A 公示 or 立项 outcome staged for release: hidden from all but the 组织部 until then (./staged.ts). */
  staged?: StagedOutcome | null;
}
