import type { StoredDoc } from '../../ports/store';
import type { ObjectionFinding } from '@shared/domain/review/objection';

/** One reviewer on one application; `_id` = `${projectId}:${reviewerId}`, so a pair exists once. */
export interface ReviewAssignment extends StoredDoc {
  batchId: string;
  projectId: string;
  /** The project's committee (it never changes): the dashboards count a batch's reviews per committee in one read. */
  committeeId: string;
  reviewerId: string;
  /** 1 once the reviewer's score sheet is in (set in the same transaction as the sheet), else 0: summed, it counts the sheets. */
  scored: 0 | 1;
  assignedBy: string;
  assignedAt: string;
  how: 'manual' | 'auto';
}

/** A reviewer's score sheet; same `_id` as its assignment. */
export interface Review extends StoredDoc {
  batchId: string;
  projectId: string;
  reviewerId: string;
  scores: Record<string, number>;
  comment: string;
  /** Weighted total on 0..100 (scoreOf). */
  total: number;
  createdAt: string;
  updatedAt: string;
}

/** An objection (异议) raised during the 公示. */
export interface Objection extends StoredDoc {
  batchId: string;
  projectId: string;
  authorId: string;
  authorName: string;
  authorCommitteeId: string | null;
  text: string;
  createdAt: string;
  /** The 组织部's finding (异议处理); absent or null while it waits (objectionAwaitsFinding). */
  finding?: ObjectionFinding | null;
}

export const pairId = (projectId: string, reviewerId: string) => `${projectId}:${reviewerId}`;

/** A new assignment of `reviewerId` to `project`, not yet scored: every place that assigns writes it this way. */
export const newAssignment = (
  project: { _id: string; batchId: string; committeeId: string },
  reviewerId: string,
  by: { assignedBy: string; assignedAt: string; how: ReviewAssignment['how'] },
): Omit<ReviewAssignment, 'version'> => ({
  _id: pairId(project._id, reviewerId),
  batchId: project.batchId,
  projectId: project._id,
  committeeId: project.committeeId,
  reviewerId,
  scored: 0,
  ...by,
});
