import { AppError } from '@shared/contracts/errors';
import type { ImportPreview, ImportSheet } from '@shared/contracts/org';
import type { ImportDiff, ImportOp } from '@shared/domain/import/org-sheet';
import type { Context } from '../../context';
import { StoreError, type StoredDoc, type StoreOps } from '../../ports/store';
import { audit } from '../../services/audit';

/**
 * How a large import is applied all or nothing on a store whose transactions must stay short
 * (CloudBase: single-record operations, retried on conflict, no published size limit):
 *
 * - The preview stages the writes: `importChunks` documents of at most CHUNK writes each, then
 *   the `imports` document last (status `staged`) — a staged import exists only once all of it
 *   is stored. Every write names the version it expects (or that the document is new) and keeps
 *   the fields it replaces.
 * - Apply moves the import to `applying` with a versioned write (one applier at a time), then runs
 *   one short transaction per chunk: the chunk's writes plus the import's `applied` counter, so a
 *   chunk is either wholly in or wholly out and the counter says exactly how far it got.
 * - Anything the preview did not see (someone renamed a unit, a person bound meanwhile) makes a
 *   versioned write fail: the chunks already applied are undone in reverse, from the kept fields,
 *   and the import ends `rolledBack` — the organisation is as it was.
 * - Any other failure half way (a dropped connection) is rolled back the same way, at once.
 * - A process that dies half way leaves `applying` and the counter: calling apply again with the
 *   same import finishes it from that chunk (or, if the state moved since, rolls it back). A new
 *   preview is refused while an import is `applying`, so nothing is diffed against half a state.
 *
 * The alternative, a whole second copy of the organisation switched by one versioned pointer,
 * would make every read of a unit go through the pointer; this keeps the readers as they are.
 */
export const CHUNK = 100;
/** A preview is applied within a day, or made again against the current state. */
const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

export type ImportStatus = 'staged' | 'applying' | 'applied' | 'rolledBack';

export interface ImportDoc extends StoredDoc {
  sheet: ImportSheet;
  status: ImportStatus;
  createdBy: string;
  createdAt: string;
  rows: number;
  add: number;
  change: number;
  unchanged: number;
  chunks: number;
  /** Chunks applied so far (all of them once `applied`). */
  applied: number;
  finishedAt?: string | null;
}

interface ChunkDoc extends StoredDoc {
  importId: string;
  seq: number;
  ops: ImportOp[];
}

const chunkId = (importId: string, seq: number) => `${importId}-${String(seq).padStart(5, '0')}`;
const MAX_PROBLEMS = 500;

export function previewOf(sheet: ImportSheet, diff: ImportDiff, importId: string | null): ImportPreview {
  return {
    importId,
    sheet,
    rows: diff.rows,
    add: diff.add,
    change: diff.change,
    unchanged: diff.unchanged,
    problems: diff.problems.slice(0, MAX_PROBLEMS),
    problemCount: diff.problems.length,
    samples: diff.samples,
  };
}

/** Refuses a new preview while an import is half applied (its importId travels in the details). */
export async function refuseWhileApplying(store: StoreOps): Promise<void> {
  const open = await store.find<ImportDoc>('imports', { where: { status: 'applying' }, limit: 1 });
  if (open.length) {
    throw new AppError('CONFLICT', '上一次导入尚未完成（可能因网络中断）。请先点“继续完成上次导入”，完成后再预览新的表格', { importId: open[0]._id });
  }
}

/** Stores the writes of a checked diff; the import document, written last, makes it appliable. */
export async function stage(ctx: Context, sheet: ImportSheet, diff: ImportDiff): Promise<string> {
  const importId = `imp-${ctx.newId()}`;
  const chunks = Math.ceil(diff.ops.length / CHUNK);
  for (let seq = 0; seq < chunks; seq += 1) {
    await ctx.store.insert<ChunkDoc>('importChunks', { _id: chunkId(importId, seq), importId, seq, ops: diff.ops.slice(seq * CHUNK, (seq + 1) * CHUNK) });
  }
  await ctx.store.insert<ImportDoc>('imports', {
    _id: importId,
    sheet,
    status: 'staged',
    createdBy: ctx.user?._id ?? '',
    createdAt: ctx.now.toISOString(),
    rows: diff.rows,
    add: diff.add,
    change: diff.change,
    unchanged: diff.unchanged,
    chunks,
    applied: 0,
  });
  return importId;
}

async function applyOp(tx: StoreOps, op: ImportOp): Promise<void> {
  if (op.expectedVersion === null) await tx.insert(op.collection, { _id: op.id, ...op.set });
  else await tx.update(op.collection, op.id, op.expectedVersion, op.set);
}

/** Undoes one write if nobody wrote the document after it (a later write by someone else is kept). */
async function undoOp(tx: StoreOps, op: ImportOp): Promise<void> {
  const doc = await tx.get(op.collection, op.id);
  if (!doc) return;
  if (op.expectedVersion === null) {
    if (doc.version === 1) await tx.remove(op.collection, op.id, 1);
  } else if (doc.version === op.expectedVersion + 1 && op.before) {
    await tx.update(op.collection, op.id, doc.version, op.before);
  }
}

