import type { paperworkContracts } from '@shared/contracts/paperwork';
import type { AreaTable } from '../../router/procedure';
import { grantExtension, listExtensions, withdrawExtension } from './extensions';
import { nextYear } from './next-year';
import { getNotice, issueNotice, publicNotice } from './notice';
import { exportPacket, fileSources, type PacketSources } from './packet';
import { packetProgress } from './progress';

/**
 * The notice's paperwork and the yearly cycle. Scope is checked in the handlers: batches by
 * their managers (the 组织部; a committee for its own), packets by committee.
 */
export function createPaperworkProcedures(sources: PacketSources = fileSources()): AreaTable<typeof paperworkContracts> {
  return {
    'notice.issue': { access: ['admin'], handler: issueNotice },
    'notice.get': { access: ['admin'], handler: getNotice },
    'notice.public': { access: 'public', handler: publicNotice },
    'export.packet': { access: ['secretary', 'admin'], handler: (ctx, input) => exportPacket(ctx, input, sources) },
    'export.packetProgress': { access: ['secretary', 'admin'], handler: packetProgress },
    'batch.nextYear': { access: ['admin', 'secretary'], handler: nextYear },
    'batch.grantExtension': { access: ['admin', 'secretary'], handler: grantExtension },
    'batch.withdrawExtension': { access: ['admin', 'secretary'], handler: withdrawExtension },
    'batch.extensions': { access: ['admin', 'secretary'], handler: listExtensions },
  };
}

export const paperworkProcedures = createPaperworkProcedures();
