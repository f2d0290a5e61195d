import { AppError } from '@shared/contracts/errors';
import type { BrandView, ParsedInputOf } from '@shared/contracts';
import type { Brand } from '@shared/domain/brand/brand';
import { missingFiveHas } from '@shared/domain/brand/report';
import { BRAND_STATE_LABELS, nextBrandState, type BrandAction } from '@shared/domain/brand/state';
import type { Context } from '../../context';
import { StoreError, type Patch, type StoreOps } from '../../ports/store';
import { audit } from '../../services/audit';
import { tellSecretaries } from '../../services/group-notice';
import { loadBrand, requireAdmin, requireCommitteeActor } from './access';
import { startImageChecks } from '../../services/media-check';
import { brandFileIds } from './files';
import { publicTexts } from './public';
import { toBrandView } from './views';

const ACTION_LABELS: Record<BrandAction, string> = { submit: '报送', accept: '认定', return: '退回', promote: '推广' };

interface Step {
  action: BrandAction;
  authorise: (ctx: Context, brand: Brand) => void;
  /** Checks that need the stored brand (completeness, content); throws to refuse. */
  check?: (ctx: Context, brand: Brand, tx: StoreOps) => Promise<void>;
  patch: (ctx: Context, brand: Brand) => Patch<Brand>;
  reason?: string | null;
}

/** One brand transition in one transaction: state, timestamps and the audit line together. */
async function step(ctx: Context, input: { id: string; version: number }, s: Step): Promise<BrandView> {
  const at = ctx.now.toISOString();
  try {
    const saved = await ctx.store.transaction(async (tx) => {
      const brand = await loadBrand(tx, input.id);
      s.authorise(ctx, brand);
      if (brand.version !== input.version) {
        throw new AppError('CONFLICT', '品牌报告已被修改，请刷新后再操作', { currentVersion: brand.version });
      }
      const to = nextBrandState(brand.state, s.action);
      if (!to) {
        throw new AppError('INVALID_TRANSITION', `品牌当前为「${BRAND_STATE_LABELS[brand.state]}」，不能${ACTION_LABELS[s.action]}`);
      }
      await s.check?.(ctx, brand, tx);
      const next = await tx.update<Brand>('brands', brand._id, brand.version, { ...s.patch(ctx, brand), state: to, updatedAt: at });
      const auditId = ctx.newId();
      await audit(tx, {
        _id: auditId,
        entityType: 'brand',
        entityId: brand._id,
        action: s.action,
        actorId: ctx.user?._id ?? '',
        at,
        from: brand.state,
        to,
        reason: s.reason ?? null,
        requestId: ctx.requestId,
      });
      if (s.action !== 'submit') {
        // The 组织部's decision reaches the committee's secretaries.
        const name = brand.report.name.trim() || '党建品牌';
        const title = { accept: `「${name}」已认定入库`, return: `「${name}」被退回修改`, promote: `「${name}」已列入推广` }[s.action];
        const notice = { kind: `brand.${s.action}` as const, title, body: s.reason ?? BRAND_STATE_LABELS[to], entityId: brand._id, eventId: auditId, link: `/packages/brand/edit/index?id=${brand._id}` };
        await tellSecretaries(tx, notice, brand.committeeId, [ctx.user?._id ?? ''], at);
      }
      return next;
    });
    return toBrandView(ctx, saved);
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') throw new AppError('CONFLICT', '品牌报告刚刚被修改，请刷新后再操作');
    throw err;
  }
}

/** 品牌推选: the committee submits its report; every "五有" section must be there. */
export const submitBrand = (ctx: Context, input: ParsedInputOf<'brand.submit'>) =>
  step(ctx, input, {
    action: 'submit',
    authorise: requireCommitteeActor,
    async check(_ctx, brand) {
      const missing = missingFiveHas(brand.report);
      if (missing.length) {
        throw new AppError('INCOMPLETE', `“五有”尚未齐全：${missing.map((m) => `${m.label}（${m.reason}）`).join('；')}`, { missing });
      }
    },
    patch: (ctx) => ({ submittedAt: ctx.now.toISOString(), returnComment: null }),
  });

/** 认定: the Organization Department accepts the brand into the 资源库, or returns it with comments. */
export const reviewBrand = (ctx: Context, input: ParsedInputOf<'brand.review'>) =>
  step(ctx, input, {
    action: input.decision,
    authorise: (c) => requireAdmin(c),
    patch: (c) =>
      input.decision === 'accept'
        ? { acceptedAt: c.now.toISOString(), returnComment: null }
        : { returnComment: input.comment.trim() },
    reason: input.comment.trim() || null,
  });

/**
 * 品牌推广: public from now on, so its text passes the content-security check first and each
 * picture is checked too (shown in public once it passes).
 */
export async function promoteBrand(ctx: Context, input: ParsedInputOf<'brand.promote'>): Promise<BrandView> {
  const view = await promote(ctx, input);
  const brand = await loadBrand(ctx.store, view._id);
  await startImageChecks(ctx, brandFileIds(brand));
  return view;
}

const promote = (ctx: Context, input: ParsedInputOf<'brand.promote'>) =>
  step(ctx, input, {
    action: 'promote',
    authorise: (c) => requireAdmin(c),
    async check(c, brand) {
      const text = publicTexts(brand).join('\n');
      const verdict = await c.contentCheck.checkText(text, c.identity?.openid ?? null);
      if (verdict !== 'pass') {
        throw new AppError(
          'CONTENT_RISKY',
          verdict === 'risky'
            ? '品牌公开内容未通过微信内容安全检测：请在下方“退回修改”并写明需修改的文字，基层党委修改后重新报送'
            : '品牌公开内容需要人工复核，请稍后再试或联系管理员',
        );
      }
    },
    patch: (c) => ({ promotedAt: c.now.toISOString() }),
  });
