import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { ExtensionView } from '@shared/contracts/paperwork';
import type { User } from '@shared/domain/person';
import { calendarWithExtensions, extensionProblem, recommendationDateProblem, type Extension } from '@shared/domain/paperwork/extension';
import type { BatchCalendar } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import { canEditApplication, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { canActForCommittee, hasRole, secretaryCommittees } from '@shared/domain/roles';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { extensionsOf, type StoredExtension } from '../../services/extensions';
import { Lookup } from '../../services/lookup';
import { enqueue } from '../../services/outbox';
import { loadBatch, requireManager } from '../batch/manage';
import { roleHolders, secretariesOf } from '../review/directory';

export function toExtensionView(e: StoredExtension, calendar?: BatchCalendar): ExtensionView {
  const moved = e.target === 'committee' && calendar ? calendarWithExtensions(calendar, [{ ...e, withdrawnAt: null }], { hostId: '', committeeId: e.targetId }).recommendationDeadline : undefined;
  return {
    _id: e._id,
    batchId: e.batchId,
    target: e.target,
    targetId: e.targetId,
    targetName: e.targetName,
    date: e.date,
    dateText: formatDeadline(e.date),
    recommendationText: moved && moved !== calendar?.recommendationDeadline ? formatDeadline(moved) : null,
    reason: e.reason,
    grantedAt: e.grantedAt,
    used: Boolean(e.usedAt),
    withdrawn: Boolean(e.withdrawnAt),
    canWithdraw: !e.usedAt && !e.withdrawnAt,
  };
}

/** Who is told: the host (and their committee's secretaries), or the committee's secretaries and its hosts still drafting. */
async function concerned(ctx: Context, e: Pick<Extension, 'batchId' | 'target' | 'targetId'>, committeeId: string): Promise<string[]> {
  const secretaries = secretariesOf(await roleHolders(ctx.store), committeeId);
  if (e.target === 'host') return [e.targetId, ...secretaries];
  const drafts = await ctx.store.find<Project>('projects', { where: { batchId: e.batchId, committeeId }, limit: 100 });
  return [...secretaries, ...drafts.filter((p) => canEditApplication(p.state)).map((p) => p.hostId)];
}

/** 个别延期: a later submission deadline for one host or one committee, audited, told to those it concerns. */
export async function grantExtension(ctx: Context, input: ParsedInputOf<'batch.grantExtension'>): Promise<OutputOf<'batch.grantExtension'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  requireManager(ctx, batch.level, batch.committeeId);
  const problem = extensionProblem(batch.calendar.submissionDeadline, input.date, ctx.now);
  if (problem) throw new AppError('VALIDATION', problem, { field: 'date' });
  const recommendationDate = input.target === 'committee' ? (input.recommendationDate ?? null) : null;
  const recommendationProblem = recommendationDate ? recommendationDateProblem(input.date, recommendationDate) : null;
  if (recommendationProblem) throw new AppError('VALIDATION', recommendationProblem, { field: 'recommendationDate' });
  let targetName: string;
  let committeeId: string;
  if (input.target === 'host') {
    const host = await ctx.store.get<User>('users', input.targetId);
    if (!host) throw new AppError('NOT_FOUND', '找不到这位项目主持人，请重新选择', { field: 'targetId' });
    const projects = await ctx.store.find<Project>('projects', { where: { batchId: batch._id, hostId: host._id }, limit: 5 });
    const done = projects.find((p) => !canEditApplication(p.state));
    if (done) {
      throw new AppError('INVALID_TRANSITION', `${host.profile.name}的「${done.fields.title.trim() || '申报书'}」已提交（${PROJECT_STATE_LABELS[done.state]}），不需要延期`, { field: 'targetId' });
    }
    targetName = host.profile.name;
    committeeId = projects[0]?.committeeId ?? host.profile.committeeId;
  } else {
    const committee = await new Lookup(ctx.store).committee(input.targetId);
    if (!committee) throw new AppError('NOT_FOUND', '该基层党委不存在，请重新选择', { field: 'targetId' });
    targetName = committee.name;
    committeeId = committee._id;
  }
  if (batch.level === 'committee' && committeeId !== batch.committeeId) throw new AppError('FORBIDDEN', '只能为本批次所属基层党委的人员延期');
  const at = ctx.now.toISOString();
  const id = ctx.newId();
  const extension: Omit<StoredExtension, 'version'> = {
    _id: id,
    batchId: batch._id,
    target: input.target,
    targetId: input.targetId,
    targetName,
    date: input.date,
    recommendationDate,
    reason: input.reason,
    grantedBy: ctx.user?._id ?? '',
    grantedAt: at,
    usedAt: null,
    withdrawnAt: null,
  };
  const recipients = await concerned(ctx, extension, committeeId);
  await ctx.store.transaction(async (tx) => {
    await tx.insert<StoredExtension>('extensions', extension);
    await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: 'grantExtension', actorId: ctx.user?._id ?? '', at, from: `申报截止 ${batch.calendar.submissionDeadline}`, to: `${targetName} 申报截止 ${input.date}`, reason: input.reason, requestId: ctx.requestId });
    await enqueue(tx, { kind: 'batch.extension', recipientIds: recipients, title: `「${batch.name}」${targetName}的申报截止延至 ${input.date}`, body: input.reason, entityId: batch._id, eventId: id }, at);
  });
  return toExtensionView((await ctx.store.get<StoredExtension>('extensions', id))!, batch.calendar);
}

