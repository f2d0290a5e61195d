import { AppError } from '@shared/contracts/errors';
import type { Brand } from '@shared/domain/brand/brand';
import { isInLibrary } from '@shared/domain/brand/state';
import { canActForCommittee, hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import type { StoreOps } from '../../ports/store';

export async function loadBrand(store: StoreOps, id: string): Promise<Brand> {
  const brand = await store.get<Brand>('brands', id);
  if (!brand) throw new AppError('NOT_FOUND', '该党建品牌不存在或已被删除，请返回品牌库刷新');
  return brand;
}

const roles = (ctx: Context) => ctx.user?.roles ?? [];

export const isAdmin = (ctx: Context) => hasRole(roles(ctx), 'admin');

/** The committee a secretary acts for: the one asked for (if theirs) or their first. */
export function committeeInScope(ctx: Context, committeeId: string | undefined): string {
  const id = committeeId ?? secretaryCommittees(roles(ctx))[0];
  if (!id) throw new AppError('VALIDATION', isAdmin(ctx) ? '请选择基层党委' : '您不是任何基层党委的书记或组织员', { field: 'committeeId' });
  if (!canActForCommittee(roles(ctx), id)) throw new AppError('FORBIDDEN', '您只能处理本基层党委的党建品牌');
  return id;
}

/** The committee's secretaries write and cultivate their brand; the Organization Department may too. */
export function requireCommitteeActor(ctx: Context, brand: Brand): void {
  if (!canActForCommittee(roles(ctx), brand.committeeId)) {
    throw new AppError('FORBIDDEN', '这是其他基层党委的党建品牌，您不能修改');
  }
}

export function requireAdmin(ctx: Context): void {
  if (!isAdmin(ctx)) throw new AppError('FORBIDDEN', '只有党委组织部可以进行此操作');
}

/** Who reads a brand: its committee and the Organization Department; any committee once it is in the 资源库. */
export function requireBrandReader(ctx: Context, brand: Brand): void {
  if (canActForCommittee(roles(ctx), brand.committeeId)) return;
  if (isInLibrary(brand.state) && secretaryCommittees(roles(ctx)).length > 0) return;
  throw new AppError('FORBIDDEN', '这是其他基层党委尚未认定的党建品牌，您无法查看');
}
