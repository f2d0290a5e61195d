// The round-trip budgets, in one table: the budget test (test/budget.test.ts, in `npm test`)
// fails when a procedure goes over, and the bench prints each beside its figure.

/** Store round trips a procedure a person waits for may make (issue 15). */
export const TRIP_BUDGET = 8;
/** The model of a cloud database request: one network round trip of this many ms. */
export const MS_PER_TRIP = 25;
export const CLOUD_TIME_GOAL_MS = 250;
export const MODEL_HEADING = `modelled cloud ms = round trips × ${MS_PER_TRIP} ms + server ms (p50 on SQLite here); assumes every store request is one sequential ${MS_PER_TRIP} ms round trip to the cloud database (parallel reads would cost less), a warm function, and no callFunction overhead`;

export const modelledCloudMs = (trips: number, serverMs: number) => trips * MS_PER_TRIP + serverMs;

export interface TripBudget {
  trips: number;
  /**
   * Over the goal today and not fixed yet: the figure the test holds it to (it may not get worse)
   * and why. Not a raised budget: the bench prints it as over, with ✗.
   */
  over?: { trips: number; why: string };
}

const ok: TripBudget = { trips: TRIP_BUDGET };

/** By the case's label (scripts/bench/cases.ts), at the seeded university's scale. */
export const BUDGETS: Record<string, TripBudget> = {
  'home.open': ok,
  'home.open (组织部)': ok,
  'home.open (secretary)': ok,
  'home.open (reviewer)': ok,
  'session.me': ok,
  'batch.list': ok,
  'project.listMine': ok,
  'project.get': ok,
  'project.saveDraft': ok,
  // Was 13, then 9: the answer carries what changed (the page merges it) and is stored with the claim as the move's last write; extensions are read only after the batch's own deadline;
  // the committee's secretaries are told by one notice to the committee that the timed job writes out per secretary (jobs/fan-out.ts), so no roleIndex read and one write however many.
  'project.submit': ok,
  'committee.inbox (pending)': ok,
  'committee.inbox (recommended)': ok,
  'committee.inbox (decided)': ok,
  'committee.inbox (all)': ok,
  'committee.inbox (desk: all, by title, page 2)': ok,
  'committee.inbox (desk: search)': ok,
  'committee.progress': ok,
  'review.myAssignments': ok,
  // Was 70 and 361 (every row of the round in pages of 100); now the figures from aggregates, and the page's list, detail and pool each within the budget.
  'review.roundStatus (open round)': ok,
  'review.roundStatus (2024, 17k reviews)': ok,
  'review.roundList (open round)': ok,
  'review.roundList (2024, 17k reviews)': ok,
  'review.roundList (search, by committee)': ok,
  'review.roundApplication': ok,
  'review.roundReviewers': ok,
  'committee.applications (one committee)': ok,
  'committee.applications (school, by committee)': ok,
  // Were 7 and 8 (the tranches and expenses summed per project, a page per thousand): one aggregate of the projects, which carry their money's totals.
  'funding.list': ok,
  'funding.list (by spent, one committee)': ok,
  'funding.list (search, state, by committee)': ok,
  'funding.status': ok,
  'brand.library': ok,
  'brand.library (组织部, by committee, page 2)': ok,
  'brand.library (search, by name)': ok,
  'brand.publicList': ok,
  'brand.public': ok,
  'people.find': ok,
  'people.list (by name)': ok,
  'people.list (by committee, deep page)': ok,
  'people.list (reviewers, by number)': ok,
  'people.list (search, one committee)': ok,
  // The whole queue (issue 27): counts and aggregates, never a read per item.
  'todo.mine (member)': ok,
  'todo.mine (组织部)': ok,
  // 9 since staged results are shown as released (issue 30): the committee's applications read their release once.
  // To fix: brand slots and brands as one read of the committee's brands by year (issue 27's note).
  'todo.mine (secretary)': { trips: TRIP_BUDGET, over: { trips: 9, why: 'reads the staged results\' release beside the queue; brand slots and brands could be one read' } },
  'todo.mine (reviewer)': ok,
  // Were 66 and 56 (every document of the round in pages of 100), then 12 and 9 (aggregates per project), then 8 (per committee); now:
  // profile, committees (or the one), batches, the projects by state with their grants and money (the totals each project carries),
  // reviewer assignments (each marked scored with its sheet), brands; and the drafts while submissions are open.
  'dashboard.university': ok,
  'dashboard.committee': ok,
  'dashboard.university (2024, funded)': ok,
  'dashboard.committee (2024, funded)': ok,
};
