import { AppError } from '@shared/contracts/errors';
import type { BatchView, ParsedInputOf } from '@shared/contracts';
import { CALENDAR_FIELDS, calendarProblems, type Batch, type BatchCalendar, type CalendarField } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import type { Context } from '../../context';
import { MAX_PAGE, StoreError, type StoreOps, type StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { notifyParties } from '../../services/notify';
import { toBatchView } from '../project/views';

type StoredBatch = Batch & StoredDoc;

/** School-level batches belong to the 组织部; a committee's own batch to its secretaries too. */
export function requireManager(ctx: Context, level: Batch['level'], committeeId: string | undefined): void {
  const roles = ctx.user?.roles ?? [];
  if (hasRole(roles, 'admin')) return;
  if (level === 'committee' && committeeId && canActForCommittee(roles, committeeId)) return;
  throw new AppError('FORBIDDEN', level === 'school' ? '校级批次由党委组织部设置' : '只能管理本基层党委自行组织的批次');
}

export async function loadBatch(store: StoreOps, id: string): Promise<StoredBatch> {
  const batch = await store.get<StoredBatch>('batches', id);
  if (!batch) throw new AppError('NOT_FOUND', '该批次不存在，请返回列表刷新');
  return batch;
}

function cleanCalendar(calendar: BatchCalendar): BatchCalendar {
  return Object.fromEntries(CALENDAR_FIELDS.flatMap(([k]) => (calendar[k] ? [[k, calendar[k]]] : []))) as unknown as BatchCalendar;
}

export async function createBatch(ctx: Context, input: ParsedInputOf<'batch.create'>): Promise<BatchView> {
  if (input.level === 'committee' && !input.committeeId) throw new AppError('VALIDATION', '请选择自行组织批次的基层党委', { field: 'committeeId' });
  const committeeId = input.level === 'committee' ? input.committeeId : undefined;
  requireManager(ctx, input.level, committeeId);
  if (committeeId && !(await new Lookup(ctx.store).committee(committeeId))) throw new AppError('NOT_FOUND', '该基层党委不存在');
  // Next year's from an earlier batch: its rubric comes along; only its managers may copy it.
  const from = input.fromId ? await loadBatch(ctx.store, input.fromId) : null;
  if (from) requireManager(ctx, from.level, from.committeeId);
  const issuerName = input.issuerName || from?.issuerName;
  const at = ctx.now.toISOString();
  const batch: Omit<StoredBatch, 'version'> = {
    _id: ctx.newId(),
    name: input.name,
    year: input.year,
    level: input.level,
    ...(committeeId ? { committeeId } : {}),
    calendar: cleanCalendar(input.calendar),
    grantPerProject: input.grantPerProject,
    quota: input.quota,
    ...(input.noticeTitle ? { noticeTitle: input.noticeTitle } : {}),
    ...(input.paperInstructions ? { paperInstructions: input.paperInstructions } : {}),
    ...(issuerName ? { issuerName } : {}),
    ...(from?.rubric ? { rubric: from.rubric } : {}),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insert<StoredBatch>('batches', batch);
    await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: 'create', actorId: ctx.user?._id ?? '', at, from: from ? `由「${from.name}」复制` : null, to: batch.name, requestId: ctx.requestId });
  });
  return toBatchView(await loadBatch(ctx.store, batch._id), ctx.now);
}

