import { describe, expect, it } from 'vitest';
import type { BatchCalendar } from './batch';
import { barPercent, DashboardTally, defaultBatch, upcomingDates, UNKNOWN_COMMITTEE_NAME, type DraftFacts, type ProjectGroup } from './dashboard';
import type { ProjectState } from './project/state';

const COMMITTEES = [
  { _id: 'c-cs', name: '计算机与软件学院党委' },
  { _id: 'c-me', name: '机电与控制工程学院党委' },
  { _id: 'c-pe', name: '体育学院党总支' },
];

/** 2026-12-27 is the submission deadline: it holds until 23:59:59 Beijing time (15:59:59Z). */
const CALENDAR: BatchCalendar = {
  submissionDeadline: '2026-12-27',
  recommendationDeadline: '2027-01-06',
  reviewStart: '2027-01-07',
  midtermDate: '2027-06-25',
};
const BATCH = { calendar: CALENDAR };
const NOON_BEIJING = new Date('2026-11-27T04:00:00Z');

let n = 0;
/** One project, as a group of one and as a draft. */
function project(committeeId: string, state: ProjectState, extra: Partial<ProjectGroup & DraftFacts> = {}): ProjectGroup & DraftFacts {
  n += 1;
  return { committeeId, state, hostName: `主持人${n}`, title: `项目${n}`, updatedAt: `2026-11-2${n % 10}T00:00:00.000Z`, ...extra };
}

