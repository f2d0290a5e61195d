import type { dashboardContracts } from '../../../../shared/contracts/dashboard';
import type { AreaTable } from '../../router/procedure';

export const dashboardProcedures: AreaTable<typeof dashboardContracts> = {};
