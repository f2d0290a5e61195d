import type { sheetsContracts } from '../../../../shared/contracts/sheets';
import type { AreaTable } from '../../router/procedure';

export const sheetsProcedures: AreaTable<typeof sheetsContracts> = {};
