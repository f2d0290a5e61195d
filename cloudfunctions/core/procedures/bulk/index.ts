import type { bulkContracts } from '@shared/contracts/bulk';
import type { AreaTable } from '../../router/procedure';
import { disburseMany } from './funding';
import { confirmMany } from './people';
import { reorderRanks } from './ranks';
import { assignMany, stagePublicity } from './review';

/** Bulk actions at a desk: the same roles as the single action each repeats. */
export const bulkProcedures: AreaTable<typeof bulkContracts> = {
  'review.assignMany': { access: ['admin'], handler: assignMany },
  'review.stagePublicity': { access: ['admin'], handler: stagePublicity },
  'funding.disburseMany': { access: ['admin'], handler: disburseMany },
  'people.confirmMany': { access: ['secretary', 'admin'], handler: confirmMany },
  'committee.reorderRanks': { access: ['secretary'], handler: reorderRanks },
};
