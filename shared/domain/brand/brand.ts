import type { BrandReport } from './report';
import type { BrandStage } from './stage';
import type { BrandState } from './state';

/** A committee's brand for one year ("一党委一品牌"): its report, workflow state and cultivation. */
export interface Brand {
  _id: string;
  version: number;
  committeeId: string;
  year: number;
  state: BrandState;
  report: BrandReport;
  /** 品牌培育: the plan, 领导联系 and 干部包抓. */
  cultivation: Cultivation | null;
  /** The Organization Department's comments when returning the report. */
  returnComment: string | null;
  /** Denormalised for the 资源库 search: name and committee name, lower-cased. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  promotedAt: string | null;
}

export interface Cultivation {
  plan: string;
  /** 领导联系: the leader who liaises. */
  leader: string;
  /** 干部包抓: the cadre responsible. */
  cadre: string;
}

/** A dated progress entry of cultivation, possibly moving the brand along the six steps. */
export interface BrandProgress {
  _id: string;
  version: number;
  brandId: string;
  date: string;
  text: string;
  photos: string[];
  stage: BrandStage;
  authorId: string;
  createdAt: string;
}

export const PROMOTION_KINDS = ['feature', 'symposium', 'site_visit'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
export const PROMOTION_KIND_LABELS: Record<PromotionKind, string> = {
  feature: '专题宣传',
  symposium: '座谈交流会',
  site_visit: '现场观摩会',
};

/** 品牌推广 events recorded by the Organization Department. */
export interface PromotionEvent {
  _id: string;
  version: number;
  brandId: string;
  kind: PromotionKind;
  date: string;
  place: string;
  report: string;
  authorId: string;
  createdAt: string;
}

/** "一支部一特色": each branch records its own feature under its committee. */
export interface BranchFeature {
  _id: string;
  version: number;
  branchId: string;
  committeeId: string;
  year: number;
  name: string;
  description: string;
  updatedAt: string;
}

export function brandSearchText(name: string, committeeName: string): string {
  return `${name} ${committeeName}`.toLowerCase();
}
