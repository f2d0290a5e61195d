/** 培育指导 entries (the committee's guidance of a funded project): "有目标、有计划、有成效". */
export const GUIDANCE_KINDS = ['target', 'visit', 'note'] as const;
export type GuidanceKind = (typeof GUIDANCE_KINDS)[number];
export const GUIDANCE_KIND_LABELS: Record<GuidanceKind, string> = {
  target: '目标与计划',
  visit: '走访指导',
  note: '指导意见与成效',
};
