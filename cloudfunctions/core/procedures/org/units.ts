import { AppError } from '@shared/contracts/errors';
import type { ParsedInputOf } from '@shared/contracts';
import type { BranchUnit, CommitteeUnit } from '@shared/contracts/org';
import { compareBranches, isOpen, type Branch, type Committee } from '@shared/domain/org';
import type { Context } from '../../context';
import { StoreError, type StoredDoc, type StoreOps } from '../../ports/store';
import { audit } from '../../services/audit';
import { readAll } from '../profile/org';

type StoredCommittee = Committee & StoredDoc;
type StoredBranch = Branch & StoredDoc;

const committeeView = (c: StoredCommittee, branches: number): CommitteeUnit => ({ _id: c._id, version: c.version, name: c.name, kind: c.kind, order: c.order, closed: c.closed === true, branches });
const branchView = (b: StoredBranch): BranchUnit => ({ _id: b._id, version: b.version, committeeId: b.committeeId, name: b.name, order: b.order ?? null, closed: b.closed === true });

/** The whole organisation, as read for the org page, the exports and the import's diff. */
export async function readOrg(store: StoreOps): Promise<{ committees: StoredCommittee[]; branches: StoredBranch[] }> {
  const [committees, branches] = await Promise.all([readAll<StoredCommittee>(store, 'committees', 'order'), readAll<StoredBranch>(store, 'branches', 'name')]);
  return { committees, branches };
}

export async function listUnits(ctx: Context): Promise<{ committees: CommitteeUnit[]; branches: BranchUnit[] }> {
  const org = await readOrg(ctx.store);
  const count = new Map<string, number>();
  for (const b of org.branches) count.set(b.committeeId, (count.get(b.committeeId) ?? 0) + 1);
  return {
    committees: org.committees.map((c) => committeeView(c, count.get(c._id) ?? 0)),
    branches: [...org.branches].sort(compareBranches).map(branchView),
  };
}

function storeRefusal(err: unknown, what: string): never {
  if (err instanceof StoreError && err.kind === 'DUPLICATE') throw new AppError('ALREADY_EXISTS', `单位代码已被使用：${what}。单位代码终身不变、不能重复，请换一个`);
  if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '该单位刚刚被其他人修改，请刷新后再改');
  if (err instanceof StoreError && err.kind === 'NOT_FOUND') throw new AppError('NOT_FOUND', '该单位不存在，请刷新列表');
  throw err;
}

async function codeTaken(tx: StoreOps, code: string): Promise<boolean> {
  const [c, b] = await Promise.all([tx.get('committees', code), tx.get('branches', code)]);
  return Boolean(c || b);
}

export async function saveCommittee(ctx: Context, input: ParsedInputOf<'org.saveCommittee'>): Promise<CommitteeUnit> {
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const before = await tx.get<StoredCommittee>('committees', input.code);
      let doc: StoredCommittee;
      if (input.version === null) {
        if (await codeTaken(tx, input.code)) throw new StoreError('DUPLICATE', input.code);
        doc = await tx.insert<StoredCommittee>('committees', { _id: input.code, name: input.name, kind: input.kind, order: input.order, closed: false });
      } else {
        doc = await tx.update<StoredCommittee>('committees', input.code, input.version, { name: input.name, kind: input.kind, order: input.order });
      }
      await audit(tx, { _id: ctx.newId(), entityType: 'unit', entityId: input.code, action: before ? 'editCommittee' : 'createCommittee', actorId: ctx.user?._id ?? '', at, from: before ? `${before.name}#${before.order}` : null, to: `${doc.name}#${doc.order}`, requestId: ctx.requestId });
      return doc;
    });
    return committeeView(saved, await ctx.store.count('branches', { committeeId: saved._id }));
  } catch (err) {
    return storeRefusal(err, input.code);
  }
}

export async function saveBranch(ctx: Context, input: ParsedInputOf<'org.saveBranch'>): Promise<BranchUnit> {
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const committee = await tx.get<StoredCommittee>('committees', input.committeeId);
      if (!committee) throw new AppError('VALIDATION', '所属基层党委不存在，请重新选择', { field: 'committeeId' });
      const before = await tx.get<StoredBranch>('branches', input.code);
      let doc: StoredBranch;
      if (input.version === null) {
        if (!isOpen(committee)) throw new AppError('VALIDATION', `${committee.name}已撤销，不能新建党支部`, { field: 'committeeId' });
        if (await codeTaken(tx, input.code)) throw new StoreError('DUPLICATE', input.code);
        doc = await tx.insert<StoredBranch>('branches', { _id: input.code, committeeId: committee._id, name: input.name, order: input.order, closed: false });
      } else {
        if (before && before.committeeId !== input.committeeId) throw new AppError('VALIDATION', '党支部不能改挂到其他基层党委；请新建支部并撤销原支部', { field: 'committeeId' });
        doc = await tx.update<StoredBranch>('branches', input.code, input.version, { name: input.name, order: input.order });
      }
      await audit(tx, { _id: ctx.newId(), entityType: 'unit', entityId: input.code, action: before ? 'editBranch' : 'createBranch', actorId: ctx.user?._id ?? '', at, from: before ? before.name : null, to: doc.name, requestId: ctx.requestId });
      return doc;
    });
    return branchView(saved);
  } catch (err) {
    return storeRefusal(err, input.code);
  }
}

/** 撤销 / 恢复: a unit is never deleted, so everything that names it keeps its name. */
export async function setClosed(ctx: Context, input: ParsedInputOf<'org.setClosed'>): Promise<{ code: string; version: number; closed: boolean }> {
  const collection = input.unit === 'committee' ? 'committees' : 'branches';
  const at = ctx.now.toISOString();
  try {
    const doc = await ctx.store.transaction(async (tx) => {
      const before = await tx.get<StoredCommittee | StoredBranch>(collection, input.code);
      if (!before) throw new StoreError('NOT_FOUND', input.code);
      if (input.unit === 'branch' && !input.closed) {
        const parent = await tx.get<StoredCommittee>('committees', (before as StoredBranch).committeeId);
        if (!isOpen(parent)) throw new AppError('VALIDATION', '所属基层党委已撤销：请先恢复该党委，再恢复党支部');
      }
      const saved = await tx.update<StoredCommittee | StoredBranch>(collection, input.code, input.version, { closed: input.closed });
      await audit(tx, { _id: ctx.newId(), entityType: 'unit', entityId: input.code, action: input.closed ? 'closeUnit' : 'reopenUnit', actorId: ctx.user?._id ?? '', at, from: before.closed ? 'closed' : 'open', to: input.closed ? 'closed' : 'open', requestId: ctx.requestId });
      return saved;
    });
    return { code: doc._id, version: doc.version, closed: doc.closed === true };
  } catch (err) {
    return storeRefusal(err, input.code);
  }
}
