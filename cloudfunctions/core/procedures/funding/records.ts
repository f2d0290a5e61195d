import type { Outcome } from '@shared/contracts/funding';
import type { GuidanceKind } from '@shared/domain/project/guidance';
import type { Fen } from '@shared/domain/money';
import type { Tranche } from '@shared/domain/project/funding';
import type { StoredDoc } from '../../ports/store';

/** One tranche paid by the 组织部. Its `_id` is `${projectId}:t${tranche}`: a tranche cannot be stored twice. */
export interface Disbursement extends StoredDoc {
  projectId: string;
  batchId: string;
  tranche: Tranche;
  amountFen: Fen;
  note: string;
  at: string;
  actorId: string;
}

export const disbursementId = (projectId: string, tranche: Tranche) => `${projectId}:t${tranche}`;

/** An expense the host records against the project (专款专用), with its receipts. */
export interface Expense extends StoredDoc {
  projectId: string;
  batchId: string;
  date: string;
  item: string;
  amountFen: Fen;
  receipts: string[];
  overridden: boolean;
  overrideReason: string | null;
  /** How far beyond what had been received this expense went (0 when within). */
  excessFen: Fen;
  authorId: string;
  createdAt: string;
}

/** A dated entry of the committee's 具体指导 while the project is cultivated. */
export interface Guidance extends StoredDoc {
  projectId: string;
  date: string;
  kind: GuidanceKind;
  text: string;
  authorId: string;
  createdAt: string;
}

export interface Decision {
  pass: boolean;
  comment: string;
  at: string;
  deciderId: string;
}

export interface MidtermReport extends StoredDoc {
  projectId: string;
  kind: 'midterm';
  progress: string;
  results: string;
  spendingNote: string;
  changeRequests: string;
  receivedFen: Fen;
  spentFen: Fen;
  submittedAt: string;
  submittedBy: string;
  decision: Decision | null;
}

/** The 答辩汇报 of the 结项验收. */
export interface Defense {
  date: string;
  panel: string[];
  result: string;
  recordedAt: string;
  recordedBy: string;
}

/** Prepared by the host, submitted by the committee, examined by the 组织部. */
export interface FinalReport extends StoredDoc {
  projectId: string;
  kind: 'final';
  summary: string;
  outcomes: Outcome[];
  savedAt: string;
  savedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  defense: Defense | null;
  decision: Decision | null;
}

/** One report of each kind per project, so its `_id` is fixed. */
export const reportId = (projectId: string, kind: 'midterm' | 'final') => `${projectId}:${kind}`;
