import { AppError } from '@shared/contracts/errors';
import type { BranchFeatureView, ParsedInputOf } from '@shared/contracts';
import type { BranchFeature } from '@shared/domain/brand/brand';
import type { Branch } from '@shared/domain/org';
import type { Context } from '../../context';
import { StoreError, type StoredDoc } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { readAll } from '../profile/org';
import { committeeInScope } from './access';

const featureId = (branchId: string, year: number) => `${branchId}:${year}`;

/** "一支部一特色": every branch of the committee with its feature for the year (or none yet). */
export async function listBranchFeatures(ctx: Context, input: ParsedInputOf<'branchFeature.list'>) {
  const committeeId = committeeInScope(ctx, input.committeeId);
  const [branches, features, committeeName] = await Promise.all([
    readAll<Branch & StoredDoc>(ctx.store, 'branches', 'name'),
    ctx.store.find<BranchFeature>('branchFeatures', { where: { committeeId, year: input.year }, limit: 100 }),
    new Lookup(ctx.store).committeeName(committeeId),
  ]);
  const byBranch = new Map(features.map((f) => [f.branchId, f]));
  const items: BranchFeatureView[] = branches
    .filter((b) => b.committeeId === committeeId)
    .map((b) => {
      const f = byBranch.get(b._id);
      return { branchId: b._id, branchName: b.name, year: input.year, name: f?.name ?? '', description: f?.description ?? '', version: f?.version ?? null };
    });
  return { committeeId, committeeName, items };
}

/** Records or updates one branch's feature; versioned like every other edit. */
export async function saveBranchFeature(ctx: Context, input: ParsedInputOf<'branchFeature.save'>): Promise<BranchFeatureView> {
  const branch = await new Lookup(ctx.store).branch(input.branchId);
  if (!branch) throw new AppError('NOT_FOUND', '该党支部不存在');
  committeeInScope(ctx, branch.committeeId);
  const id = featureId(branch._id, input.year);
  const fields = { name: input.name.trim(), description: input.description.trim(), updatedAt: ctx.now.toISOString() };
  try {
    const saved =
      input.version === null
        ? await ctx.store.insert<BranchFeature>('branchFeatures', { _id: id, branchId: branch._id, committeeId: branch.committeeId, year: input.year, ...fields })
        : await ctx.store.update<BranchFeature>('branchFeatures', id, input.version, fields);
    return { branchId: branch._id, branchName: branch.name, year: input.year, name: saved.name, description: saved.description, version: saved.version };
  } catch (err) {
    if (err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE')) {
      throw new AppError('CONFLICT', '该支部特色刚刚被他人修改，请刷新后再编辑');
    }
    throw err;
  }
}
