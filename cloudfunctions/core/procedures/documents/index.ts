import type { documentsContracts } from '@shared/contracts/documents';
import type { Context } from '../../context';
import type { AreaTable } from '../../router/procedure';
import { exportApplication } from './application';
import { exportBrandReport } from './brand-report';
import { filePictures, type PictureSource } from './pictures';

/**
 * The paper copies. Reading rights are those of project.get and brand.get, checked in the
 * handlers; pictures come through `pictures` (the file port by default, bytes in tests).
 */
export function createDocumentsProcedures(pictures: (ctx: Context) => PictureSource = (ctx) => filePictures(ctx.files)): AreaTable<typeof documentsContracts> {
  return {
    'export.application': { access: 'bound', handler: exportApplication },
    'export.brandReport': { access: ['secretary', 'admin'], handler: (ctx, input) => exportBrandReport(ctx, input, pictures(ctx)) },
  };
}

export const documentsProcedures = createDocumentsProcedures();
