import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { completeFields } from '@shared/domain/project/application';
import type { Brand } from '@shared/domain/brand/brand';
import type { Project } from '@shared/domain/project/project';
import { canEditApplication, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { loadProject, requireHost } from './access';

/**
 * Autosave. A versioned write: a second device saving over an older version gets CONFLICT
 * (with the current version) and must reload; nothing is silently overwritten. Saving stays
 * possible after the deadline so no typing is lost, but submitting does not.
 */
export async function saveDraft(ctx: Context, input: ParsedInputOf<'project.saveDraft'>): Promise<OutputOf<'project.saveDraft'>> {
  const project = await loadProject(ctx.store, input.id);
  requireHost(ctx, project);
  if (!canEditApplication(project.state)) {
    throw new AppError('INVALID_TRANSITION', `申报书当前为「${PROJECT_STATE_LABELS[project.state]}」，不能修改；如需修改请先撤回`);
  }
  if (input.fields.brandId) {
    const brand = await ctx.store.get<Brand>('brands', input.fields.brandId);
    if (!brand || brand.committeeId !== project.committeeId) {
      throw new AppError('VALIDATION', '只能关联本基层党委的党建品牌', { field: 'brandId' });
    }
  }
  try {
    const saved = await ctx.store.update<Project>('projects', project._id, input.version, {
      fields: input.fields,
      updatedAt: ctx.now.toISOString(),
    });
    const fields = completeFields(saved.fields);
    const urls = await ctx.files.urls(fields.attachments.map((a) => a.fileId));
    return { _id: saved._id, version: saved.version, updatedAt: saved.updatedAt, fields, fileUrls: Object.fromEntries(urls) };
  } catch (err) {
    if (err instanceof StoreError && err.kind === 'CONFLICT') {
      throw new AppError('CONFLICT', '这份申报书已在其他设备上修改并保存，请重新加载后再编辑', { currentVersion: project.version });
    }
    throw err;
  }
}
