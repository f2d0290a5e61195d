import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';

export type TextField = 'background' | 'goals' | 'measures' | 'innovation' | 'expectedOutcomes';
export const SECTIONS_BEFORE: Array<{ key: TextField; label: string; hint: string }> = [
  { key: 'background', label: '实施背景与拟解决的问题', hint: '本单位党建工作面临的新情况、新问题。' },
  { key: 'goals', label: '建设目标', hint: '围绕本单位党建品牌创建目标，写清“有目标、有计划、有成效”。' },
  { key: 'measures', label: '建设思路与主要举措', hint: '针对党建工作中的某一领域，突出项目制和实践性。' },
  { key: 'innovation', label: '创新点', hint: '工作机制创新、实践创新之处。' },
];
export const SECTIONS_AFTER: Array<{ key: TextField; label: string; hint: string }> = [
  { key: 'expectedOutcomes', label: '预期成果', hint: '理论成果、制度成果、实践成果、宣传报道等。' },
];


/** The bottom bar's line once the host can no longer edit. */
export function stateText(state: ProjectState): string {
  return state === 'submitted' ? '已提交，等待基层党委审核' : `当前状态：${PROJECT_STATE_LABELS[state]}`;
}
