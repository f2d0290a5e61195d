import type { Brand } from '@shared/domain/brand/brand';
import { canEditReport } from '@shared/domain/brand/state';
import type { RoleEntry } from '../../services/role-index';
import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import type { ProjectState } from '@shared/domain/project/state';
import type { Duty, DutyKind } from '@shared/domain/reminders/duty';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { User } from '@shared/domain/person';
import { daysLeft } from '@shared/time/deadline';
import { MAX_PAGE, type StoreOps, type StoredDoc, type Where } from '../../ports/store';
import { calendarFor, extensionsConcerning, extensionsOf } from '../../services/extensions';
import { getMany } from '../../services/read-many';
import { batchesNewestFirst, projectsHostedBy } from '../../services/shared-reads';
import { Lookup } from '../../services/lookup';
import { committeeCalendar, isActive } from '@shared/domain/paperwork/extension';
import { usersWithRole } from '../../services/role-index';
import type { Review, ReviewAssignment } from '../review/docs';

type StoredBatch = Batch & StoredDoc;

/** Every document matching `where`, in keyset pages of 100 (no cap: the scheduler reads whole batches). */
export async function readEvery<T extends StoredDoc>(store: StoreOps, collection: string, where: Where): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: T[] = await store.find<T>(collection, {
      where: after === null ? where : { ...where, _id: { $gt: after } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_PAGE,
    });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
    after = page[page.length - 1]._id;
  }
}

const titleOf = (p: Project) => p.fields.title.trim() || '未命名项目';
const DRAFT_STATES: ProjectState[] = ['draft', 'returned'];

/** The deadline of a duty in a batch, when the duty is still open (not passed, within `horizon` days). */
function openDeadline(batch: Batch, kind: DutyKind, now: Date, horizon: number): string | null {
  const field = {
    submitDraft: batch.calendar.submissionDeadline,
    decideApplications: batch.calendar.recommendationDeadline,
    scoreReviews: batch.calendar.reviewEnd,
    midtermMaterials: batch.calendar.midtermDate,
    finalMaterials: batch.calendar.finalDate,
    // The notice asks for the brand materials by the same date as the applications (6月29日).
    submitBrandReport: batch.level === 'school' ? batch.calendar.submissionDeadline : undefined,
  }[kind];
  if (!field) return null;
  const left = daysLeft(field, now);
  return left >= 0 && left <= horizon ? field : null;
}

function hostDuty(project: Project, batch: Batch, now: Date, horizon: number): Duty | null {
  const make = (kind: DutyKind, title: string, detail: string, link: string): Duty | null => {
    const deadline = openDeadline(batch, kind, now, horizon);
    return deadline ? { personId: project.hostId, kind, deadline, count: 1, title, detail, link, committeeId: project.committeeId } : null;
  };
  if (DRAFT_STATES.includes(project.state)) {
    const why = project.state === 'returned' ? '被退回修改，尚未重新提交' : '草稿尚未提交';
    return make('submitDraft', `提交申报：${titleOf(project)}`, `「${batch.name}」申报即将截止，${why}`, `/packages/project/edit/index?id=${project._id}`);
  }
  if (project.state === 'cultivating' && !project.midtermPassed) {
    return make('midtermMaterials', `中期验收：${titleOf(project)}`, `「${batch.name}」中期验收材料待提交`, `/packages/project/midterm/index?id=${project._id}`);
  }
  if (project.state === 'cultivating' && project.midtermPassed) {
    return make('finalMaterials', `结项验收：${titleOf(project)}`, `「${batch.name}」结项验收材料待提交`, `/packages/project/final/index?id=${project._id}`);
  }
  return null;
}

function decideDuty(personId: string, batch: Batch, committeeId: string, count: number, now: Date, horizon: number): Duty | null {
  const deadline = openDeadline(batch, 'decideApplications', now, horizon);
  if (!deadline) return null;
  return {
    personId,
    kind: 'decideApplications',
    deadline,
    count,
    title: `审核申报：${count}份待处理`,
    detail: `「${batch.name}」推荐截止前请研究并推荐`,
    link: `/packages/committee/inbox/index?committeeId=${committeeId}&batchId=${batch._id}`,
    committeeId,
  };
}

function scoreDuty(personId: string, batch: Batch, count: number, now: Date, horizon: number): Duty | null {
  const deadline = openDeadline(batch, 'scoreReviews', now, horizon);
  if (!deadline) return null;
  return { personId, kind: 'scoreReviews', deadline, count, title: `评审打分：${count}份未评`, detail: `「${batch.name}」评审结束前请完成评分`, link: '/packages/review/mine/index', committeeId: null };
}

