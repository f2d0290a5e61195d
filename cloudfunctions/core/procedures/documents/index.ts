import type { documentsContracts } from '../../../../shared/contracts/documents';
import type { AreaTable } from '../../router/procedure';

export const documentsProcedures: AreaTable<typeof documentsContracts> = {};
