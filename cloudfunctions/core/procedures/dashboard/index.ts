import type { dashboardContracts } from '@shared/contracts/dashboard';
import type { AreaTable } from '../../router/procedure';
import { committeeDashboard, universityDashboard } from './dashboard';

export const dashboardProcedures: AreaTable<typeof dashboardContracts> = {
  'dashboard.university': { access: ['admin'], handler: universityDashboard },
  'dashboard.committee': { access: ['secretary', 'admin'], handler: committeeDashboard },
};