async function rollBack(ctx: Context, imp: ImportDoc): Promise<ImportDoc> {
  let current = imp;
  for (let seq = current.applied - 1; seq >= 0; seq -= 1) {
    current = await ctx.store.transaction(async (tx) => {
      const chunk = await tx.get<ChunkDoc>('importChunks', chunkId(imp._id, seq));
      for (const op of [...(chunk?.ops ?? [])].reverse()) await undoOp(tx, op);
      return tx.update<ImportDoc>('imports', current._id, current.version, { applied: seq });
    });
  }
  return ctx.store.update<ImportDoc>('imports', current._id, current.version, { status: 'rolledBack', finishedAt: ctx.now.toISOString() });
}

const resultOf = (imp: ImportDoc) => ({ importId: imp._id, sheet: imp.sheet, add: imp.add, change: imp.change, unchanged: imp.unchanged, done: imp.status === 'applied', applied: imp.applied, chunks: imp.chunks });

/**
 * One call applies chunks for at most this long, then answers how far it got (`done: false`); the
 * phone calls again, showing progress, until done. A cloud function times out (300 s at most), and
 * 30 000 roster rows are ~31 000 store requests: at ~25 ms each, far more than one call may take.
 * Between calls the import stays `applying` (no new preview; a failure still rolls everything back).
 */
export const APPLY_SLICE_MS = 20_000;

export async function applyImport(ctx: Context, input: { importId: string }, sliceMs = APPLY_SLICE_MS): Promise<ReturnType<typeof resultOf>> {
  const started = Date.now();
  const found = await ctx.store.get<ImportDoc>('imports', input.importId);
  if (!found) throw new AppError('VALIDATION', '没有找到这次预览（可能已被清理），请重新上传表格预览', { field: 'importId' });
  let imp: ImportDoc = found;
  if (imp.status === 'applied') return resultOf(imp);
  if (imp.status === 'rolledBack') throw new AppError('INVALID_TRANSITION', '这次导入已撤回（组织信息在预览后有变动），请重新上传预览');
  if (imp.status === 'staged') {
    if (ctx.now.getTime() - Date.parse(imp.createdAt) > STAGED_TTL_MS) throw new AppError('INVALID_TRANSITION', '预览已超过24小时，请重新上传表格预览');
    await refuseWhileApplying(ctx.store);
    try {
      imp = await ctx.store.update<ImportDoc>('imports', imp._id, imp.version, { status: 'applying' });
    } catch (err) {
      if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '这次导入正在由他人执行，请稍候刷新查看');
      throw err;
    }
  }
  try {
    const from = imp.applied;
    for (let seq = from; seq < imp.chunks; seq += 1) {
      // At least one chunk per call, so every call makes progress.
      if (seq > from && Date.now() - started >= sliceMs) return resultOf(imp);
      const at: ImportDoc = imp;
      imp = await ctx.store.transaction(async (tx): Promise<ImportDoc> => {
        const chunk = await tx.get<ChunkDoc>('importChunks', chunkId(at._id, seq));
        if (!chunk) throw new StoreError('NOT_FOUND', `chunk ${seq} of ${at._id}`);
        for (const op of chunk.ops) await applyOp(tx, op);
        return tx.update<ImportDoc>('imports', at._id, at.version, { applied: seq + 1 });
      });
    }
  } catch (err) {
    // Whatever stopped it (a write the preview did not foresee, a dropped connection), undo what
    // went in. If the store is away even for that, the import stays `applying` and a rerun finishes it.
    const fresh = await ctx.store.get<ImportDoc>('imports', imp._id).catch(() => null);
    if (!fresh) throw err;
    await rollBack(ctx, fresh);
    if (err instanceof StoreError && err.kind !== 'UNAVAILABLE') {
      throw new AppError('CONFLICT', '组织信息或名册在预览之后有了变动，本次导入已全部撤回、恢复原状。请重新上传表格预览后再导入');
    }
    throw new AppError('INTERNAL', '导入中途出错，已全部撤回、恢复原状。请稍后重新上传表格预览后再导入');
  }
  const done = await ctx.store.transaction(async (tx) => {
    const saved = await tx.update<ImportDoc>('imports', imp._id, imp.version, { status: 'applied', finishedAt: ctx.now.toISOString() });
    await audit(tx, { _id: ctx.newId(), entityType: 'import', entityId: imp._id, action: imp.sheet === 'org' ? 'importOrg' : 'importRoster', actorId: ctx.user?._id ?? '', at: ctx.now.toISOString(), from: null, to: `新增${imp.add} 修改${imp.change} 不变${imp.unchanged}`, requestId: ctx.requestId });
    return saved;
  });
  return resultOf(done);
}
