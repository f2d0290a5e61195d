import type { fundingContracts } from '../../../../shared/contracts/funding';
import type { AreaTable } from '../../router/procedure';

export const fundingProcedures: AreaTable<typeof fundingContracts> = {};
