import type { sheetsContracts } from '@shared/contracts/sheets';
import { lazy } from '../../router/lazy';
import type { AreaTable } from '../../router/procedure';

/**
 * The .xlsx lists. Committee lists are the secretaries' (their own committee, checked in the
 * handler) and the 组织部's (any committee); the review round's lists are the 组织部's alone.
 * Each loads on its first call (exceljs with it): see router/lazy.
 */
export const sheetsProcedures: AreaTable<typeof sheetsContracts> = {
  'export.applications': { access: ['secretary', 'admin'], limit: 'export', handler: lazy(() => import('./applications').then((m) => m.exportApplications)) },
  'export.recommendations': { access: ['secretary', 'admin'], limit: 'export', handler: lazy(() => import('./recommendations').then((m) => m.exportRecommendations)) },
  'export.reviewScores': { access: ['admin'], limit: 'export', handler: lazy(() => import('./review-scores').then((m) => m.exportReviewScores)) },
  'export.publicity': { access: ['admin'], limit: 'export', handler: lazy(() => import('./publicity').then((m) => m.exportPublicity)) },
  'export.funding': { access: ['secretary', 'admin'], limit: 'export', handler: lazy(() => import('./funding').then((m) => m.exportFunding)) },
  'export.brands': { access: ['secretary', 'admin'], limit: 'export', handler: lazy(() => import('./brands').then((m) => m.exportBrands)) },
};
