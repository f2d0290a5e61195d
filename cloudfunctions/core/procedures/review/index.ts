import type { reviewContracts } from '../../../../shared/contracts/review';
import type { AreaTable } from '../../router/procedure';

export const reviewProcedures: AreaTable<typeof reviewContracts> = {};
