// The procedures a person waits for, called as the right people on the seeded university
// (seed-university.mjs): used by the bench (many calls, timed) and the budget test (round trips).
import { userIdFor } from '../../cloudfunctions/core/context';
import { BATCH_OPEN, BATCH_PAST, BATCH_REVIEW, NOW, committeeId, type SeededUniversity } from './seed-university.mjs';

export interface ProcedureCase {
  /** The procedure, as registered. */
  name: string;
  /** How the row reads, when one procedure has several (its budget is kept under this label). */
  label?: string;
  /** Each call makes a fresh document: no warm-up call. */
  write?: boolean;
  /** Caps the calls of the slow ones so the bench stays within a few minutes. */
  calls?: number;
  /** Who calls with what: call i of N (openid null is signed out). */
  call: (i: number) => [string | null, unknown];
  /** The hand-written SQL reading the same data (scripts/bench/hand-sql.mjs), null when there is none. */
  hand: ((i: number) => Record<string, unknown>) | null;
}

export const caseLabel = (c: ProcedureCase) => c.label ?? c.name;

export function procedureCases({ who, projects, brands }: SeededUniversity): ProcedureCase[] {
  const member = (i: number) => who.members[(i * 37 + 11) % who.members.length].openid;
  const secretary = (i: number) => who.secretaries[i % 60]; // the first secretary of committee i+1
  const reviewer = (i: number) => who.reviewers[i % who.reviewers.length].openid;
  const ADMIN = who.admins[0];
  const funded = [...projects[BATCH_PAST].cultivating, ...projects[BATCH_PAST].final_review];
  const drafts = projects[BATCH_OPEN].draft;
  const underReview = projects[BATCH_REVIEW].under_review;
  const newFields = (i: number) => ({
    title: `修改后的项目名称${i}`, contactPhone: '13800138000', category: 'integration', background: '背景说明（修改）。', goals: '建设目标（修改）。',
    measures: '主要举措（修改）。', innovation: '创新点。', milestones: [{ date: '2027-03-01', task: '完成方案' }], expectedOutcomes: '预期成果。',
    budget: [{ item: '资料印制费', amountFen: 120_050 }], brandId: null, attachments: [],
  });
  const at = NOW.toISOString();
  return [
    { name: 'home.open', call: (i) => [member(i), {}], hand: null },
    // The home card counts the whole queue (issue 27): as each role.
    { name: 'home.open', label: 'home.open (组织部)', calls: 10, call: () => [ADMIN, {}], hand: null },
    { name: 'home.open', label: 'home.open (secretary)', calls: 20, call: (i) => [secretary(i).openid, {}], hand: null },
    { name: 'home.open', label: 'home.open (reviewer)', calls: 20, call: (i) => [reviewer(i), {}], hand: null },
    { name: 'session.me', call: (i) => [member(i), {}], hand: (i) => ({ userId: userIdFor(member(i)) }) },
    { name: 'batch.list', call: (i) => [member(i), {}], hand: () => ({}) },
    { name: 'project.listMine', call: (i) => [funded[i].hostOpenid, {}], hand: (i) => ({ userId: userIdFor(funded[i].hostOpenid) }) },
    { name: 'project.get', call: (i) => [funded[i].hostOpenid, { id: funded[i]._id }], hand: (i) => ({ projectId: funded[i]._id }) },
    { name: 'project.saveDraft', write: true, call: (i) => [drafts[i].hostOpenid, { id: drafts[i]._id, version: 1, fields: newFields(i) }], hand: (i) => ({ projectId: drafts[200 + i]._id, fields: newFields(i), at }) },
    { name: 'project.submit', write: true, call: (i) => [drafts[100 + i].hostOpenid, { id: drafts[100 + i]._id, version: 1 }], hand: (i) => ({ projectId: drafts[300 + i]._id, userId: userIdFor(drafts[300 + i].hostOpenid), at, n: i }) },
    ...(['pending', 'recommended', 'decided', 'all'] as const).map(
      (view): ProcedureCase => ({
        name: 'committee.inbox',
        label: `committee.inbox (${view})`,
        call: (i) => [secretary(i).openid, { view }],
        hand: (i) => ({ committeeId: committeeId(secretary(i).committee), view }),
      }),
    ),
    // The inbox at a desk: the whole tab searched and sorted on the server, one page of it.
    { name: 'committee.inbox', label: 'committee.inbox (desk: all, by title, page 2)', call: (i) => [secretary(i).openid, { view: 'all', sort: 'title', page: 1, pageSize: 20 }], hand: null },
    { name: 'committee.inbox', label: 'committee.inbox (desk: search)', call: (i) => [secretary(i).openid, { view: 'all', q: '红色', pageSize: 50 }], hand: null },
    { name: 'committee.progress', call: (i) => [secretary(i).openid, { batchId: BATCH_OPEN }], hand: (i) => ({ committeeId: committeeId(secretary(i).committee), batchId: BATCH_OPEN }) },
    { name: 'review.myAssignments', call: (i) => [reviewer(i), {}], hand: (i) => ({ userId: userIdFor(reviewer(i)) }) },
    { name: 'review.roundStatus', label: 'review.roundStatus (open round)', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW }], hand: () => ({ batchId: BATCH_REVIEW }) },
    { name: 'review.roundStatus', label: 'review.roundStatus (2024, 17k reviews)', calls: 3, call: () => [ADMIN, { batchId: BATCH_PAST }], hand: () => ({ batchId: BATCH_PAST }) },
    // 评审与立项 as the page now calls it: the figures, a page of the list (best average first, or searched by committee), one application beside it, the reviewer pool.
    { name: 'review.roundList', label: 'review.roundList (open round)', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW }], hand: null },
    { name: 'review.roundList', label: 'review.roundList (2024, 17k reviews)', calls: 3, call: () => [ADMIN, { batchId: BATCH_PAST }], hand: null },
    { name: 'review.roundList', label: 'review.roundList (search, by committee)', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW, q: '红色', sort: 'committee', pageSize: 50 }], hand: null },
    { name: 'review.roundApplication', call: (i) => [ADMIN, { batchId: BATCH_REVIEW, projectId: underReview[i % underReview.length]._id }], hand: null },
    { name: 'review.roundReviewers', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW }], hand: null },
    // 各党委申报: one committee in every batch, and the whole school in one batch sorted by committee.
    { name: 'committee.applications', label: 'committee.applications (one committee)', call: (i) => [ADMIN, { committeeId: committeeId((i % 60) + 1) }], hand: null },
    { name: 'committee.applications', label: 'committee.applications (school, by committee)', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW, sort: 'committee' }], hand: null },
    { name: 'funding.list', calls: 5, call: () => [ADMIN, { batchId: BATCH_PAST }], hand: () => ({ batchId: BATCH_PAST }) },
    { name: 'funding.list', label: 'funding.list (by spent, one committee)', calls: 5, call: (i) => [ADMIN, { batchId: BATCH_PAST, sort: 'spent', committeeId: committeeId((i % 60) + 1) }], hand: null },
    { name: 'funding.list', label: 'funding.list (search, state, by committee)', calls: 5, call: () => [ADMIN, { batchId: BATCH_PAST, q: '工程', state: 'cultivating', sort: 'committee', pageSize: 50 }], hand: null },
    { name: 'funding.status', call: (i) => [funded[i].hostOpenid, { projectId: funded[i]._id }], hand: (i) => ({ projectId: funded[i]._id }) },
    { name: 'brand.library', call: (i) => [secretary(i).openid, {}], hand: (i) => ({ committeeId: committeeId(secretary(i).committee) }) },
    { name: 'brand.library', label: 'brand.library (组织部, by committee, page 2)', call: () => [ADMIN, { sort: 'committee', page: 1, pageSize: 50 }], hand: null },
    { name: 'brand.library', label: 'brand.library (search, by name)', call: (i) => [secretary(i).openid, { keyword: '先锋', sort: 'name' }], hand: null },
    { name: 'brand.publicList', call: () => [null, {}], hand: () => ({}) },
    { name: 'brand.public', call: (i) => [null, { id: brands.promoted[i % brands.promoted.length] }], hand: (i) => ({ brandId: brands.promoted[i % brands.promoted.length] }) },
    { name: 'people.find', call: (i) => [ADMIN, { staffNo: `T${String(1990_000 + 400 + i * 4).padStart(7, '0')}` }], hand: (i) => ({ staffNo: `T${String(1990_000 + 400 + i * 4).padStart(7, '0')}` }) },
    // 人员与角色: thirty thousand people paged in the store; deep in the list by committee; reviewers by number; a name's start among the confirmed.
    { name: 'people.list', label: 'people.list (by name)', call: (i) => [ADMIN, { page: i % 5 }], hand: null },
    { name: 'people.list', label: 'people.list (by committee, deep page)', calls: 10, call: (i) => [ADMIN, { sort: 'committee', page: 300 + i * 41, pageSize: 50 }], hand: null },
    { name: 'people.list', label: 'people.list (reviewers, by number)', calls: 10, call: () => [ADMIN, { role: 'reviewer', sort: 'staffNo', direction: 'desc' }], hand: null },
    { name: 'people.list', label: 'people.list (search, one committee)', call: (i) => [ADMIN, { q: '张', committeeId: committeeId((i % 60) + 1), profileStatus: 'confirmed' }], hand: null },
    // 我的待办 as each role (issue 27): the 组织部's queue reads the university's waiting work in aggregates.
    { name: 'todo.mine', label: 'todo.mine (member)', call: (i) => [member(i), {}], hand: null },
    { name: 'todo.mine', label: 'todo.mine (组织部)', calls: 10, call: () => [ADMIN, {}], hand: null },
    { name: 'todo.mine', label: 'todo.mine (secretary)', calls: 20, call: (i) => [secretary(i).openid, {}], hand: null },
    { name: 'todo.mine', label: 'todo.mine (reviewer)', calls: 20, call: (i) => [reviewer(i), {}], hand: null },
    { name: 'dashboard.university', calls: 5, call: () => [ADMIN, { batchId: BATCH_REVIEW }], hand: null },
    { name: 'dashboard.committee', calls: 10, call: (i) => [secretary(i).openid, { batchId: BATCH_REVIEW }], hand: null },
    // A funded round (2024: 1 400 applications, 17 000 score sheets, tranches and expenses): every figure the dashboards have.
    { name: 'dashboard.university', label: 'dashboard.university (2024, funded)', calls: 5, call: () => [ADMIN, { batchId: BATCH_PAST }], hand: null },
    { name: 'dashboard.committee', label: 'dashboard.committee (2024, funded)', calls: 10, call: (i) => [secretary(i).openid, { batchId: BATCH_PAST }], hand: null },
    // An export is a long action with a progress display, not a screen a person waits on: no budget.
    { name: 'export.applications', calls: 3, call: () => [ADMIN, { batchId: BATCH_REVIEW }], hand: null },
  ];
}
