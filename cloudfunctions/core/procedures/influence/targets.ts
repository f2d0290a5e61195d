import { AppError } from '@shared/contracts/errors';
import type { Brand } from '@shared/domain/brand/brand';
import { isPublic } from '@shared/domain/brand/state';
import type { TargetKind } from '@shared/domain/influence/counts';
import type { Project } from '@shared/domain/project/project';
import { isPublicProject } from '@shared/domain/influence/public';
import type { StoreOps } from '../../ports/store';

/** Whether the page of `kind`/`id` is public now (a like, a share and a view need it). */
export async function isPublicTarget(store: StoreOps, kind: TargetKind, id: string): Promise<boolean> {
  if (kind === 'brand') {
    const b = await store.get<Brand>('brands', id);
    return b !== null && isPublic(b.state);
  }
  const p = await store.get<Project>('projects', id);
  return p !== null && isPublicProject(p.state);
}

export const notPublic = () => new AppError('NOT_FOUND', '该页面不存在或尚未公开，暂不能点赞');
