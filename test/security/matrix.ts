import type { ErrorCode } from '@shared/contracts';
import { SUGGESTED_RUBRIC } from '@shared/domain/project/review';
import { tranchesFor } from '@shared/domain/project/funding';
import { COMPLETE_FIELDS, OPEN_BATCH } from '../support/harness';
import { FULL_REPORT, HOST_ME, REVIEWER, REVIEWER2, OUTSIDER, STAGES, uid, type RoleName, type World } from './world';
import { HOST } from '../support/harness';

/**
 * The authorization matrix: for every procedure, who gets through — role (table) AND scope
 * (handler) — with an object in scope and one out of scope. Written out by hand, procedure by
 * procedure: it is the specification the server is measured against, not a copy of its table.
 *
 * Outcomes:
 * - allowed: the call passes access and scope. It answers with data, or — only where `refusedAs`
 *   says so — with a business refusal that comes after the access and scope checks
 *   (ALREADY_EXISTS, …).
 * - denied: anonymous and unbound callers get UNAUTHENTICATED; a bound caller gets FORBIDDEN,
 *   or NOT_FOUND where `deniedAs` says so (each such place says why). A denied call writes nothing.
 *
 * Scopes (see world.ts): `in` = an object of c-cs, which host/team/ownSecretary/reviewer relate to;
 * `out` = the same kind of object of c-me, where otherSecretary is in fact its own secretary and
 * every other role but admin is a stranger; `none` = a procedure without an object (the caller's
 * own data, or the whole school for the 组织部); other names are variants explained in place.
 *
 * Beyond this table, the test searches every response (and every exported file) for application
 * titles, brand names and the names of reviewers and objectors the caller may not know.
 */

export interface Case {
  /** The call's input, built from the world. */
  input: (w: World) => unknown;
  /** Roles that get through access and scope; every other role is denied. */
  allow: readonly RoleName[];
  /** Allowed roles that get a business refusal (after the access and scope checks) instead of data. */
  refusedAs?: Partial<Record<RoleName, ErrorCode>>;
  /** How a denied caller is refused, when it is not UNAUTHENTICATED (signed out / unbound) or FORBIDDEN. */
  deniedAs?: ErrorCode | Partial<Record<RoleName, ErrorCode>>;
  /** What an allowed caller must (not) see: returns problems, empty when the data is right. */
  sees?: (data: never, w: World, role: RoleName) => string[];
}

export type Entry = Record<string, Case>;

const BOUND: readonly RoleName[] = ['member', 'host', 'team', 'ownSecretary', 'otherSecretary', 'reviewer', 'otherReviewer', 'admin'];
/** Before the committee confirms a profile, only looking around is open (OPEN_BEFORE_CONFIRMATION). */
const LOOKING: readonly RoleName[] = [...BOUND, 'pending'];
const IDENTIFIED: readonly RoleName[] = ['unbound', ...LOOKING];
const EVERYONE: readonly RoleName[] = ['anonymous', ...IDENTIFIED];
const ADMIN: readonly RoleName[] = ['admin'];
/** Bound callers told "not found" (the signed out and the unbound are asked to sign in first). */
const NOT_FOUND_TO_BOUND: Partial<Record<RoleName, ErrorCode>> = Object.fromEntries(BOUND.map((r) => [r, 'NOT_FOUND']));
const SECRETARIES: readonly RoleName[] = ['ownSecretary', 'otherSecretary'];
/** Readers of a submitted application: host, team, its committee, the reviewers assigned to it, the 组织部. */
const PROJECT_READERS: readonly RoleName[] = ['host', 'team', 'ownSecretary', 'reviewer', 'admin'];
const OWN_COMMITTEE: readonly RoleName[] = ['ownSecretary', 'admin'];
const OTHER_COMMITTEE: readonly RoleName[] = ['otherSecretary', 'admin'];

const problem = (ok: boolean, text: string) => (ok ? [] : [text]);
/** An export's data rows, per role: whose rows went into the file. */
const rowsFor = (want: Partial<Record<RoleName, number>>) => (data: { rows: number }, _w: World, role: RoleName) =>
  problem(data.rows === want[role], `${data.rows} rows exported, expected ${want[role]}`);
const idsOf = (items: Array<{ _id?: string; projectId?: string }>) => items.map((i) => i._id ?? i.projectId);

const calendar = { submissionDeadline: '2026-12-27', recommendationDeadline: '2027-01-06' };
const batchFields = { year: 2026, calendar, grantPerProject: 500_000, quota: 3, noticeTitle: '', paperInstructions: '' };
const profile = { name: '新同志', staffNo: 'S20260001', kind: 'student', committeeId: 'c-cs', branchId: 'b-cs-s2', politicalStatus: 'full_member', isPartyWorker: false };
const fullScores = Object.fromEntries(SUGGESTED_RUBRIC.map((c) => [c.key, c.max]));
const RECEIPT = 'cloud://env/receipts/r1.jpg';

/** Who has not submitted is named, but a draft's title stays the host's (and there is a draft in the batch shown). */
const draftsUntitled = (data: { notSubmitted: Array<{ state: string; title: string | null }> }) => {
  const drafts = data.notSubmitted.filter((n) => n.state === 'draft');
  return [...problem(drafts.length > 0, 'no draft listed as not submitted'), ...problem(drafts.every((d) => d.title === null), 'a draft’s title is shown')];
};