/** Edits names, money, quota and the dates still ahead; a date that moves later goes through extendDeadline. */
export async function updateBatch(ctx: Context, input: ParsedInputOf<'batch.update'>): Promise<BatchView> {
  const at = ctx.now.toISOString();
  const saved = await ctx.store.transaction(async (tx) => {
    const batch = await loadBatch(tx, input.id);
    requireManager(ctx, batch.level, batch.committeeId);
    const calendar = cleanCalendar(input.calendar);
    for (const [field, label] of CALENDAR_FIELDS) {
      if (calendar[field] !== batch.calendar[field] && calendar[field] && batch.calendar[field] && (calendar[field] as string) > (batch.calendar[field] as string)) {
        throw new AppError('VALIDATION', `推迟「${label}」请使用“延期”，并写明原因（会记录在案并通知相关人员）`, { field });
      }
    }
    try {
      const next = await tx.update<StoredBatch>('batches', batch._id, input.version, {
        name: input.name,
        year: input.year,
        calendar,
        grantPerProject: input.grantPerProject,
        quota: input.quota,
        noticeTitle: input.noticeTitle,
        paperInstructions: input.paperInstructions,
        ...(input.issuerName !== undefined ? { issuerName: input.issuerName } : {}),
      });
      await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: 'update', actorId: ctx.user?._id ?? '', at, from: null, to: null, requestId: ctx.requestId });
      return next;
    } catch (err) {
      if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '批次设置刚刚被他人修改，请刷新后再编辑');
      throw err;
    }
  });
  return toBatchView(saved, ctx.now);
}

/** Hosts who have not submitted yet: they are the ones a later submission deadline helps. */
async function unsubmittedHosts(store: StoreOps, batchId: string): Promise<string[]> {
  const hosts: string[] = [];
  for (const state of ['draft', 'returned']) {
    for (let skip = 0; ; skip += MAX_PAGE) {
      const page = await store.find<Project>('projects', { where: { batchId, state }, limit: MAX_PAGE, skip });
      hosts.push(...page.map((p) => p.hostId));
      if (page.length < MAX_PAGE) break;
    }
  }
  return hosts;
}

/** 延期: one date of the calendar moves later, with a reason, audited, and the people concerned told. */
export async function extendDeadline(ctx: Context, input: ParsedInputOf<'batch.extendDeadline'>): Promise<BatchView> {
  const field = input.field as CalendarField;
  const label = CALENDAR_FIELDS.find(([k]) => k === field)?.[1] ?? field;
  const at = ctx.now.toISOString();
  const saved = await ctx.store.transaction(async (tx) => {
    const batch = await loadBatch(tx, input.id);
    requireManager(ctx, batch.level, batch.committeeId);
    const before = batch.calendar[field];
    if (before && input.date <= before) throw new AppError('VALIDATION', `新的「${label}」须晚于原定的 ${before}`, { field: 'date' });
    const calendar = { ...batch.calendar, [field]: input.date };
    const problems = calendarProblems(calendar);
    if (problems.length) throw new AppError('VALIDATION', `${problems[0]}；请一并调整后续日期`, { field: 'date' });
    const next = await tx.update<StoredBatch>('batches', batch._id, input.version, { calendar });
    const auditId = ctx.newId();
    await audit(tx, { _id: auditId, entityType: 'batch', entityId: batch._id, action: 'extend', actorId: ctx.user?._id ?? '', at, from: `${label} ${before ?? '未设定'}`, to: `${label} ${input.date}`, reason: input.reason, requestId: ctx.requestId });
    const recipients = field === 'submissionDeadline' ? await unsubmittedHosts(tx, batch._id) : [];
    await notifyParties(ctx, tx, { kind: 'batch.extend', title: `「${batch.name}」${label}延至 ${input.date}`, body: input.reason, entityId: batch._id, eventId: auditId }, { listedIds: recipients }, at);
    return next;
  }).catch((err: unknown) => {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '批次设置刚刚被他人修改，请刷新后再操作');
    throw err;
  });
  return toBatchView(saved, ctx.now);
}

export async function getBatch(ctx: Context, input: ParsedInputOf<'batch.get'>) {
  const batch = await loadBatch(ctx.store, input.id);
  const roles = ctx.user?.roles ?? [];
  const visible = batch.level === 'school' || hasRole(roles, 'admin') || (batch.committeeId !== undefined && (ctx.user?.profile.committeeId === batch.committeeId || canActForCommittee(roles, batch.committeeId)));
  if (!visible) throw new AppError('FORBIDDEN', '这是其他基层党委自行组织的批次');
  return { ...toBatchView(batch, ctx.now), version: batch.version };
}
