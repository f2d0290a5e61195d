/** 创建思路: 实践—总结—规范—提高—定型—推广, in this order. */
export const BRAND_STAGES = ['practice', 'summary', 'standardise', 'improve', 'finalise', 'promote'] as const;
export type BrandStage = (typeof BRAND_STAGES)[number];

export const BRAND_STAGE_LABELS: Record<BrandStage, string> = {
  practice: '实践',
  summary: '总结',
  standardise: '规范',
  improve: '提高',
  finalise: '定型',
  promote: '推广',
};

export function stageIndex(stage: BrandStage): number {
  return BRAND_STAGES.indexOf(stage);
}

/** Cultivation moves a brand forward along the six steps (or keeps it where it is), never back. */
export function canAdvanceStage(from: BrandStage, to: BrandStage): boolean {
  return stageIndex(to) >= stageIndex(from);
}