/** The committee's brand report duty for the batch's year, given its brand (null when there is none yet). */
function brandDutyFor(personId: string, batch: Batch, committeeId: string, brand: Brand | null, now: Date, horizon: number): Duty | null {
  const deadline = openDeadline(batch, 'submitBrandReport', now, horizon);
  if (!deadline) return null;
  if (brand && !canEditReport(brand.state)) return null;
  const why = !brand ? '尚未创建' : brand.state === 'returned' ? '被退回修改，尚未重新报送' : '尚未报送';
  return { personId, kind: 'submitBrandReport', deadline, count: 1, title: `${batch.year}年度党建品牌报告${why}`, detail: `基层党建品牌材料与「${batch.name}」申报材料同期报送`, link: '/packages/brand/mine/index', committeeId };
}

type BrandSlot = StoredDoc & { brandId: string };
const slotId = (committeeId: string, year: number) => `${committeeId}:${year}`;

/** The committee's brand report for the batch's year, when it is missing or not yet submitted. */
async function brandDuty(store: StoreOps, personId: string, batch: Batch, committeeId: string, now: Date, horizon: number): Promise<Duty | null> {
  if (!openDeadline(batch, 'submitBrandReport', now, horizon)) return null;
  const slot = await store.get<BrandSlot>('brandSlots', slotId(committeeId, batch.year));
  const brand = slot ? await store.get<Brand>('brands', slot.brandId) : null;
  return brandDutyFor(personId, batch, committeeId, brand, now, horizon);
}

const push = (out: Duty[], d: Duty | null) => {
  if (d) out.push(d);
};

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

/**
 * Every open duty of everyone whose deadline is at most `horizon` days away, for the scheduler.
 * Reads per batch in the window only: its drafts, its submitted applications, its unscored
 * assignments and its cultivating projects.
 */
export async function allDuties(store: StoreOps, now: Date, horizon: number): Promise<Duty[]> {
  const out: Duty[] = [];
  const batches = await readEvery<StoredBatch>(store, 'batches', {});
  const open = (b: Batch, k: DutyKind) => openDeadline(b, k, now, horizon) !== null;
  const secretaries = new Map<string, Promise<string[]>>();
  const secretariesOf = (committeeId: string) => {
    let s = secretaries.get(committeeId);
    if (!s) secretaries.set(committeeId, (s = usersWithRole(store, 'secretary', committeeId)));
    return s;
  };
  for (const batch of batches) {
    // Hosts with an extension (their own or their committee's) are reminded of their own date.
    const extensions = await extensionsOf(store, batch._id);
    const own = (p: Project) => ({ ...batch, calendar: calendarFor(batch, extensions, { hostId: p.hostId, committeeId: p.committeeId }) });
    if (open(batch, 'submitDraft') || extensions.some((e) => isActive(e) && open({ ...batch, calendar: { ...batch.calendar, submissionDeadline: e.date } }, 'submitDraft'))) {
      for (const p of await readEvery<Project>(store, 'projects', { batchId: batch._id, state: { $in: DRAFT_STATES } })) push(out, hostDuty(p, own(p), now, horizon));
    }
    // A committee's extension moves its 推荐截止 too: its secretaries are reminded of their own date.
    const forCommittee = (committeeId: string) => ({ ...batch, calendar: committeeCalendar(batch.calendar, extensions, committeeId) });
    const movedOpen = extensions.some((e) => isActive(e) && e.target === 'committee' && open(forCommittee(e.targetId), 'decideApplications'));
    if (open(batch, 'decideApplications') || movedOpen) {
      const submitted = await readEvery<Project>(store, 'projects', { batchId: batch._id, state: 'submitted' });
      for (const [committeeId, count] of countBy(submitted, (p) => p.committeeId)) {
        for (const personId of await secretariesOf(committeeId)) push(out, decideDuty(personId, forCommittee(committeeId), committeeId, count, now, horizon));
      }
    }
    if (open(batch, 'scoreReviews')) {
      const underReview = new Set((await readEvery<Project>(store, 'projects', { batchId: batch._id, state: 'under_review' })).map((p) => p._id));
      const scored = new Set((await readEvery<Review>(store, 'reviews', { batchId: batch._id })).map((r) => r._id));
      const missing = (await readEvery<ReviewAssignment>(store, 'reviewAssignments', { batchId: batch._id })).filter((a) => underReview.has(a.projectId) && !scored.has(a._id));
      for (const [reviewerId, count] of countBy(missing, (a) => a.reviewerId)) push(out, scoreDuty(reviewerId, batch, count, now, horizon));
    }
    if (open(batch, 'submitBrandReport')) {
      for (const entry of await readEvery<RoleEntry>(store, 'roleIndex', { role: 'secretary' })) {
        if (entry.committeeId) push(out, await brandDuty(store, entry.userId, batch, entry.committeeId, now, horizon));
      }
    }
    if (open(batch, 'midtermMaterials') || open(batch, 'finalMaterials')) {
      for (const p of await readEvery<Project>(store, 'projects', { batchId: batch._id, state: 'cultivating' })) push(out, hostDuty(p, batch, now, horizon));
    }
  }
  return out;
}

