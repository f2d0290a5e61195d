import type { StoredDoc } from '../../ports/store';

/** One reviewer on one application; `_id` = `${projectId}:${reviewerId}`, so a pair exists once. */
export interface ReviewAssignment extends StoredDoc {
  batchId: string;
  projectId: string;
  reviewerId: string;
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
}

export const pairId = (projectId: string, reviewerId: string) => `${projectId}:${reviewerId}`;