describe('DashboardTally: applications, states and phases per committee', () => {
  it('gives every committee a row, even with nothing yet, and counts submitted including later states', () => {
    const tally = new DashboardTally(COMMITTEES);
    tally.addProjects([
      project('c-cs', 'draft'),
      project('c-cs', 'returned'),
      project('c-cs', 'submitted'),
      project('c-cs', 'not_recommended'),
    ]);
    tally.addProjects([project('c-cs', 'recommended'), project('c-me', 'cultivating', { grantFen: 2_000_000 }), project('c-me', 'rejected')]);
    const { rows, totals } = tally.result(BATCH, NOON_BEIJING);

    expect(rows.map((r) => r.committeeId)).toEqual(['c-cs', 'c-me', 'c-pe']);
    const [cs, me, pe] = rows;
    expect(cs.applications).toEqual({ created: 5, notSubmitted: 2, submitted: 3, recommended: 1 });
    expect(me.applications).toEqual({ created: 2, notSubmitted: 0, submitted: 2, recommended: 2 });
    expect(pe.applications).toEqual({ created: 0, notSubmitted: 0, submitted: 0, recommended: 0 });
    expect(cs.states).toMatchObject({ draft: 1, returned: 1, submitted: 1, not_recommended: 1, recommended: 1, approved: 0 });
    expect(cs.phases).toEqual({ preparing: 2, with_committee: 1, in_review: 1, funded: 0, concluded: 0, stopped: 1 });
    expect(me.phases).toEqual({ preparing: 0, with_committee: 0, in_review: 0, funded: 1, concluded: 0, stopped: 1 });
    expect(totals.applications).toEqual({ created: 7, notSubmitted: 2, submitted: 5, recommended: 3 });
    expect(totals.committees).toBe(3);
    expect(Object.values(totals.states).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('takes a group of projects (an aggregate’s) just as the projects one by one', () => {
    const oneByOne = new DashboardTally(COMMITTEES).addProjects([
      project('c-cs', 'cultivating', { grantFen: 100 }),
      project('c-cs', 'cultivating', { grantFen: 250 }),
      project('c-me', 'draft'),
    ]);
    const grouped = new DashboardTally(COMMITTEES).addProjects([
      { committeeId: 'c-cs', state: 'cultivating', count: 2, grantFen: 350 },
      { committeeId: 'c-me', state: 'draft', count: 1, grantFen: 0 },
    ]);
    expect(grouped.result(BATCH, NOON_BEIJING)).toEqual(oneByOne.result(BATCH, NOON_BEIJING));
    expect(grouped.result(BATCH, NOON_BEIJING).totals.applications).toEqual({ created: 3, notSubmitted: 1, submitted: 2, recommended: 2 });
  });

  it('gives a project of a dissolved committee a row of its own, so the rows add up to the totals', () => {
    const { rows, totals } = new DashboardTally(COMMITTEES).addProjects([project('c-gone', 'submitted')]).result(BATCH, NOON_BEIJING);
    expect(rows.at(-1)).toMatchObject({ committeeId: 'c-gone', committeeName: UNKNOWN_COMMITTEE_NAME, applications: { submitted: 1 } });
    expect(totals.applications.submitted).toBe(1);
  });
});

describe('DashboardTally: reviews and money per committee, in fen', () => {
  it('adds up reviewers assigned, sheets in, tranches paid and expenses into each committee and the totals', () => {
    const tally = new DashboardTally(COMMITTEES)
      .addProjects([project('c-cs', 'cultivating', { grantFen: 10_001 }), project('c-me', 'under_review')])
      .addReviews([
        { committeeId: 'c-me', assigned: 3, done: 1 },
        { committeeId: 'c-cs', assigned: 1, done: 1 },
      ])
      .addPaid([{ committeeId: 'c-cs', amountFen: 5_000 }])
      .addSpent([{ committeeId: 'c-cs', amountFen: 1_234 }])
      .addSpent([{ committeeId: 'c-cs', amountFen: 1 }]);
    const { rows, totals } = tally.result(BATCH, NOON_BEIJING);
    const [cs, me, pe] = rows;
    expect(cs.money).toEqual({ grantedFen: 10_001, paidFen: 5_000, spentFen: 1_235 });
    expect(cs.reviews).toEqual({ assigned: 1, done: 1, missing: 0 });
    expect(me.reviews).toEqual({ assigned: 3, done: 1, missing: 2 });
    expect(me.money).toEqual({ grantedFen: 0, paidFen: 0, spentFen: 0 });
    expect(pe.reviews).toEqual({ assigned: 0, done: 0, missing: 0 });
    expect(totals.money).toEqual({ grantedFen: 10_001, paidFen: 5_000, spentFen: 1_235 });
    expect(totals.reviews).toEqual({ assigned: 4, done: 2, missing: 2 });
  });

  it('never counts more sheets in than reviewers assigned', () => {
    const [cs] = new DashboardTally(COMMITTEES).addReviews([{ committeeId: 'c-cs', assigned: 2, done: 3 }]).result(BATCH, NOON_BEIJING).rows;
    expect(cs.reviews).toEqual({ assigned: 2, done: 2, missing: 0 });
  });

  it('gives the money of a dissolved committee a row of its own, so the rows add up to the totals', () => {
    const { rows, totals } = new DashboardTally(COMMITTEES).addPaid([{ committeeId: 'c-gone', amountFen: 999 }]).result(BATCH, NOON_BEIJING);
    expect(rows.at(-1)).toMatchObject({ committeeId: 'c-gone', committeeName: UNKNOWN_COMMITTEE_NAME, money: { paidFen: 999 } });
    expect(totals.money.paidFen).toBe(999);
  });

  it('gives the same answer when asked twice', () => {
    const tally = new DashboardTally(COMMITTEES).addProjects([project('c-cs', 'cultivating', { grantFen: 10 })]).addPaid([{ committeeId: 'c-cs', amountFen: 5 }]);
    expect(tally.result(BATCH, NOON_BEIJING)).toEqual(tally.result(BATCH, NOON_BEIJING));
    expect(tally.result(BATCH, NOON_BEIJING).totals.money.paidFen).toBe(5);
  });
});

describe('DashboardTally: brands of the year', () => {
  it('shows none for a committee without a brand, the latest brand otherwise, and counts committees per status', () => {
    const tally = new DashboardTally(COMMITTEES);
    tally.addBrands([
      { committeeId: 'c-cs', state: 'draft', name: '旧名', updatedAt: '2026-01-01T00:00:00Z' },
      { committeeId: 'c-cs', state: 'accepted', name: '红色引擎', updatedAt: '2026-05-01T00:00:00Z' },
      { committeeId: 'c-me', state: 'submitted', name: '  ', updatedAt: '2026-05-01T00:00:00Z' },
      { committeeId: 'c-unknown', state: 'promoted', name: '不计入', updatedAt: '2026-05-01T00:00:00Z' },
    ]);
    const { rows, totals } = tally.result(null, NOON_BEIJING);
    expect(rows.map((r) => r.brand)).toEqual([
      { status: 'accepted', name: '红色引擎' },
      { status: 'submitted', name: null },
      { status: 'none', name: null },
    ]);
    expect(totals.brands).toEqual({ none: 1, draft: 0, submitted: 1, returned: 0, accepted: 1, promoted: 0 });
  });
});

describe('who has not submitted, until the deadline in Beijing time', () => {
  const tallyWithDrafts = () => {
    const projects = [
      project('c-me', 'draft', { hostName: '吴机电', title: '机电先锋草稿' }),
      project('c-cs', 'returned', { hostName: '张晓明', title: '  红色引擎  ' }),
      project('c-cs', 'submitted', { hostName: '李思雨' }),
    ];
    // Drafts are taken only in NOT_SUBMITTED_STATES: the submitted one given too is left out.
    return new DashboardTally(COMMITTEES).addProjects(projects).addDrafts(projects);
  };

  it('lists draft and returned hosts by committee, hiding a draft’s title, with the days left', () => {
    const { notSubmitted, submissionOpen } = tallyWithDrafts().result(BATCH, NOON_BEIJING);
    expect(submissionOpen).toBe(true);
    expect(notSubmitted).toEqual([
      expect.objectContaining({ hostName: '张晓明', committeeName: '计算机与软件学院党委', state: 'returned', title: '红色引擎', daysLeft: 30 }),
      expect.objectContaining({ hostName: '吴机电', committeeName: '机电与控制工程学院党委', state: 'draft', title: null, daysLeft: 30 }),
    ]);
  });

  it('still lists them at 23:59:59 on the deadline day (0 days left), and nobody one second later', () => {
    const lastSecond = new Date('2026-12-27T15:59:59Z');
    const after = new Date('2026-12-27T16:00:00Z');
    const open = tallyWithDrafts().result(BATCH, lastSecond);
    expect(open.notSubmitted.map((e) => e.daysLeft)).toEqual([0, 0]);
    const closed = tallyWithDrafts().result(BATCH, after);
    expect(closed.submissionOpen).toBe(false);
    expect(closed.notSubmitted).toEqual([]);
    // The rows still count them as not submitted.
    expect(closed.totals.applications.notSubmitted).toBe(2);
  });

  it('counts days in Beijing: 16:30 UTC on the 26th is already 00:30 on the 27th there', () => {
    const { notSubmitted } = tallyWithDrafts().result(BATCH, new Date('2026-12-26T16:30:00Z'));
    expect(notSubmitted[0].daysLeft).toBe(0);
  });
});

describe('upcoming dates of the batch calendar', () => {
  it('lists the dates still ahead in the notice’s order, today included', () => {
    expect(upcomingDates(CALENDAR, new Date('2027-01-06T10:00:00Z')).map((d) => [d.label, d.date, d.daysLeft])).toEqual([
      ['推荐截止', '2027-01-06', 0],
      ['评审开始', '2027-01-07', 1],
      ['中期验收', '2027-06-25', 170],
    ]);
    expect(upcomingDates(CALENDAR, NOON_BEIJING)[0]).toEqual({
      field: 'submissionDeadline',
      label: '申报截止',
      date: '2026-12-27',
      text: '2026年12月27日 23:59（北京时间）',
      daysLeft: 30,
    });
    expect(upcomingDates(CALENDAR, new Date('2027-06-25T16:00:00Z'))).toEqual([]);
  });
});

describe('the batch a dashboard opens on', () => {
  const batch = (_id: string, submissionDeadline: string, level: 'school' | 'committee' = 'school') => ({ _id, level, calendar: { submissionDeadline } });

  it('prefers an open batch, school-level first, then the latest deadline', () => {
    const batches = [batch('c-own', '2027-03-01', 'committee'), batch('later', '2027-02-01'), batch('sooner', '2026-12-27'), batch('old', '2022-06-29')];
    expect(defaultBatch(batches, NOON_BEIJING)?._id).toBe('later');
    expect(defaultBatch([batch('c-own', '2027-03-01', 'committee'), batch('old', '2022-06-29')], NOON_BEIJING)?._id).toBe('c-own');
  });

  it('falls back to the latest closed batch, and to none without batches', () => {
    expect(defaultBatch([batch('2021', '2021-06-01'), batch('2022', '2022-06-29')], NOON_BEIJING)?._id).toBe('2022');
    expect(defaultBatch([], NOON_BEIJING)).toBeNull();
  });
});

describe('bar lengths', () => {
  it('scales to the longest bar, keeps a sliver for small non-zero values, none for zero', () => {
    expect(barPercent(5, 10)).toBe(50);
    expect(barPercent(1, 1000)).toBe(2);
    expect(barPercent(0, 10)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
    expect(barPercent(10, 10)).toBe(100);
  });
});
