import { View, Text } from '@tarojs/components';
import { FIVE_HAS, missingFiveHas, type BrandReport, type FiveHas } from '@shared/domain/brand/report';

/** The "五有" standard: what is there and what is still missing before the report can be submitted. */
export function FiveHasChecklist({ report }: { report: BrandReport }) {
  const missing = new Map(missingFiveHas(report).map((m) => [m.section, m.reason]));
  return (
    <View className="five-has">
      {(Object.keys(FIVE_HAS) as FiveHas[]).map((k) => {
        const reason = missing.get(k);
        return (
          <View key={k} className={`checklist-item five-has-${k} ${reason === undefined ? 'ok' : 'missing'}`}>
            <Text className="mark">{reason === undefined ? '✓' : '✗'}</Text>
            <View>
              <View>{FIVE_HAS[k]}</View>
              {reason ? <View className="muted">{reason}</View> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