/** Withdraws an extension no submission has relied on yet; audited, and those it concerned are told. */
export async function withdrawExtension(ctx: Context, input: ParsedInputOf<'batch.withdrawExtension'>): Promise<OutputOf<'batch.withdrawExtension'>> {
  const found = await ctx.store.get<StoredExtension>('extensions', input.id);
  if (!found) throw new AppError('NOT_FOUND', '该延期记录不存在，请刷新后重试');
  const batch = await loadBatch(ctx.store, found.batchId);
  requireManager(ctx, batch.level, batch.committeeId);
  const at = ctx.now.toISOString();
  const committeeId = found.target === 'committee' ? found.targetId : ((await ctx.store.get<User>('users', found.targetId))?.profile.committeeId ?? '');
  const recipients = await concerned(ctx, found, committeeId);
  try {
    await ctx.store.transaction(async (tx) => {
      const e = await tx.get<StoredExtension>('extensions', found._id);
      if (!e) throw new AppError('NOT_FOUND', '该延期记录不存在，请刷新后重试');
      if (e.withdrawnAt) throw new AppError('INVALID_TRANSITION', '该延期已撤回');
      if (e.usedAt) throw new AppError('INVALID_TRANSITION', `${e.targetName}已在延期内提交申报，该延期已使用，不能撤回`);
      await tx.update<StoredExtension>('extensions', e._id, e.version, { withdrawnAt: at });
      await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: 'withdrawExtension', actorId: ctx.user?._id ?? '', at, from: `${e.targetName} 申报截止 ${e.date}`, to: `申报截止 ${batch.calendar.submissionDeadline}`, requestId: ctx.requestId });
      await enqueue(tx, { kind: 'batch.extensionWithdrawn', recipientIds: recipients, title: `「${batch.name}」${e.targetName}的延期已撤回`, body: `申报截止仍为 ${batch.calendar.submissionDeadline}`, entityId: batch._id, eventId: `${e._id}:withdrawn` }, at);
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '该延期刚刚被使用或修改，请刷新后再操作');
    throw err;
  }
  return toExtensionView((await ctx.store.get<StoredExtension>('extensions', found._id))!, batch.calendar);
}

/** A batch's extensions: every one for its managers, a secretary's own committee's and its hosts' for them. */
export async function listExtensions(ctx: Context, input: ParsedInputOf<'batch.extensions'>): Promise<OutputOf<'batch.extensions'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const roles = ctx.user?.roles ?? [];
  const all = await extensionsOf(ctx.store, batch._id);
  if (hasRole(roles, 'admin') || (batch.committeeId && canActForCommittee(roles, batch.committeeId))) return all.map((e) => toExtensionView(e, batch.calendar));
  if (batch.level === 'committee') throw new AppError('FORBIDDEN', '这是其他基层党委自行组织的批次');
  const mine = new Set(secretaryCommittees(roles));
  const out: StoredExtension[] = [];
  for (const e of all) {
    const committeeId = e.target === 'committee' ? e.targetId : (await ctx.store.get<User>('users', e.targetId))?.profile.committeeId;
    if (committeeId && mine.has(committeeId)) out.push(e);
  }
  return out.map((e) => toExtensionView(e, batch.calendar));
}
