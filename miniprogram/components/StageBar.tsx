import { View, Text } from '@tarojs/components';
import { BRAND_STAGES, BRAND_STAGE_LABELS, stageIndex, type BrandStage } from '@shared/domain/brand/stage';
import './StageBar.css';

/** 实践—总结—规范—提高—定型—推广: the six steps of a brand, with the current one marked. */
export function StageBar({ stage }: { stage: BrandStage }) {
  const at = stageIndex(stage);
  return (
    <View className="stage-bar" aria-label={`创建思路当前阶段：${BRAND_STAGE_LABELS[stage]}`}>
      {BRAND_STAGES.map((s, i) => (
        <View key={s} className={`stage-step stage-${s}${i < at ? ' done' : ''}${i === at ? ' current' : ''}`}>
          <View className="stage-dot">{i < at ? '✓' : i + 1}</View>
          <Text className="stage-label">{BRAND_STAGE_LABELS[s]}</Text>
        </View>
      ))}
    </View>
  );
}
