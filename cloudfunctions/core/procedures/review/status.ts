import type { ParsedInputOf } from '@shared/contracts';
import type { RoundApplication, RoundStatus } from '@shared/contracts/review';
import { budgetTotal, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { aggregate, checkReviewWindow, selectForApproval } from '@shared/domain/project/review';
import { checkTransition, type ProjectState } from '@shared/domain/project/state';
import { stagedFor } from '../bulk/review';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { APPROVED_STATES, calendarView, countInStates, loadBatch, PLACED_STATES, publicityText, reviewWindowText, rubricOf } from './batch';
import { roleHolders } from './directory';
import type { Review, ReviewAssignment } from './docs';
import { readAll } from './pages';
import { titleOf } from './release';
import { byText, committeeNameOf, People, toAssignmentView } from './views';

const ROUND_CAP = 3000;
const ROUND_STATES: readonly ProjectState[] = ['recommended', 'under_review', 'in_publicity', 'approved', 'rejected'];

/** The 组织部's view of a batch's review round: applications, reviewers, scores, places. */
export async function roundStatus(ctx: Context, input: ParsedInputOf<'review.roundStatus'>): Promise<RoundStatus> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const lookup = new Lookup(ctx.store);
  // The whole round is needed for the ranking and the 立项 suggestion. A university round is a few
  // hundred applications with 3–7 reviewers each; the caps allow 3 000 applications and 30 000
  // reviews (read in keyset pages of 100) before refusing with a message.
  const [projects, assignments, reviews, holders, taken] = await Promise.all([
    readAll<Project>(ctx.store, 'projects', { batchId: batch._id, state: { $in: [...ROUND_STATES] } }, ROUND_CAP),
    readAll<ReviewAssignment>(ctx.store, 'reviewAssignments', { batchId: batch._id }, ROUND_CAP * 10),
    readAll<Review>(ctx.store, 'reviews', { batchId: batch._id }, ROUND_CAP * 10),
    roleHolders(ctx.store),
    countInStates(ctx.store, batch._id, PLACED_STATES),
  ]);
  await lookup.primeCommittees([...projects.map((p) => p.committeeId), ...holders.reviewers.map((r) => r.profile.committeeId)]);
  const people = new People(ctx.store).seed(holders.reviewers);
  const reviewOf = new Map(reviews.map((r) => [r._id, r]));
  // Grouped once: filtering every assignment per application was quadratic (700 × 2 750 here).
  const assignmentsOf = groupBy(assignments, (a) => a.projectId);
  const reviewsOf = groupBy(reviews, (r) => r.projectId);
  const assignedTo = groupBy(assignments, (a) => a.reviewerId);
  const scoredBy = groupBy(reviews, (r) => r.reviewerId);

  const applications: RoundApplication[] = [];
  for (const p of projects) {
    const mine = [...(assignmentsOf.get(p._id) ?? [])].sort(byText((a) => a.reviewerId));
    const views = await Promise.all(mine.map((a) => toAssignmentView(people, lookup, a, reviewOf.get(a._id))));
    const scored = reviewsOf.get(p._id) ?? [];
    applications.push({
      projectId: p._id,
      version: p.version,
      title: titleOf(p),
      category: p.fields.category ? PROJECT_CATEGORY_LABELS[p.fields.category] : null,
      state: p.state,
      committeeId: p.committeeId,
      committeeName: await lookup.committeeName(p.committeeId),
      hostId: p.hostId,
      hostName: p.hostName,
      committeeRank: p.committeeRank ?? null,
      committeeOpinion: p.committeeOpinion ?? null,
      budgetTotal: budgetTotal(p.fields.budget),
      assignments: views,
      aggregate: aggregate(scored.map((r) => r.total)),
      missingReviewers: views.filter((v) => !v.scored).map((v) => ({ reviewerId: v.reviewerId, reviewerName: v.reviewerName })),
      grantFen: p.grantFen ?? null,
    });
  }
  applications.sort(
    (a, b) =>
      (b.aggregate.average ?? -1) - (a.aggregate.average ?? -1) ||
      (a.committeeRank ?? Infinity) - (b.committeeRank ?? Infinity) ||
      byText<RoundApplication>((x) => x.title)(a, b),
  );

  const count = (s: ProjectState) => projects.filter((p) => p.state === s).length;
  const left = Math.max(batch.quota - taken, 0);
  const ranked = applications
    .filter((a) => a.state === 'under_review' && a.aggregate.average !== null)
    .map((a) => ({ id: a.projectId, score: a.aggregate.average ?? 0 }));
  const suggestion = selectForApproval(ranked, left);

  const reviewers = await Promise.all(
    holders.reviewers.map(async (r) => ({
      _id: r._id,
      name: r.profile.name,
      committeeId: r.profile.committeeId || null,
      committeeName: await committeeNameOf(lookup, r.profile.committeeId),
      assigned: assignedTo.get(r._id)?.length ?? 0,
      scored: scoredBy.get(r._id)?.length ?? 0,
    })),
  );
  reviewers.sort(byText((r) => r.name));

  const approveCheck = checkTransition({
    state: 'in_publicity',
    action: 'approve',
    actorRole: 'admin',
    midtermPassed: false,
    now: ctx.now,
    calendar: batch.calendar,
  });
  const approved = await countInStates(ctx.store, batch._id, APPROVED_STATES);
  return {
    batch: { _id: batch._id, name: batch.name, year: batch.year, grantPerProject: batch.grantPerProject, calendar: calendarView(batch.calendar) },
    rubric: [...rubricOf(batch)],
    rubricIsSuggested: !batch.rubric?.length,
    quota: batch.quota,
    taken,
    counts: {
      recommended: count('recommended'),
      underReview: count('under_review'),
      inPublicity: count('in_publicity'),
      approved,
      rejected: count('rejected'),
    },
    applications,
    reviewers,
    suggestion: { selectedIds: suggestion.selected.map((s) => s.id), tiedIds: suggestion.tiedAtCutoff.map((s) => s.id) },
    staged: (await stagedFor(ctx.store, batch._id)).filter((id) => applications.some((a) => a.projectId === id && a.state === 'under_review')),
    reviewWindowText: `${reviewWindowText(batch.calendar)}${checkReviewWindow(batch.calendar, ctx.now).ok ? '' : '（当前不在评审期内）'}`,
    publicityText: publicityText(batch.calendar),
    can: {
      open: count('recommended') > 0,
      assign: count('under_review') > 0,
      publicize: count('under_review') > 0,
      finalize: count('in_publicity') > 0,
      approve: count('in_publicity') > 0 && approveCheck.ok,
      setRubric: reviews.length === 0,
    },
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