/**
 * The open duties of one person, whatever the distance to the deadline (我的待办). Each kind of
 * duty is one read (or none, when the person cannot have it), not one per batch or item: the
 * batches are read once, the extensions of the person's drafts in one read, the brands and the
 * score sheets by id in reads of a hundred.
 */
export async function dutiesOf(store: StoreOps, user: User, now: Date): Promise<Duty[]> {
  const horizon = Number.POSITIVE_INFINITY;
  const committees = secretaryCommittees(user.roles);
  const [firstHosted, batches] = await Promise.all([projectsHostedBy(store, user._id), batchesNewestFirst(store)]);
  // One application per batch: a full page would mean more batches than the page holds.
  const hosted = firstHosted.length < MAX_PAGE ? firstHosted : await readEvery<Project>(store, 'projects', { hostId: user._id });
  const allBatches = batches.length < MAX_PAGE;
  const lookup = new Lookup(store);
  const known = new Map(batches.map((b) => [b._id, b]));
  const batchOf = async (id: string): Promise<Batch | null> => known.get(id) ?? lookup.batch(id);
  const out: Duty[] = [];

  // Extensions move only the submission deadline: read for drafts alone, all in one read.
  const drafts = hosted.filter((p) => DRAFT_STATES.includes(p.state));
  const who = { hostId: user._id, committeeId: user.profile.committeeId };
  const extensions = drafts.length ? await extensionsConcerning(store, who, drafts.map((p) => p.committeeId)) : [];
  for (const p of hosted) {
    const batch = await batchOf(p.batchId);
    if (!batch) continue;
    const own = { hostId: p.hostId, committeeId: p.committeeId };
    push(out, hostDuty(p, { ...batch, calendar: calendarFor(batch, extensions.filter((e) => e.batchId === batch._id), own) }, now, horizon));
  }

  if (committees.length) {
    const submitted = await readEvery<Project>(store, 'projects', { committeeId: committees.length === 1 ? committees[0] : { $in: committees }, state: 'submitted' });
    // The committees' own extensions (one read, only when something waits): they move the 推荐截止.
    const committeeExtensions = submitted.length ? await extensionsConcerning(store, { hostId: '', committeeId: committees[0] }, committees) : [];
    for (const committeeId of committees) {
      for (const [batchId, count] of countBy(submitted.filter((p) => p.committeeId === committeeId), (p) => p.batchId)) {
        const batch = await batchOf(batchId);
        const own = committeeExtensions.filter((e) => e.batchId === batchId);
        if (batch) push(out, decideDuty(user._id, { ...batch, calendar: committeeCalendar(batch.calendar, own, committeeId) }, committeeId, count, now, horizon));
      }
    }
    const schoolBatches = (allBatches ? batches : await readEvery<StoredBatch>(store, 'batches', { level: 'school' })).filter(
      (b) => b.level === 'school' && openDeadline(b, 'submitBrandReport', now, horizon),
    );
    const pairs = committees.flatMap((committeeId) => schoolBatches.map((batch) => ({ committeeId, batch })));
    const slots = await getMany<BrandSlot>(store, 'brandSlots', pairs.map((x) => slotId(x.committeeId, x.batch.year)));
    const brands = await getMany<Brand & StoredDoc>(store, 'brands', [...slots.values()].map((slot) => slot.brandId));
    for (const { committeeId, batch } of pairs) {
      const slot = slots.get(slotId(committeeId, batch.year));
      push(out, brandDutyFor(user._id, batch, committeeId, (slot && brands.get(slot.brandId)) ?? null, now, horizon));
    }
  }

  // Scoring is the reviewers' (review.score needs the role); only rounds still open are read.
  const reviewing = batches.filter((b) => openDeadline(b, 'scoreReviews', now, horizon)).map((b) => b._id);
  if (hasRole(user.roles, 'reviewer') && (reviewing.length || !allBatches)) {
    const where: Where = allBatches ? { reviewerId: user._id, batchId: { $in: reviewing } } : { reviewerId: user._id };
    const [assignments, reviews] = await Promise.all([readEvery<ReviewAssignment>(store, 'reviewAssignments', where), readEvery<Review>(store, 'reviews', where)]);
    const scored = new Set(reviews.map((r) => r._id));
    const unscored = assignments.filter((a) => !scored.has(a._id));
    const projects = await getMany<Project>(store, 'projects', unscored.map((a) => a.projectId));
    const missing = unscored.filter((a) => projects.get(a.projectId)?.state === 'under_review');
    for (const [batchId, count] of countBy(missing, (a) => a.batchId)) {
      const batch = await batchOf(batchId);
      if (batch) push(out, scoreDuty(user._id, batch, count, now, horizon));
    }
  }
  return out.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.title.localeCompare(b.title)));
}
