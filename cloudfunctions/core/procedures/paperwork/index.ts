import type { paperworkContracts } from '@shared/contracts/paperwork';
import { lazy } from '../../router/lazy';
import type { AreaTable } from '../../router/procedure';
import { grantExtension, listExtensions, withdrawExtension } from './extensions';
import { nextYear } from './next-year';
import { getNotice, publicNotice } from './notice-read';
import { fileSources, type PacketSources } from './packet-sources';
import { packetProgress } from './progress';

/**
 * The notice's paperwork and the yearly cycle. Scope is checked in the handlers: batches by
 * their managers (the 组织部; a committee for its own), packets by committee. The two that
 * write office files load on their first call (docx, exceljs and jszip with them): see router/lazy.
 */
export function createPaperworkProcedures(sources: PacketSources = fileSources()): AreaTable<typeof paperworkContracts> {
  const packet = lazy(() => import('./packet').then((m) => m.exportPacket));
  return {
    'notice.issue': { access: ['admin'], limit: 'export', handler: lazy(() => import('./notice').then((m) => m.issueNotice)) },
    'notice.get': { access: ['admin'], handler: getNotice },
    'notice.public': { access: 'public', handler: publicNotice },
    'export.packet': { access: ['secretary', 'admin'], limit: 'export', handler: (ctx, input) => packet(ctx, input, sources) },
    'export.packetProgress': { access: ['secretary', 'admin'], handler: packetProgress },
    'batch.nextYear': { access: ['admin', 'secretary'], handler: nextYear },
    'batch.grantExtension': { access: ['admin', 'secretary'], handler: grantExtension },
    'batch.withdrawExtension': { access: ['admin', 'secretary'], handler: withdrawExtension },
    'batch.extensions': { access: ['admin', 'secretary'], handler: listExtensions },
  };
}

export const paperworkProcedures = createPaperworkProcedures();
