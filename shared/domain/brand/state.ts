/**
 * A brand's workflow: 品牌推选 (the committee submits its report) → 认定 (the Organization
 * Department accepts it into the 资源库, or returns it) → 品牌培育 (while accepted) → 品牌推广.
 */
export const BRAND_STATES = ['draft', 'submitted', 'returned', 'accepted', 'promoted'] as const;
export type BrandState = (typeof BRAND_STATES)[number];

export const BRAND_STATE_LABELS: Record<BrandState, string> = {
  draft: '草稿',
  submitted: '已报送组织部',
  returned: '退回修改',
  accepted: '已认定（培育中）',
  promoted: '推广中',
};

export const BRAND_ACTIONS = ['submit', 'accept', 'return', 'promote'] as const;
export type BrandAction = (typeof BRAND_ACTIONS)[number];

const TRANSITIONS: Record<BrandAction, { from: readonly BrandState[]; to: BrandState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  // An accepted brand can be returned too: its report is frozen once accepted, and a report that
  // fails the content check before promotion must go back to the committee to be mended.
  return: { from: ['submitted', 'accepted'], to: 'returned' },
  promote: { from: ['accepted'], to: 'promoted' },
};

export function nextBrandState(from: BrandState, action: BrandAction): BrandState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function canEditReport(state: BrandState): boolean {
  return state === 'draft' || state === 'returned';
}

/** In the 资源库: accepted by the Organization Department. */
export function isInLibrary(state: BrandState): boolean {
  return state === 'accepted' || state === 'promoted';
}

/** Only promoted brands have a public showcase. */
export function isPublic(state: BrandState): boolean {
  return state === 'promoted';
}
