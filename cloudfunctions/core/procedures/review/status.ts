import type { ParsedInputOf } from '@shared/contracts';
import type { RoundStatus } from '@shared/contracts/review';
import { checkReviewWindow, selectForApproval } from '@shared/domain/project/review';
import { checkTransition, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { APPROVED_STATES, calendarView, loadBatch, PLACED_STATES, publicityText, reviewWindowText, rubricOf } from './batch';
import { readRoundIndex } from './round-index';
import { committeeNames, stagedUnderReview } from './round-list';
import { progressOf } from './round-rows';
import { byText } from './views';

/**
 * The 组织部's view of a batch's review round: its figures, places, the 优中选优 suggestion, the
 * staged 公示 list. The applications themselves are paged by review.roundList.
 */
export async function roundStatus(ctx: Context, input: ParsedInputOf<'review.roundStatus'>): Promise<RoundStatus> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const index = await readRoundIndex(ctx.store, batch._id);
  const apps = index.applications;
  const [names, staged] = await Promise.all([committeeNames(new Lookup(ctx.store), apps), stagedUnderReview(ctx, batch._id, apps)]);
  const inStates = index.inState;
  const count = (s: ProjectState) => apps.filter((a) => a.state === s).length;
  const taken = inStates(PLACED_STATES);
  const left = Math.max(batch.quota - taken, 0);
  const under = apps.filter((a) => a.state === 'under_review');
  const ranked = under
    .filter((a) => a.scores.average !== null)
    .sort((a, b) => (b.scores.average ?? 0) - (a.scores.average ?? 0) || (a.committeeRank ?? Infinity) - (b.committeeRank ?? Infinity) || byText<{ title: string }>((x) => x.title)(a, b))
    .map((a) => ({ id: a._id, score: a.scores.average ?? 0 }));
  const suggestion = selectForApproval(ranked, left);
  const selectedIds = suggestion.selected.map((s) => s.id);
  const named = new Set([...selectedIds, ...staged]);
  const shortlist = apps
    .filter((a) => named.has(a._id) || a.state === 'in_publicity')
    .sort((a, b) => (b.scores.average ?? -1) - (a.scores.average ?? -1) || byText<{ title: string }>((x) => x.title)(a, b))
    .map((a) => ({ projectId: a._id, title: a.title, state: a.state, committeeName: names.get(a.committeeId) ?? '', hostName: a.hostName, average: a.scores.average }));
  const committees = [...names.entries()]
    .map(([_id, name]) => ({ _id, name, count: apps.filter((a) => a.committeeId === _id).length }))
    .sort(byText((c) => c.name));

  const approveCheck = checkTransition({
    state: 'in_publicity',
    action: 'approve',
    actorRole: 'admin',
    midtermPassed: false,
    now: ctx.now,
    calendar: batch.calendar,
  });
  return {
    batch: { _id: batch._id, name: batch.name, year: batch.year, grantPerProject: batch.grantPerProject, calendar: calendarView(batch.calendar) },
    rubric: [...rubricOf(batch)],
    rubricIsSuggested: !batch.rubric?.length,
    quota: batch.quota,
    taken,
    counts: {
      recommended: count('recommended'),
      underReview: under.length,
      inPublicity: count('in_publicity'),
      approved: inStates(APPROVED_STATES),
      rejected: count('rejected'),
    },
    progress: {
      assigned: under.reduce((n, a) => n + a.assigned, 0),
      scored: under.reduce((n, a) => n + a.scores.count, 0),
      unassigned: under.filter((a) => progressOf(a) === 'unassigned').length,
      incomplete: under.filter((a) => progressOf(a) === 'incomplete').length,
    },
    committees,
    shortlist,
    suggestion: { selectedIds, tiedIds: suggestion.tiedAtCutoff.map((s) => s.id) },
    staged,
    reviewWindowText: `${reviewWindowText(batch.calendar)}${checkReviewWindow(batch.calendar, ctx.now).ok ? '' : '（当前不在评审期内）'}`,
    publicityText: publicityText(batch.calendar),
    can: {
      open: count('recommended') > 0,
      assign: under.length > 0,
      publicize: under.length > 0,
      finalize: count('in_publicity') > 0,
      approve: count('in_publicity') > 0 && approveCheck.ok,
      // The server refuses a new rubric once any review of the batch exists; placed projects were reviewed.
      setRubric: index.reviews === 0 && taken === 0,
    },
  };
}
