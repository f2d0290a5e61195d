import type { orgContracts } from '@shared/contracts/org';
import { lazy } from '../../router/lazy';
import type { AreaTable } from '../../router/procedure';
import { applyImport } from './imports';
import { listUnits, saveBranch, saveCommittee, setClosed } from './units';
import { claimFirstAdmin, setupStatus } from '../setup/setup';

/**
 * Going live: the first administrator by the one-time 初始化码 (anyone with a WeChat identity may
 * try, the handler refuses once an administrator exists), then the 组织部 keeps the organisation
 * and imports and exports it, and the roster.
 */
export const orgProcedures: AreaTable<typeof orgContracts> = {
  'setup.status': { access: 'identified', handler: setupStatus },
  'setup.claim': { access: 'identified', limit: 'setup', handler: claimFirstAdmin },
  'org.units': { access: ['admin'], handler: listUnits },
  'org.saveCommittee': { access: ['admin'], handler: saveCommittee },
  'org.saveBranch': { access: ['admin'], handler: saveBranch },
  'org.setClosed': { access: ['admin'], handler: setClosed },
  // The .xlsx ones load exceljs with their module on their first call (router/lazy), not at a cold start.
  'orgImport.template': { access: ['admin'], limit: 'export', handler: lazy(() => import('./sheets').then((m) => m.importTemplate)) },
  'orgImport.export': { access: ['admin'], limit: 'export', handler: lazy(() => import('./sheets').then((m) => m.importExport)) },
  'orgImport.preview': { access: ['admin'], handler: lazy(() => import('./preview').then((m) => m.previewImport)) },
  'orgImport.apply': { access: ['admin'], handler: (ctx, input) => applyImport(ctx, input) },
};
