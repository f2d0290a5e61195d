import { isOpen } from '@shared/domain/org';
import { AppError } from '@shared/contracts/errors';
import type { BrandView, ParsedInputOf } from '@shared/contracts';
import { brandSearchText, type Brand } from '@shared/domain/brand/brand';
import { emptyBrandReport, type BrandReport } from '@shared/domain/brand/report';
import { BRAND_STATE_LABELS, canEditReport } from '@shared/domain/brand/state';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { StoreError, type StoredDoc } from '../../ports/store';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { committeeInScope, loadBrand, requireBrandReader, requireCommitteeActor } from './access';
import { linkableProjects, toBrandSummary, toBrandView } from './views';

interface BrandSlot extends StoredDoc {
  committeeId: string;
  year: number;
  brandId: string;
}

const slotId = (committeeId: string, year: number) => `${committeeId}:${year}`;

export async function myBrand(ctx: Context, input: ParsedInputOf<'brand.mine'>) {
  const committeeId = committeeInScope(ctx, input.committeeId);
  const year = input.year ?? Number(dateIn(ctx.now).slice(0, 4));
  const lookup = new Lookup(ctx.store);
  const committeeName = await lookup.committeeName(committeeId);
  const slot = await ctx.store.get<BrandSlot>('brandSlots', slotId(committeeId, year));
  const brand = slot ? await ctx.store.get<Brand>('brands', slot.brandId) : null;
  return { committeeId, committeeName, year, brand: brand ? toBrandSummary(brand, committeeName) : null };
}

/** Starts the committee's brand report for a year: one brand per committee per year. */
export async function createBrand(ctx: Context, input: ParsedInputOf<'brand.create'>): Promise<BrandView> {
  const committeeId = committeeInScope(ctx, input.committeeId);
  const actorId = ctx.user?._id ?? '';
  const at = ctx.now.toISOString();
  const committee = await new Lookup(ctx.store).committee(committeeId);
  if (!committee) throw new AppError('NOT_FOUND', '该基层党委不存在，请重新选择', { field: 'committeeId' });
  if (!isOpen(committee)) throw new AppError('FORBIDDEN', `${committee.name}已撤销，不能再创建品牌；已有品牌仍可查看`);
  const committeeName = committee.name;
  const brand: Omit<Brand, 'version'> = {
    _id: ctx.newId(),
    committeeId,
    year: input.year,
    state: 'draft',
    report: emptyBrandReport(),
    cultivation: null,
    returnComment: null,
    searchText: brandSearchText('', committeeName),
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    acceptedAt: null,
    promotedAt: null,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insert<BrandSlot>('brandSlots', { _id: slotId(committeeId, input.year), committeeId, year: input.year, brandId: brand._id });
      await tx.insert<Brand>('brands', brand);
      await audit(tx, { _id: ctx.newId(), entityType: 'brand', entityId: brand._id, action: 'create', actorId, at, from: null, to: 'draft', requestId: ctx.requestId });
    });
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'DUPLICATE') {
      const slot = await ctx.store.get<BrandSlot>('brandSlots', slotId(committeeId, input.year));
      throw new AppError('ALREADY_EXISTS', `一党委一品牌：${committeeName}${input.year}年度已有党建品牌，请继续完善它`, { brandId: slot?.brandId ?? null });
    }
    throw err;
  }
  return toBrandView(ctx, await loadBrand(ctx.store, brand._id));
}

export async function getBrand(ctx: Context, input: ParsedInputOf<'brand.get'>): Promise<BrandView> {
  const brand = await loadBrand(ctx.store, input.id);
  requireBrandReader(ctx, brand);
  return toBrandView(ctx, brand);
}

/** Links to projects must point at the committee's own projects. */
async function checkCarrierLinks(ctx: Context, committeeId: string, report: BrandReport): Promise<void> {
  const linked = report.carriers.map((c) => c.projectId).filter((id): id is string => id !== null);
  if (linked.length === 0) return;
  const allowed = new Set((await linkableProjects(ctx, committeeId)).map((p) => p._id));
  const bad = linked.find((id) => !allowed.has(id));
  if (bad) throw new AppError('VALIDATION', '活动载体只能关联本基层党委的党建精品项目', { field: 'carriers', projectId: bad });
}

/** Autosave of the report: a versioned write, refused once the report has left the committee. */
export async function saveBrand(ctx: Context, input: ParsedInputOf<'brand.save'>): Promise<BrandView> {
  const brand = await loadBrand(ctx.store, input.id);
  requireCommitteeActor(ctx, brand);
  if (!canEditReport(brand.state)) {
    throw new AppError('INVALID_TRANSITION', `品牌报告当前为「${BRAND_STATE_LABELS[brand.state]}」，不能修改`);
  }
  await checkCarrierLinks(ctx, brand.committeeId, input.report);
  const committeeName = await new Lookup(ctx.store).committeeName(brand.committeeId);
  try {
    const saved = await ctx.store.update<Brand>('brands', brand._id, input.version, {
      report: input.report,
      searchText: brandSearchText(input.report.name, committeeName),
      updatedAt: ctx.now.toISOString(),
    });
    return toBrandView(ctx, saved);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') {
      throw new AppError('CONFLICT', '品牌报告已在其他设备上修改并保存，请重新加载后再编辑', { currentVersion: brand.version });
    }
    throw err;
  }
}
