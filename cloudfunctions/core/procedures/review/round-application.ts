import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { RoundApplication } from '@shared/contracts/review';
import { ROUND_STATES } from '@shared/contracts/lists';
import type { User } from '@shared/domain/person';
import { budgetTotal, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { aggregate } from '@shared/domain/project/review';
import type { Context } from '../../context';
import { MAX_PAGE } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { getMany } from '../../services/read-many';
import type { Review, ReviewAssignment } from './docs';
import { titleOf } from './release';
import { byText, People, toAssignmentView } from './views';

/** One application of the round in full, for the pane beside the list: opinion, reviewers, scores. */
export async function roundApplication(ctx: Context, input: ParsedInputOf<'review.roundApplication'>): Promise<RoundApplication> {
  const project = await ctx.store.get<Project>('projects', input.projectId);
  if (!project || project.batchId !== input.batchId || !(ROUND_STATES as readonly string[]).includes(project.state)) {
    throw new AppError('NOT_FOUND', '该项目不在本批次的立项评审中，请刷新列表后重新选择');
  }
  // A panel is at most 20 reviewers (review.assign), so one page of each holds it.
  const [assignments, reviews] = await Promise.all([
    ctx.store.find<ReviewAssignment>('reviewAssignments', { where: { projectId: project._id }, limit: MAX_PAGE }),
    ctx.store.find<Review>('reviews', { where: { projectId: project._id }, limit: MAX_PAGE }),
  ]);
  const users = await getMany<User>(ctx.store, 'users', assignments.map((a) => a.reviewerId));
  const lookup = new Lookup(ctx.store);
  await lookup.primeCommittees([project.committeeId, ...[...users.values()].map((u) => u.profile.committeeId)]);
  const people = new People(ctx.store).seed([...users.values()]);
  const reviewOf = new Map(reviews.map((r) => [r._id, r]));
  const mine = [...assignments].sort(byText((a) => a.reviewerId));
  const views = await Promise.all(mine.map((a) => toAssignmentView(people, lookup, a, reviewOf.get(a._id))));
  return {
    projectId: project._id,
    version: project.version,
    title: titleOf(project),
    category: project.fields.category ? PROJECT_CATEGORY_LABELS[project.fields.category] : null,
    state: project.state,
    committeeId: project.committeeId,
    committeeName: await lookup.committeeName(project.committeeId),
    hostId: project.hostId,
    hostName: project.hostName,
    committeeRank: project.committeeRank ?? null,
    committeeOpinion: project.committeeOpinion ?? null,
    budgetTotal: budgetTotal(project.fields.budget),
    assignments: views,
    aggregate: aggregate(reviews.map((r) => r.total)),
    missingReviewers: views.filter((v) => !v.scored).map((v) => ({ reviewerId: v.reviewerId, reviewerName: v.reviewerName })),
    grantFen: project.grantFen ?? null,
  };
}