/** Both committees' c-cs/c-me variants of one kind of object-taking case. */
function scoped(input: (w: World, side: 'cs' | 'me') => unknown, inAllow: readonly RoleName[], outAllow: readonly RoleName[], extra: Omit<Case, 'input' | 'allow'> = {}): Entry {
  return {
    in: { input: (w) => input(w, 'cs'), allow: inAllow, ...extra },
    out: { input: (w) => input(w, 'me'), allow: outAllow, ...extra },
  };
}

export const MATRIX: Record<string, Entry> = {
  // —— Identity: any caller with a platform identity, bound or not.
  'session.me': { none: { input: () => ({}), allow: IDENTIFIED } },
  'home.open': { none: { input: () => ({}), allow: IDENTIFIED } },
  'org.tree': { none: { input: () => ({}), allow: IDENTIFIED } },
  'profile.bind': {
    none: {
      input: () => profile,
      allow: IDENTIFIED,
      // A bound person cannot bind again (or over someone else: identity comes from the platform).
      refusedAs: Object.fromEntries(LOOKING.map((r) => [r, 'ALREADY_EXISTS'])),
    },
  },

  // —— Batches.
  'batch.list': {
    none: {
      input: () => ({}),
      allow: LOOKING,
      // A committee's own batch is listed to its people (profile or secretary) and the 组织部 only.
      sees: (data: Array<{ _id: string }>, w, role) => {
        const ids = idsOf(data);
        const seesCs = ['pending', 'member', 'host', 'team', 'ownSecretary', 'admin'].includes(role);
        const seesMe = ['otherSecretary', 'admin'].includes(role);
        return [
          ...problem(ids.includes(w.committeeBatches.cs.id) === seesCs, `c-cs committee batch listed: ${!seesCs}`),
          ...problem(ids.includes(w.committeeBatches.me.id) === seesMe, `c-me committee batch listed: ${!seesMe}`),
        ];
      },
    },
  },
  'batch.create': {
    ...scoped((_w, side) => ({ ...batchFields, name: '自行培育批次二', level: 'committee', committeeId: `c-${side}` }), OWN_COMMITTEE, OTHER_COMMITTEE),
    // School batches belong to the 组织部 alone.
    school: { input: () => ({ ...batchFields, name: '校级批次', level: 'school' }), allow: ADMIN },
  },
  'batch.update': {
    ...scoped((w, side) => ({ id: w.committeeBatches[side].id, version: w.committeeBatches[side].version, ...batchFields, name: '自行培育批次（修订）' }), OWN_COMMITTEE, OTHER_COMMITTEE),
    school: { input: (w) => ({ id: w.schoolBatch.id, version: w.schoolBatch.version, ...batchFields, name: '校级批次（修订）' }), allow: ADMIN },
  },
  'batch.extendDeadline': {
    ...scoped((w, side) => ({ id: w.committeeBatches[side].id, version: w.committeeBatches[side].version, field: 'submissionDeadline', date: '2026-12-30', reason: '延长申报' }), OWN_COMMITTEE, OTHER_COMMITTEE),
    school: { input: (w) => ({ id: w.schoolBatch.id, version: w.schoolBatch.version, field: 'submissionDeadline', date: '2026-12-30', reason: '延长申报' }), allow: ADMIN },
  },
  'batch.get': {
    // A committee's own batch: its members (by profile), its secretaries, the 组织部.
    ...scoped((w, side) => ({ id: w.committeeBatches[side].id }), ['pending', 'member', 'host', 'team', 'ownSecretary', 'admin'], OTHER_COMMITTEE),
    school: { input: (w) => ({ id: w.schoolBatch.id }), allow: LOOKING },
  },

  // —— Applications.
  'project.create': {
    // Applying in a committee's own batch: members of that committee only (the 组织部's 刘芳 is of c-med).
    ...scoped((w, side) => ({ batchId: w.committeeBatches[side].id }), ['member', 'host', 'team', 'ownSecretary'], ['otherSecretary']),
    // A school batch: any 党员; the host already holds this batch's one project.
    school: { input: () => ({ batchId: OPEN_BATCH }), allow: BOUND, refusedAs: { host: 'ALREADY_EXISTS' } },
  },
  'project.get': {
    ...scoped((w, side) => ({ id: w.projects.underReview[side].id }), PROJECT_READERS, OTHER_COMMITTEE),
    // Drafts stay private to the host and the team: not even the committee or the 组织部 read them.
    draft: { input: (w) => ({ id: w.projects.draft.cs.id }), allow: ['host', 'team'] },
  },
  'project.listMine': {
    none: {
      input: () => ({}),
      allow: LOOKING,
      sees: (data: unknown[], _w, role) => problem(data.length === (role === 'host' ? STAGES.length : 0), `${data.length} own projects listed`),
    },
  },
  'project.saveDraft': scoped((w, side) => ({ id: w.projects.draft[side].id, version: w.projects.draft[side].version, fields: COMPLETE_FIELDS }), ['host'], []),
  'project.submit': scoped((w, side) => ({ id: w.projects.draft[side].id, version: w.projects.draft[side].version }), ['host'], []),
  'project.withdraw': scoped((w, side) => ({ id: w.projects.submitted[side].id, version: w.projects.submitted[side].version }), ['host'], []),

  // —— The committee's desk.
  'committee.inbox': scoped((_w, side) => ({ committeeId: `c-${side}`, view: 'all' }), OWN_COMMITTEE, OTHER_COMMITTEE, {
    // 全部 never shows drafts: they are the host's until submitted.
    sees: (data: { items: Array<{ _id: string }> }, w) => problem(!idsOf(data.items).some((id) => id === w.projects.draft.cs.id || id === w.projects.draft.me.id), 'a draft is listed'),
  }),
  // 推荐 is the secretary's own: the 组织部 does not decide for a committee.
  'committee.decide': scoped((w, side) => ({ id: w.projects.submitted[side].id, version: w.projects.submitted[side].version, decision: 'recommend', comment: '同意推荐', rank: 1 }), ['ownSecretary'], ['otherSecretary']),
  'committee.progress': scoped((_w, side) => ({ committeeId: `c-${side}`, batchId: OPEN_BATCH }), OWN_COMMITTEE, OTHER_COMMITTEE),
  // 各党委申报: the 组织部's list across the school; a secretary uses their own inbox, even for their own committee.
  'committee.applications': {
    ...scoped((_w, side) => ({ committeeId: `c-${side}`, batchId: OPEN_BATCH, sort: 'title' }), ADMIN, ADMIN, {
      sees: (data: { items: Array<{ state: string }> }) => problem(!data.items.some((p) => p.state === 'draft'), 'a draft is listed'),
    }),
    school: { input: () => ({ batchId: OPEN_BATCH, q: '' }), allow: ADMIN },
  },

  // —— People and roles: the 组织部 only.
  // —— 扫码登录: the PC's ticket and poll are open (limited per IP); the phone answers as itself.
  'pcLogin.start': { none: { input: () => ({ browser: 'Chrome/120' }), allow: EVERYONE } },
  'pcLogin.poll': { none: { input: (w) => w.pcTicket, allow: EVERYONE } },
  'pcLogin.describe': { none: { input: (w) => ({ ticketId: w.pcTicket.ticketId }), allow: BOUND } },
  // Not scanned yet: whoever may answer is told it cannot be answered now.
  'pcLogin.answer': {
    none: { input: (w) => ({ ticketId: w.pcTicket.ticketId, confirm: true }), allow: BOUND, refusedAs: Object.fromEntries(BOUND.map((r) => [r, 'INVALID_TRANSITION'])) },
  },
  'pcSession.mine': { none: { input: () => ({}), allow: BOUND } },
  // Someone else's PC reads as not found.
  'pcSession.signOut': {
    own: { input: (w) => ({ sessionId: w.hostPcSession }), allow: ['host'], deniedAs: Object.fromEntries(BOUND.filter((r) => r !== 'host').map((r) => [r, 'NOT_FOUND'])) },
  },
  'pcSession.ofPerson': { none: { input: () => ({ userId: uid(HOST) }), allow: ADMIN } },
  'pcSession.signOutAll': { none: { input: () => ({ userId: uid(HOST) }), allow: ADMIN } },
  'people.find': { none: { input: () => ({ staffNo: 'T2009031' }), allow: ADMIN } },
  'people.list': { none: { input: () => ({ profileStatus: 'pending', sort: 'committee' }), allow: ADMIN } },
  'people.grant': { none: { input: () => ({ userId: uid(OUTSIDER), role: 'reviewer' }), allow: ADMIN } },
  'people.revoke': { none: { input: () => ({ userId: uid(REVIEWER2), role: 'reviewer' }), allow: ADMIN } },
  'people.withRole': { none: { input: () => ({ role: 'reviewer' }), allow: ADMIN } },
  // A bound profile is confirmed by its own committee (or the 组织部). Someone else's pending
  // person is not found for a secretary (who is bound elsewhere is not theirs to learn).
  'people.pending': scoped((_w, side) => ({ committeeId: `c-${side}` }), OWN_COMMITTEE, OTHER_COMMITTEE, {
    sees: (data: { items: Array<{ name: string }> }, _w, role) => problem(data.items.length === 1, `${role} sees ${data.items.length} pending people`),
  }),
  'people.confirm': scoped((w, side) => ({ userId: w.pending[side].id, version: w.pending[side].version, accept: true }), OWN_COMMITTEE, OTHER_COMMITTEE, {
    deniedAs: { ownSecretary: 'NOT_FOUND', otherSecretary: 'NOT_FOUND' },
  }),

  // —— The team.
  'team.invite': scoped((w, side) => ({ projectId: w.projects.draft[side].id }), ['host'], []),
  // Deliberate: anyone bound holding a valid invitation may look at it and join (跨学院、跨部门组队);
  // the token is the scope. The host and a member already on the team are told so.
  'team.preview': scoped((w, side) => ({ token: w.invitations[side] }), LOOKING, LOOKING, {
    sees: (data: { projectId: string; alreadyMember: boolean }, w, role) =>
      problem(data.alreadyMember === ((role === 'host' || role === 'team') && data.projectId === w.projects.draft.cs.id), `alreadyMember ${data.alreadyMember}`),
  }),
  'team.join': {
    in: { input: (w) => ({ token: w.invitations.cs }), allow: BOUND, refusedAs: { host: 'ALREADY_EXISTS', team: 'ALREADY_EXISTS' } },
    out: { input: (w) => ({ token: w.invitations.me }), allow: BOUND },
  },
  'team.list': {
    ...scoped((w, side) => ({ projectId: w.projects.underReview[side].id }), PROJECT_READERS, OTHER_COMMITTEE),
    draft: { input: (w) => ({ projectId: w.projects.draft.cs.id }), allow: ['host', 'team'] },
  },
  'team.remove': {
    // The host removes a member; a member may leave by themselves.
    in: { input: (w) => ({ projectId: w.projects.draft.cs.id, userId: uid('dev-member-2') }), allow: ['host', 'team'] },
    out: {
      input: (w) => ({ projectId: w.projects.draft.me.id, userId: uid('dev-member-2') }),
      allow: [],
      // 李思雨 "leaving" a team she is not on is told she is not a member (NOT_FOUND)…
      deniedAs: { team: 'NOT_FOUND' },
    },
    // …whatever the project's state: the call is no probe of another project's state (it answered
    // INVALID_TRANSITION for a submitted project before the membership check came first).
    outSubmitted: { input: (w) => ({ projectId: w.projects.submitted.me.id, userId: uid('dev-member-2') }), allow: [], deniedAs: { team: 'NOT_FOUND' } },
    // Once submitted, the team is fixed: the host and the member are refused by the state.
    inSubmitted: {
      input: (w) => ({ projectId: w.projects.submitted.cs.id, userId: uid('dev-member-2') }),
      allow: ['host', 'team'],
      refusedAs: { host: 'INVALID_TRANSITION', team: 'INVALID_TRANSITION' },
    },
  },
  'project.listJoined': {
    none: {
      input: () => ({}),
      allow: LOOKING,
      sees: (data: unknown[], _w, role) => problem(data.length === (role === 'team' ? STAGES.length : 0), `${data.length} joined projects listed`),
    },
  },

  // —— Brands.
  'brand.mine': scoped((_w, side) => ({ committeeId: `c-${side}`, year: 2026 }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.create': scoped((_w, side) => ({ committeeId: `c-${side}`, year: 2027 }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.get': {
    ...scoped((w, side) => ({ id: w.brands.draft[side].id }), OWN_COMMITTEE, OTHER_COMMITTEE),
    // Deliberate: once accepted into the 资源库, every committee's secretaries may read a brand.
    library: {
      input: (w) => ({ id: w.brands.accepted.cs.id }),
      allow: [...SECRETARIES, 'admin'],
      // The brand, not the committee's applications: the projects a carrier may link (titles of
      // submitted, returned, not recommended… applications) are for the committee and the 组织部.
      // Nor its internal file: the review history, return comments and the cultivation team.
      sees: (data: { linkableProjects: unknown[]; timeline: unknown[]; cultivation: unknown; returnComment: unknown }, _w, role) => [
        ...problem((data.linkableProjects.length > 0) === (role !== 'otherSecretary'), `${data.linkableProjects.length} linkable projects shown`),
        ...problem((data.timeline.length > 0) === (role !== 'otherSecretary'), `${data.timeline.length} timeline entries shown`),
        ...problem(role !== 'otherSecretary' || (data.cultivation === null && data.returnComment === null), 'cultivation or return comment shown'),
      ],
    },
  },
  'brand.save': scoped((w, side) => ({ id: w.brands.draft[side].id, version: w.brands.draft[side].version, report: FULL_REPORT }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.submit': scoped((w, side) => ({ id: w.brands.draft[side].id, version: w.brands.draft[side].version }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.review': scoped((w, side) => ({ id: w.brands.submitted[side].id, version: w.brands.submitted[side].version, decision: 'accept', comment: '' }), ADMIN, ADMIN),
  'brand.library': scoped((_w, side) => ({ committeeId: `c-${side}` }), [...SECRETARIES, 'admin'], [...SECRETARIES, 'admin'], {
    // Another committee's brands show only once in the 资源库 (accepted or promoted).
    sees: (data: { items: Array<{ _id: string; committeeId: string }> }, w, role) => {
      const ids = idsOf(data.items);
      const unaccepted = (side: 'cs' | 'me') => [w.brands.draft[side].id, w.brands.submitted[side].id];
      const own = role === 'ownSecretary' ? 'cs' : role === 'otherSecretary' ? 'me' : null;
      const hidden = role === 'admin' ? [] : own === 'cs' ? unaccepted('me') : unaccepted('cs');
      return problem(!ids.some((id) => hidden.includes(id as string)), 'another committee’s unaccepted brand is listed');
    },
  }),
  'brand.setCultivation': scoped((w, side) => ({ id: w.brands.accepted[side].id, version: w.brands.accepted[side].version, plan: '三年培育计划', leader: '张书记', cadre: '李老师' }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.addProgress': scoped((w, side) => ({ brandId: w.brands.accepted[side].id, date: '2026-12-09', text: '开展先锋讲堂第十期。', photos: [], stage: 'practice' }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'brand.promote': scoped((w, side) => ({ id: w.brands.accepted[side].id, version: w.brands.accepted[side].version }), ADMIN, ADMIN),
  'brand.addEvent': scoped((w, side) => ({ brandId: w.brands.promoted[side].id, kind: 'symposium', date: '2026-12-09', place: '学院报告厅', report: '召开品牌建设座谈交流会。' }), ADMIN, ADMIN),
  // Public showcase: anyone, signed out too, sees a promoted brand.
  'brand.public': {
    ...scoped((w, side) => ({ id: w.brands.promoted[side].id }), EVERYONE, EVERYONE),
    // A brand not promoted has no public page, and its existence is not revealed (NOT_FOUND, to
    // everyone, its own committee included: they read it through brand.get).
    hidden: { input: (w) => ({ id: w.brands.accepted.cs.id }), allow: [], deniedAs: 'NOT_FOUND' },
  },
  'brand.posterCode': {
    ...scoped((w, side) => ({ id: w.brands.promoted[side].id }), EVERYONE, EVERYONE),
    hidden: { input: (w) => ({ id: w.brands.draft.cs.id }), allow: [], deniedAs: 'NOT_FOUND' },
  },
  // Measured influence (五有 #5): the figures for the brand's committee and the 组织部; a project's for its host too.
  'brand.influence': scoped((w, side) => ({ brandId: w.brands.promoted[side].id }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'project.influence': scoped((w, side) => ({ projectId: w.projects.approved[side].id }), ['host', 'ownSecretary', 'admin'], OTHER_COMMITTEE),
  // Shares and likes of a public page: anyone; a like needs someone to recognise (a WeChat user or a browser's cookie).
  'influence.share': scoped((w, side) => ({ target: { kind: 'brand', id: w.brands.promoted[side].id }, kind: 'chat' }), EVERYONE, EVERYONE),
  'influence.like': {
    ...scoped((w, side) => ({ target: { kind: 'brand', id: w.brands.promoted[side].id } }), IDENTIFIED, IDENTIFIED),
    // Not public yet: nothing to like, and its existence is not revealed.
    hidden: { input: (w) => ({ target: { kind: 'brand', id: w.brands.accepted.cs.id } }), allow: [], deniedAs: 'NOT_FOUND' },
  },
  'influence.likes': scoped((w, side) => ({ target: { kind: 'brand', id: w.brands.promoted[side].id } }), EVERYONE, EVERYONE),
  'brand.wall': {
    none: {
      input: () => ({}),
      allow: EVERYONE,
      sees: (data: { items: Array<{ _id: string }> }, w) => {
        const ids = idsOf(data.items).sort();
        return problem(JSON.stringify(ids) === JSON.stringify([w.brands.promoted.cs.id, w.brands.promoted.me.id].sort()), `品牌墙 lists ${ids.join(',')}`);
      },
    },
  },
  'brand.publicList': {
    none: {
      input: () => ({}),
      allow: EVERYONE,
      sees: (data: Array<{ _id: string }>, w) => {
        const ids = idsOf(data).sort();
        return problem(JSON.stringify(ids) === JSON.stringify([w.brands.promoted.cs.id, w.brands.promoted.me.id].sort()), `public list is ${ids.join(',')}`);
      },
    },
  },
  'branchFeature.list': scoped((_w, side) => ({ committeeId: `c-${side}`, year: 2026 }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'branchFeature.save': scoped((_w, side) => ({ branchId: `b-${side}-t1`, year: 2026, name: '先锋支部', description: '', version: null }), OWN_COMMITTEE, OTHER_COMMITTEE),

  // —— 立项评审, 公示, 立项: the 组织部 acts on every batch (no committee scope to be out of).
  'review.roundStatus': { batch: { input: (w) => ({ batchId: w.batches.underReview }), allow: ADMIN } },
  'review.roundList': {
    batch: { input: (w) => ({ batchId: w.batches.underReview }), allow: ADMIN },
    filtered: { input: (w) => ({ batchId: w.batches.underReview, committeeId: 'c-me', sort: 'title', direction: 'desc', page: 0, pageSize: 50, q: '' }), allow: ADMIN },
  },
  'review.roundApplication': scoped((w, side) => ({ batchId: w.batches.underReview, projectId: w.projects.underReview[side].id }), ADMIN, ADMIN),
  'review.roundReviewers': { batch: { input: (w) => ({ batchId: w.batches.underReview }), allow: ADMIN } },
  'review.setRubric': { batch: { input: (w) => ({ batchId: w.batches.underReview, rubric: [{ key: 'overall', label: '综合评价', weight: 100, max: 100 }] }), allow: ADMIN } },
  'review.open': { batch: { input: (w) => ({ batchId: w.batches.recommended }), allow: ADMIN } },
  'review.assign': scoped((w, side) => ({ batchId: w.batches.underReview, projectId: w.projects.underReview[side].id, reviewerIds: [uid(REVIEWER), uid(REVIEWER2)] }), ADMIN, ADMIN),
  // —— Bulk actions at a desk: the single action's roles; out of scope refuses the whole list.
  'review.assignMany': { both: { input: (w) => ({ batchId: w.batches.underReview, projectIds: [w.projects.underReview.cs.id, w.projects.underReview.me.id], reviewerIds: [uid(REVIEWER2)] }), allow: ADMIN } },
  'review.stagePublicity': { batch: { input: (w) => ({ batchId: w.batches.underReview, projectIds: [w.projects.underReview.cs.id] }), allow: ADMIN } },
  'funding.disburseMany': {
    both: { input: (w) => ({ tranche: 1, items: [{ projectId: w.projects.approved.cs.id, amountFen: tranchesFor(w.grantFen)[1] }, { projectId: w.projects.approved.me.id, amountFen: tranchesFor(w.grantFen)[1] }] }), allow: ADMIN },
  },
  // A secretary's list with one person of another committee in it is refused as a whole.
  'people.confirmMany': {
    ...scoped((w, side) => ({ items: [{ userId: w.pending[side].id, version: w.pending[side].version }] }), OWN_COMMITTEE, OTHER_COMMITTEE, { deniedAs: { ownSecretary: 'NOT_FOUND', otherSecretary: 'NOT_FOUND' } }),
    both: { input: (w) => ({ items: [{ userId: w.pending.cs.id, version: w.pending.cs.version }, { userId: w.pending.me.id, version: w.pending.me.version }] }), allow: ADMIN, deniedAs: { ownSecretary: 'NOT_FOUND', otherSecretary: 'NOT_FOUND' } },
  },
  'committee.reorderRanks': scoped((w, side) => ({ batchId: w.batches.recommended, committeeId: `c-${side}`, projectIds: [w.projects.recommended[side].id] }), ['ownSecretary'], ['otherSecretary']),
  'review.autoAssign': { batch: { input: (w) => ({ batchId: w.batches.underReview, perApplication: 1 }), allow: ADMIN } },
  'review.myAssignments': {
    none: {
      input: () => ({}),
      allow: ['reviewer', 'otherReviewer'],
      // Reviewers see only what is assigned to them: 赵明 the c-cs projects sent to review, 周健 nothing.
      sees: (data: Array<{ projectId: string }>, w, role) => {
        const want = role === 'reviewer' ? (['underReview', 'publicity', 'approved', 'cultivating', 'midterm', 'passed', 'final'] as const).map((s) => w.projects[s].cs.id).sort() : [];
        const got = data.map((a) => a.projectId).sort();
        return problem(JSON.stringify(got) === JSON.stringify(want), `assignments listed: ${got.join(',')}`);
      },
    },
  },
  // Only a reviewer assigned to the application scores it.
  'review.score': scoped((w, side) => ({ projectId: w.projects.underReview[side].id, scores: fullScores, comment: '材料翔实' }), ['reviewer'], []),
  'review.publicize': { batch: { input: (w) => ({ batchId: w.batches.underReview, projectIds: [w.projects.underReview.cs.id], publicityStart: '2026-12-10', publicityEnd: '2026-12-20' }), allow: ADMIN } },
  // 公示名单 is public (title, committee, host only).
  'review.publicityList': {
    none: {
      input: (w) => ({ batchId: w.batches.publicity }),
      allow: EVERYONE,
      sees: (data: { items: Array<{ projectId: string }> }, w) => {
        const got = data.items.map((i) => i.projectId).sort();
        return problem(JSON.stringify(got) === JSON.stringify([w.projects.publicity.cs.id, w.projects.publicity.me.id].sort()), `publicity list ${got.join(',')}`);
      },
    },
  },
  // Deliberate: any bound person may raise an objection to a project during its 公示.
  'review.object': {
    ...scoped((w, side) => ({ projectId: w.projects.publicity[side].id, text: '对该项目有异议，请核实。' }), BOUND, BOUND),
    // Anything not in 公示 is not there for an objector: not its title, not its state.
    draft: { input: (w) => ({ projectId: w.projects.draft.me.id, text: '对该项目有异议，请核实。' }), allow: [], deniedAs: NOT_FOUND_TO_BOUND },
    approved: { input: (w) => ({ projectId: w.projects.approved.cs.id, text: '对该项目有异议，请核实。' }), allow: [], deniedAs: NOT_FOUND_TO_BOUND },
  },
  'review.objections': { batch: { input: (w) => ({ batchId: w.batches.publicity }), allow: ADMIN } },
  // 异议处理 is the 组织部's alone.
  'review.findObjection': { objection: { input: (w) => ({ objectionId: w.objection, verdict: 'dismissed', remedy: null, reason: '经核实，预算表与实际一致。' }), allow: ADMIN } },
  'review.finalize': scoped((w, side) => ({ batchId: w.batches.publicity, approve: [], reject: [{ projectId: w.projects.publicity[side].id, reason: '异议属实' }] }), ADMIN, ADMIN),

  // —— Funding, 培育, 中期 and 结项. Readers: the host, the project's committee, the 组织部 — not the
  // team (deliberate for now: the money and the acceptance papers are the host's and the committee's).
  'funding.list': { batch: { input: (w) => ({ batchId: w.batches.cultivating }), allow: ADMIN } },
  'funding.status': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id }), ['host', ...OWN_COMMITTEE], OTHER_COMMITTEE),
  'funding.disburse': scoped((w, side) => ({ projectId: w.projects.approved[side].id, tranche: 1, amountFen: tranchesFor(w.grantFen)[1], note: '' }), ADMIN, ADMIN),
  'funding.setMatching': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id, amountFen: 50_000, note: '学院配套' }), OWN_COMMITTEE, OTHER_COMMITTEE),
  'funding.addExpense': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id, date: '2026-12-09', item: '资料印制', amountFen: 10_000, receipts: [RECEIPT] }), ['host'], []),
  // 培育指导 is the committee's own work: the 组织部 reads it but does not write it.
  'guidance.add': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id, date: '2026-12-09', kind: 'visit', text: '走访项目团队，了解进展。' }), ['ownSecretary'], ['otherSecretary']),
  'guidance.list': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id }), ['host', ...OWN_COMMITTEE], OTHER_COMMITTEE),
  'midterm.submit': scoped((w, side) => ({ projectId: w.projects.cultivating[side].id, version: w.projects.cultivating[side].version, progress: '进展顺利。', results: '形成初步成果。', spendingNote: '按计划支出。', changeRequests: '' }), ['host'], []),
  'midterm.decide': scoped((w, side) => ({ projectId: w.projects.midterm[side].id, version: w.projects.midterm[side].version, pass: true, comment: '' }), ADMIN, ADMIN),
  'final.save': scoped((w, side) => ({ projectId: w.projects.passed[side].id, reportVersion: w.finalReportVersions[side], summary: '按计划完成。', outcomes: [] }), ['host'], []),
  // 结项材料 are submitted by the project's committee (notice 三(二)4).
  'final.submit': scoped((w, side) => ({ projectId: w.projects.passed[side].id, version: w.projects.passed[side].version }), ['ownSecretary'], ['otherSecretary']),
  'final.recordDefense': scoped((w, side) => ({ projectId: w.projects.final[side].id, date: '2026-12-09', panel: ['王教授'], result: '答辩通过。' }), ADMIN, ADMIN),
  'final.decide': scoped((w, side) => ({ projectId: w.projects.final[side].id, version: w.projects.final[side].version, pass: true, comment: '' }), ADMIN, ADMIN),
  'project.reports': scoped((w, side) => ({ projectId: w.projects.final[side].id }), ['host', ...OWN_COMMITTEE], OTHER_COMMITTEE),

  // —— Paper copies (.docx): the reading rights of project.get and brand.get.
  'export.application': {
    ...scoped((w, side) => ({ projectId: w.projects.underReview[side].id }), PROJECT_READERS, OTHER_COMMITTEE),
    // A draft's 申报书 is the host's and the team's only, as the draft itself.
    draft: { input: (w) => ({ projectId: w.projects.draft.cs.id }), allow: ['host', 'team'] },
  },
  'export.brandReport': {
    ...scoped((w, side) => ({ brandId: w.brands.draft[side].id }), OWN_COMMITTEE, OTHER_COMMITTEE),
    // Deliberate, as brand.get: a brand in the 资源库 may be read, and so printed, by any committee.
    library: { input: (w) => ({ brandId: w.brands.accepted.cs.id }), allow: [...SECRETARIES, 'admin'] },
  },

  // —— Lists (.xlsx). `rows` counts the data rows, which shows whose projects went in.
  'export.applications': {
    ...scoped((w, side) => ({ batchId: w.batches.submitted, committeeId: `c-${side}` }), OWN_COMMITTEE, OTHER_COMMITTEE),
    // Without a committee: a secretary gets their own committee's, the 组织部 every committee's.
    own: { input: (w) => ({ batchId: w.batches.submitted }), allow: [...SECRETARIES, 'admin'], sees: rowsFor({ ownSecretary: 1, otherSecretary: 1, admin: 2 }) },
  },
  'export.recommendations': {
    ...scoped((w, side) => ({ batchId: w.batches.recommended, committeeId: `c-${side}` }), OWN_COMMITTEE, OTHER_COMMITTEE),
    own: { input: (w) => ({ batchId: w.batches.recommended }), allow: [...SECRETARIES, 'admin'], sees: rowsFor({ ownSecretary: 1, otherSecretary: 1, admin: 2 }) },
  },
  'export.reviewScores': { batch: { input: (w) => ({ batchId: w.batches.underReview }), allow: ADMIN } },
  'export.publicity': { batch: { input: (w) => ({ batchId: w.batches.publicity }), allow: ADMIN } },
  // Always the caller's own committee (the 组织部: every committee).
  'export.funding': { own: { input: (w) => ({ batchId: w.batches.cultivating }), allow: [...SECRETARIES, 'admin'], sees: rowsFor({ ownSecretary: 1, otherSecretary: 1, admin: 2 }) } },
  // As brand.library: the 资源库 (accepted and promoted brands) and the committee's own, all for the 组织部.
  'export.brands': { own: { input: () => ({}), allow: [...SECRETARIES, 'admin'], sees: rowsFor({ ownSecretary: 6, otherSecretary: 6, admin: 8 }) } },

  // —— Paperwork: the 立项通知, the 纸质材料包, next year's batch, one-off extensions.
  'notice.issue': { batch: { input: (w) => ({ batchId: w.batches.approved, docNumber: '组〔2027〕3号', issuerName: '中共深圳大学委员会组织部', date: '2026-12-10' }), allow: ADMIN } },
  'notice.get': { batch: { input: (w) => ({ batchId: w.batches.approved }), allow: ADMIN } },
  // Public, as the document is: null until it is issued (nothing is issued in the world).
  'notice.public': { batch: { input: (w) => ({ batchId: w.batches.approved }), allow: EVERYONE } },
  // Without a committee (a secretary's own, the 组织部 every committee's) is in paperwork/packet.test.ts:
  // each packet writes several office files, and a third scope here would cost the suite as much again.
  'export.packet': scoped((w, side) => ({ batchId: w.batches.recommended, committeeId: `c-${side}`, jobId: `matrix-${side}-job` }), OWN_COMMITTEE, OTHER_COMMITTEE),
  // The caller's own job only: anyone else's job id answers "not found" (found: false), not an error.
  'export.packetProgress': { own: { input: () => ({ jobId: 'matrix-own-job' }), allow: [...SECRETARIES, 'admin'] } },
  'batch.nextYear': {
    ...scoped((w, side) => ({ fromId: w.committeeBatches[side].id }), OWN_COMMITTEE, OTHER_COMMITTEE),
    school: { input: (w) => ({ fromId: w.schoolBatch.id }), allow: ADMIN },
  },
  'batch.grantExtension': {
    ...scoped((w, side) => ({ batchId: w.committeeBatches[side].id, target: 'committee', targetId: `c-${side}`, date: '2027-01-05', reason: '学院换届' }), OWN_COMMITTEE, OTHER_COMMITTEE),
    // The host of the c-cs draft in the open school batch.
    school: { input: (w) => ({ batchId: w.batches.draft, target: 'host', targetId: uid('dev-member-1'), date: '2027-01-05', reason: '住院治疗' }), allow: ADMIN },
  },
  'batch.withdrawExtension': scoped((w, side) => ({ id: w.extensions[side] }), OWN_COMMITTEE, OTHER_COMMITTEE),
  // Every extension of the batch for its managers; a secretary of another committee sees none of c-cs's (an empty list).
  'batch.extensions': {
    ...scoped((w, side) => ({ batchId: w.committeeBatches[side].id }), OWN_COMMITTEE, OTHER_COMMITTEE),
    school: {
      input: (w) => ({ batchId: w.batches.draft }),
      allow: [...SECRETARIES, 'admin'],
      sees: (data: unknown[], _w, role) => problem(data.length === (role === 'otherSecretary' ? 0 : 1), `${data.length} extensions listed`),
    },
  },

  // —— Dashboards.
  'dashboard.university': { none: { input: () => ({ batchId: OPEN_BATCH }), allow: ADMIN, sees: draftsUntitled } },
  'dashboard.committee': {
    ...scoped((_w, side) => ({ committeeId: `c-${side}`, batchId: OPEN_BATCH }), OWN_COMMITTEE, OTHER_COMMITTEE, { sees: draftsUntitled }),
    // Another committee's own batch is not in a secretary's picker: asked for by id, its existence
    // is not confirmed (NOT_FOUND, "不在您的查看范围内"). The 组织部 must name the committee to show.
    otherBatch: {
      input: (w) => ({ batchId: w.committeeBatches.me.id }),
      allow: ['otherSecretary', 'admin'],
      refusedAs: { admin: 'VALIDATION' },
      deniedAs: { ownSecretary: 'NOT_FOUND' },
    },
  },

  // —— Reminders: the caller's own duties and grants; the job on demand for the 组织部.
  'todo.mine': { none: { input: () => ({}), allow: LOOKING } },
  'subscribe.record': { none: { input: (w) => ({ results: { [w.templateKey]: 'accept' } }), allow: LOOKING } },
  'subscribe.templates': { none: { input: () => ({}), allow: LOOKING } },
  'scheduler.run': { none: { input: () => ({}), allow: ADMIN } },

  // —— 消息: the caller's own only. Another person's message is not found (its existence is not revealed).
  'messages.list': { none: { input: () => ({}), allow: LOOKING } },
  'messages.unreadCount': { none: { input: () => ({}), allow: LOOKING } },
  'messages.markAllRead': { none: { input: () => ({}), allow: LOOKING } },
  'messages.markRead': {
    own: { input: (w) => ({ id: w.hostMessage }), allow: ['host'], deniedAs: Object.fromEntries(LOOKING.filter((r) => r !== 'host').map((r) => [r, 'NOT_FOUND'])) },
  },
  // The release of a round's staged results: the 组织部 only; a round not decided is refused.
  'release.preview': { batch: { input: (w) => ({ batchId: w.batches.publicity, stage: 'publicity' }), allow: ADMIN } },
  'release.run': {
    batch: { input: (w) => ({ batchId: w.batches.publicity, stage: 'publicity' }), allow: ADMIN },
    undecided: { input: (w) => ({ batchId: w.batches.draft, stage: 'approval' }), allow: ADMIN, refusedAs: { admin: 'INVALID_TRANSITION' } },
  },
  // 催办: a secretary nudges within their committee, the 组织部 anyone who owes something.
  'nudge.candidates': { none: { input: () => ({}), allow: [...SECRETARIES, 'admin'] } },
  'nudge.send': scoped((_w, side) => ({ personIds: [uid(side === 'cs' ? HOST : HOST_ME)] }), OWN_COMMITTEE, OTHER_COMMITTEE),

  // —— Going live. The world has a 组织部 administrator, so the 初始化码 claim is refused to everyone
  // (an unbound caller too: the handler refuses once an administrator exists).
  'setup.status': { none: { input: () => ({}), allow: IDENTIFIED } },
  'setup.claim': {
    none: { input: () => ({ code: 'ABCD-EFGH-JKLM', name: '新同志', staffNo: 'T9999', kind: 'teacher', politicalStatus: 'full_member' }), allow: [], deniedAs: { unbound: 'FORBIDDEN' } },
  },
  // The organisation and the roster are the 组织部's alone.
  'org.units': { none: { input: () => ({}), allow: ADMIN } },
  'org.saveCommittee': { none: { input: () => ({ code: 'c-new', version: null, name: '新设学院党委', kind: 'committee', order: 9 }), allow: ADMIN } },
  'org.saveBranch': { none: { input: () => ({ code: 'b-cs-new', version: null, committeeId: 'c-cs', name: '新设党支部', order: null }), allow: ADMIN } },
  'org.setClosed': { none: { input: () => ({ unit: 'branch', code: 'b-pe-t1', version: 1, closed: true }), allow: ADMIN } },
  'orgImport.template': { none: { input: () => ({ sheet: 'roster' }), allow: ADMIN } },
  'orgImport.export': { none: { input: () => ({ sheet: 'org' }), allow: ADMIN } },
  // No such upload (a preview listing that one problem) / no such preview: told after the access check.
  'orgImport.preview': { none: { input: () => ({ sheet: 'org', fileId: 'local:not-uploaded.xlsx' }), allow: ADMIN } },
  'orgImport.apply': { none: { input: () => ({ importId: 'imp-none' }), allow: ADMIN, refusedAs: { admin: 'VALIDATION' } } },
};
