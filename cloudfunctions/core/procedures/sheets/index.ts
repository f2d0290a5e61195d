import type { sheetsContracts } from '@shared/contracts/sheets';
import type { AreaTable } from '../../router/procedure';
import { exportApplications } from './applications';
import { exportBrands } from './brands';
import { exportFunding } from './funding';
import { exportPublicity } from './publicity';
import { exportRecommendations } from './recommendations';
import { exportReviewScores } from './review-scores';

/**
 * The .xlsx lists. Committee lists are the secretaries' (their own committee, checked in the
 * handler) and the 组织部's (any committee); the review round's lists are the 组织部's alone.
 */
export const sheetsProcedures: AreaTable<typeof sheetsContracts> = {
  'export.applications': { access: ['secretary', 'admin'], handler: exportApplications },
  'export.recommendations': { access: ['secretary', 'admin'], handler: exportRecommendations },
  'export.reviewScores': { access: ['admin'], handler: exportReviewScores },
  'export.publicity': { access: ['admin'], handler: exportPublicity },
  'export.funding': { access: ['secretary', 'admin'], handler: exportFunding },
  'export.brands': { access: ['secretary', 'admin'], handler: exportBrands },
};
