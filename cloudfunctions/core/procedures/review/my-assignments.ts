import type { ParsedInputOf } from '@shared/contracts';
import type { MyAssignment } from '@shared/contracts/review';
import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import { checkReviewWindow } from '@shared/domain/project/review';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import type { Where } from '../../ports/store';
import { getMany } from '../../services/read-many';
import { reviewWindowText, rubricOf } from './batch';
import type { Review, ReviewAssignment } from './docs';
import { readAll } from './pages';
import { titleOf } from './release';
import { byText, toReviewView } from './views';

export interface Blocked {
  code: 'INVALID_TRANSITION' | 'TOO_EARLY' | 'DEADLINE_PASSED';
  message: string;
}

/** Why a reviewer cannot score this application now, or null when they can. */
export function scoringBlocked(project: Project, batch: Batch, now: Date): Blocked | null {
  if (project.state !== 'under_review') {
    return { code: 'INVALID_TRANSITION', message: `项目当前为「${PROJECT_STATE_LABELS[project.state]}」，评审已结束，评分不能再修改。` };
  }
  const window = checkReviewWindow(batch.calendar, now);
  return window.ok ? null : { code: window.code, message: `${window.message}请在评审期内评分，如有疑问请联系党委组织部。` };
}

/** 评审专家只看分配给自己的申报: what they need to judge each, and their own score. */
export async function myAssignments(ctx: Context, input: ParsedInputOf<'review.myAssignments'>): Promise<MyAssignment[]> {
  const reviewerId = ctx.user?._id ?? '';
  const mine: Where = input.batchId ? { reviewerId, batchId: input.batchId } : { reviewerId };
  // The score sheets by reviewer, beside the assignments: a sheet exists only for an assignment,
  // so this is never more reads than asking for them by id, and fewer while some are unscored.
  const [assignments, sheets] = await Promise.all([readAll<ReviewAssignment>(ctx.store, 'reviewAssignments', mine), readAll<Review>(ctx.store, 'reviews', mine)]);
  const reviews = new Map(sheets.map((r) => [r._id, r]));
  const lookup = new Lookup(ctx.store);
  // The projects of every assignment a hundred per read; their committees and batches in one read each.
  const projects = await getMany<Project>(ctx.store, 'projects', assignments.map((a) => a.projectId));
  await Promise.all([lookup.primeCommittees([...projects.values()].map((p) => p.committeeId)), lookup.primeBatches(assignments.map((a) => a.batchId))]);
  // What depends only on the batch and the state (Beijing-time date arithmetic), worked out once
  // per (batch, state) instead of once per assignment.
  const perState = new Map<string, { windowText: string; blocked: Blocked | null }>();
  const items: MyAssignment[] = [];
  for (const a of assignments) {
    const project = projects.get(a.projectId);
    const batch = project ? await lookup.batch(project.batchId) : null;
    if (!project || !batch) continue;
    const review = reviews.get(a._id);
    const key = `${batch._id}:${project.state}`;
    const known = perState.get(key) ?? { windowText: reviewWindowText(batch.calendar), blocked: scoringBlocked(project, batch, ctx.now) };
    perState.set(key, known);
    const { blocked } = known;
    items.push({
      projectId: project._id,
      batchId: batch._id,
      batchName: batch.name,
      title: titleOf(project),
      committeeName: await lookup.committeeName(project.committeeId),
      hostName: project.hostName,
      state: project.state,
      fields: project.fields,
      committeeOpinion: project.committeeOpinion ?? null,
      rubric: [...rubricOf(batch)],
      reviewWindowText: known.windowText,
      canScore: blocked === null,
      blockedReason: blocked?.message ?? null,
      myReview: review ? toReviewView(review) : null,
    });
  }
  // Still to do first: open and unscored, then open and scored, then closed.
  const rank = (i: MyAssignment) => (i.canScore ? (i.myReview ? 1 : 0) : 2);
  return items.sort((x, y) => rank(x) - rank(y) || byText<MyAssignment>((i) => i.title)(x, y));
}
