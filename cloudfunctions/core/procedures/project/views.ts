import type { BatchView, ProjectSummary, ProjectView, SubmittedView } from '@shared/contracts';
import { canSubmitTo, type Batch } from '@shared/domain/batch';
import { budgetTotal, completeFields } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { canEditApplication, nextState } from '@shared/domain/project/state';
import { daysLeft, formatDeadline } from '@shared/time/deadline';
import type { Brand } from '@shared/domain/brand/brand';
import type { Context } from '../../context';
import { timelineLine, timelineOf } from '../../services/timeline';
import type { AuditEntry } from '../../services/audit';
import type { Lookup } from '../../services/lookup';
import { batchFor, batchWith, type StoredExtension } from '../../services/extensions';
import { extensionText } from '@shared/domain/paperwork/extension';
import type { StoredDoc } from '../../ports/store';

/**
 * formatDeadline is pure but costs a time-zone conversion (~0.2 ms); a list of N applications
 * shows a handful of distinct deadlines, so each is worked out once per process.
 */
const deadlineTexts = new Map<string, string>();
function deadlineText(date: string): string {
  let text = deadlineTexts.get(date);
  if (text === undefined) {
    text = formatDeadline(date);
    if (deadlineTexts.size < 1000) deadlineTexts.set(date, text);
  }
  return text;
}

export function toBatchView(batch: Batch & { version?: number }, now: Date): BatchView {
  const { _id, name, year, level, calendar, grantPerProject, quota, noticeTitle, paperInstructions, committeeId, issuerName } = batch;
  return {
    _id,
    version: batch.version ?? 1,
    name,
    year,
    level,
    calendar,
    grantPerProject,
    quota,
    ...(noticeTitle ? { noticeTitle } : {}),
    ...(paperInstructions ? { paperInstructions } : {}),
    ...(committeeId ? { committeeId } : {}),
    ...(issuerName ? { issuerName } : {}),
    open: canSubmitTo(batch, now),
    deadlineText: deadlineText(calendar.submissionDeadline),
    daysLeft: daysLeft(calendar.submissionDeadline, now),
  };
}

/**
 * The project page's view. `known`: the project's batch and that batch's extensions, when the
 * caller has just read them (a lifecycle move, in its transaction): they are not read again.
 */
export async function toProjectView(ctx: Context, lookup: Lookup, project: Project, known?: { batch: Batch; extensions: readonly StoredExtension[] }): Promise<ProjectView> {
  const who = { hostId: project.hostId, committeeId: project.committeeId };
  // The deadline as it holds for this host: their own or their committee's extension moves it.
  const { batch, extension } = known ? batchWith(known.batch, known.extensions, who) : await batchFor(ctx.store, await lookup.requireBatch(project.batchId), who);
  const fields = completeFields(project.fields);
  const standing = standingOf(ctx, project, batch, extension);
  // The committee's brands are read only while the host may still choose one; otherwise the linked one alone, if any.
  const choosing = standing.canEdit;
  const [brands, timeline] = await Promise.all([
    choosing
      ? ctx.store.find<Brand>('brands', { where: { committeeId: project.committeeId }, orderBy: [{ field: 'year', direction: 'desc' }], limit: 20 })
      : fields.brandId
        ? ctx.store.get<Brand & StoredDoc>('brands', fields.brandId).then((b) => (b && b.committeeId === project.committeeId ? [b] : []))
        : Promise.resolve([]),
    timelineOf(ctx.store, project._id, ctx.user ? [ctx.user] : []),
  ]);
  const urls = await ctx.files.urls(fields.attachments.map((a) => a.fileId));
  // The host chooses among the committee's brands; every other reader is shown the one linked only
  // (a team member or reviewer of another committee does not read that committee's brands).
  const brandOptions = brands
    .filter((b) => b.report.name.trim() !== '' && (choosing || b._id === fields.brandId))
    .map((b) => ({ _id: b._id, name: b.report.name, year: b.year }));
  return {
    _id: project._id,
    version: project.version,
    batchId: project.batchId,
    batchName: batch.name,
    committeeId: project.committeeId,
    committeeName: await lookup.committeeName(project.committeeId),
    hostId: project.hostId,
    hostName: project.hostName,
    state: project.state,
    fields,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    submittedAt: project.submittedAt,
    deadline: batch.calendar.submissionDeadline,
    deadlineText: deadlineText(batch.calendar.submissionDeadline),
    ...standing,
    brandOptions,
    committeeOpinion: project.committeeOpinion ?? null,
    committeeRank: project.committeeRank ?? null,
    returnComment: project.returnComment ?? null,
    timeline,
    fileUrls: Object.fromEntries(urls),
  };
}

type Standing = Pick<ProjectView, 'canEdit' | 'canSubmit' | 'canWithdraw' | 'warnings' | 'extensionNote'>;

/** What the caller may do with the project now, and what they are told about it: one rule for the page and a move's answer. */
function standingOf(ctx: Context, project: Project, batch: Batch, extension: StoredExtension | null): Standing {
  const isHost = ctx.user?._id === project.hostId;
  const open = canSubmitTo(batch, ctx.now);
  const choosing = isHost && canEditApplication(project.state);
  const warnings: string[] = [];
  if (choosing && !ctx.user?.profile.isPartyWorker) {
    warnings.push('项目主持人一般为党务工作者；您未登记为党务工作者，仍可申报，基层党委审核时会留意。');
  }
  return {
    canEdit: choosing,
    canSubmit: isHost && open && nextState(project.state, 'submit') !== null,
    canWithdraw: isHost && open && nextState(project.state, 'withdraw') !== null,
    warnings,
    extensionNote: extension && canEditApplication(project.state) ? extensionText(extension) : null,
  };
}

/**
 * A submit's answer (mergeSubmitted on the page), from what the move read and wrote alone: the
 * batch and the extensions that can apply, and its audit line, whose actor is the caller.
 */
export function toSubmittedView(ctx: Context, project: Project, known: { batch: Batch; extensions: readonly StoredExtension[]; line: AuditEntry }): SubmittedView {
  const { batch, extension } = batchWith(known.batch, known.extensions, { hostId: project.hostId, committeeId: project.committeeId });
  return {
    _id: project._id,
    version: project.version,
    state: project.state,
    updatedAt: project.updatedAt,
    submittedAt: project.submittedAt,
    returnComment: project.returnComment ?? null,
    ...standingOf(ctx, project, batch, extension),
    entry: timelineLine(known.line, ctx.user),
  };
}

export async function toSummary(lookup: Lookup, project: Project): Promise<ProjectSummary> {
  const batch = await lookup.requireBatch(project.batchId);
  return {
    _id: project._id,
    version: project.version,
    batchId: project.batchId,
    batchName: batch.name,
    committeeName: await lookup.committeeName(project.committeeId),
    hostName: project.hostName,
    state: project.state,
    updatedAt: project.updatedAt,
    submittedAt: project.submittedAt,
    deadlineText: deadlineText(batch.calendar.submissionDeadline),
    title: project.fields.title,
    budgetTotal: budgetTotal(project.fields.budget),
    committeeOpinion: project.committeeOpinion ?? null,
    committeeRank: project.committeeRank ?? null,
  };
}
