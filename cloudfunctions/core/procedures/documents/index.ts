import type { documentsContracts } from '@shared/contracts/documents';
import type { Context } from '../../context';
import { lazy } from '../../router/lazy';
import type { AreaTable } from '../../router/procedure';
import { filePictures, type PictureSource } from './pictures';

/**
 * The paper copies. Reading rights are those of project.get and brand.get, checked in the
 * handlers; pictures come through `pictures` (the file port by default, bytes in tests).
 */
export function createDocumentsProcedures(pictures: (ctx: Context) => PictureSource = (ctx) => filePictures(ctx.files)): AreaTable<typeof documentsContracts> {
  // Each loads on its first call (docx with it): see router/lazy.
  const brandReport = lazy(() => import('./brand-report').then((m) => m.exportBrandReport));
  return {
    'export.application': { access: 'bound', limit: 'export', handler: lazy(() => import('./application').then((m) => m.exportApplication)) },
    'export.brandReport': { access: ['secretary', 'admin'], limit: 'export', handler: (ctx, input) => brandReport(ctx, input, pictures(ctx)) },
  };
}

export const documentsProcedures = createDocumentsProcedures();
