import { AppError } from '@shared/contracts/errors';
import type { BrandView, ParsedInputOf } from '@shared/contracts';
import type { Brand, BrandProgress, PromotionEvent } from '@shared/domain/brand/brand';
import { BRAND_STAGE_LABELS, canAdvanceStage } from '@shared/domain/brand/stage';
import { BRAND_STATE_LABELS } from '@shared/domain/brand/state';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { audit } from '../../services/audit';
import { loadBrand, requireAdmin, requireCommitteeActor } from './access';
import { toBrandView } from './views';

function requireCultivating(brand: Brand): void {
  if (brand.state !== 'accepted' && brand.state !== 'promoted') {
    throw new AppError('INVALID_TRANSITION', `品牌当前为「${BRAND_STATE_LABELS[brand.state]}」，认定入库后才能培育`);
  }
}

function conflictToApp(err: unknown): never {
  if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '品牌信息刚刚被修改，请刷新后再操作');
  throw err;
}

/** 品牌培育: the plan, 领导联系 and 干部包抓. */
export async function setCultivation(ctx: Context, input: ParsedInputOf<'brand.setCultivation'>): Promise<BrandView> {
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const brand = await loadBrand(tx, input.id);
      requireCommitteeActor(ctx, brand);
      requireCultivating(brand);
      const next = await tx.update<Brand>('brands', brand._id, input.version, {
        cultivation: { plan: input.plan.trim(), leader: input.leader.trim(), cadre: input.cadre.trim() },
        updatedAt: at,
      });
      await audit(tx, { _id: ctx.newId(), entityType: 'brand', entityId: brand._id, action: 'cultivation', actorId: ctx.user?._id ?? '', at, from: null, to: null, requestId: ctx.requestId });
      return next;
    });
    return toBrandView(ctx, saved);
  } catch (err) {
    return conflictToApp(err);
  }
}

/** A dated progress entry; the brand's stage moves forward along the six steps, never back. */
export async function addProgress(ctx: Context, input: ParsedInputOf<'brand.addProgress'>): Promise<BrandView> {
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const brand = await loadBrand(tx, input.brandId);
      requireCommitteeActor(ctx, brand);
      requireCultivating(brand);
      const from = brand.report.stage;
      if (!canAdvanceStage(from, input.stage)) {
        throw new AppError('VALIDATION', `品牌已处于「${BRAND_STAGE_LABELS[from]}」阶段，不能退回到「${BRAND_STAGE_LABELS[input.stage]}」`, { field: 'stage' });
      }
      await tx.insert<BrandProgress>('brandProgress', {
        _id: ctx.newId(),
        brandId: brand._id,
        date: input.date,
        text: input.text.trim(),
        photos: input.photos,
        stage: input.stage,
        authorId: ctx.user?._id ?? '',
        createdAt: at,
      });
      const next = await tx.update<Brand>('brands', brand._id, brand.version, { report: { ...brand.report, stage: input.stage }, updatedAt: at });
      await audit(tx, {
        _id: ctx.newId(),
        entityType: 'brand',
        entityId: brand._id,
        action: 'progress',
        actorId: ctx.user?._id ?? '',
        at,
        from: BRAND_STAGE_LABELS[from],
        to: BRAND_STAGE_LABELS[input.stage],
        requestId: ctx.requestId,
      });
      return next;
    });
    return toBrandView(ctx, saved);
  } catch (err) {
    return conflictToApp(err);
  }
}

/** 品牌推广 events (专题宣传, 座谈交流会, 现场观摩会): public, so checked like the brand's own text. */
export async function addEvent(ctx: Context, input: ParsedInputOf<'brand.addEvent'>): Promise<BrandView> {
  requireAdmin(ctx);
  const verdict = await ctx.contentCheck.checkText(`${input.place}\n${input.report}`, ctx.identity?.openid ?? null);
  if (verdict !== 'pass') throw new AppError('CONTENT_RISKY', '推广活动的文字未通过内容安全检测，请修改后再保存');
  const at = ctx.now.toISOString();
  const saved = await ctx.store.transaction(async (tx) => {
    const brand = await loadBrand(tx, input.brandId);
    if (brand.state !== 'promoted') {
      throw new AppError('INVALID_TRANSITION', `品牌当前为「${BRAND_STATE_LABELS[brand.state]}」，列为推广品牌后才能记录推广活动`);
    }
    await tx.insert<PromotionEvent>('brandEvents', {
      _id: ctx.newId(),
      brandId: brand._id,
      kind: input.kind,
      date: input.date,
      place: input.place.trim(),
      report: input.report.trim(),
      authorId: ctx.user?._id ?? '',
      createdAt: at,
    });
    await audit(tx, { _id: ctx.newId(), entityType: 'brand', entityId: brand._id, action: 'event', actorId: ctx.user?._id ?? '', at, from: null, to: null, requestId: ctx.requestId });
    return brand;
  });
  return toBrandView(ctx, saved);
}
