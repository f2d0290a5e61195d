import type { RoundState } from '@shared/contracts/round';
import { ROUND_STATES } from '@shared/contracts/round';
import type { ProjectCategory } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { aggregate as scoreAggregate, type Aggregate } from '@shared/domain/project/review';
import type { ProjectState } from '@shared/domain/project/state';
import type { StoreOps } from '../../ports/store';
import type { Review, ReviewAssignment } from './docs';
import { readAll } from './pages';
import { titleOf } from './release';

/** What the round's list sorts and filters by, for one application of the batch. */
export interface IndexedProject {
  _id: string;
  state: ProjectState;
  committeeId: string;
  hostName: string;
  title: string;
  category: ProjectCategory | null;
  committeeRank: number | null;
}

/** An application in the round, with its reviews counted. */
export interface IndexedApplication extends IndexedProject {
  state: RoundState;
  assigned: number;
  scores: Aggregate;
}

/** The whole batch as the round's pages need it: every application's sort keys and review figures. */
export interface RoundIndex {
  /** Every project of the batch, any state (for the places taken and approved). */
  projects: IndexedProject[];
  /** The applications in the round's states. */
  applications: IndexedApplication[];
  /** Reviews written in the batch (the rubric is fixed once there is one). */
  reviews: number;
}

const CAP = 3000;
const inRound = (s: ProjectState): s is RoundState => (ROUND_STATES as readonly string[]).includes(s);

/**
 * Reads the round's index: the batch's projects (sort keys only), and each application's
 * assigned reviewers and scores, grouped.
 */
export async function readRoundIndex(store: StoreOps, batchId: string): Promise<RoundIndex> {
  const [projects, assignments, reviews] = await Promise.all([
    readAll<Project>(store, 'projects', { batchId }, CAP),
    readAll<ReviewAssignment>(store, 'reviewAssignments', { batchId }, CAP * 10),
    readAll<Review>(store, 'reviews', { batchId }, CAP * 10),
  ]);
  const assigned = new Map<string, number>();
  for (const a of assignments) assigned.set(a.projectId, (assigned.get(a.projectId) ?? 0) + 1);
  const totals = new Map<string, number[]>();
  for (const r of reviews) totals.set(r.projectId, [...(totals.get(r.projectId) ?? []), r.total]);
  const indexed: IndexedProject[] = projects.map((p) => ({
    _id: p._id,
    state: p.state,
    committeeId: p.committeeId,
    hostName: p.hostName,
    title: titleOf(p),
    category: p.fields.category ?? null,
    committeeRank: p.committeeRank ?? null,
  }));
  const applications: IndexedApplication[] = [];
  for (const p of indexed) {
    if (!inRound(p.state)) continue;
    applications.push({ ...p, state: p.state, assigned: assigned.get(p._id) ?? 0, scores: scoreAggregate(totals.get(p._id) ?? []) });
  }
  return { projects: indexed, applications, reviews: reviews.length };
}

/** Each reviewer's load in the batch: applications assigned, and scored. */
export async function reviewerLoads(store: StoreOps, batchId: string): Promise<{ assigned: Map<string, number>; scored: Map<string, number> }> {
  const [assignments, reviews] = await Promise.all([
    readAll<ReviewAssignment>(store, 'reviewAssignments', { batchId }, CAP * 10),
    readAll<Review>(store, 'reviews', { batchId }, CAP * 10),
  ]);
  const count = (ids: string[]) => {
    const out = new Map<string, number>();
    for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
    return out;
  };
  return { assigned: count(assignments.map((a) => a.reviewerId)), scored: count(reviews.map((r) => r.reviewerId)) };
}
