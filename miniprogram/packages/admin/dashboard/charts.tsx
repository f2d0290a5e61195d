import { View, Text } from '@tarojs/components';
import { barPercent } from '@shared/domain/dashboard';

/**
 * Charts drawn with plain Views and CSS (no chart library: the package stays small and it
 * looks the same in WeChat and in a browser).
 */

export interface Series {
  key: string;
  label: string;
  value: number;
  /** What is written beside the bar (defaults to the number). */
  text?: string;
}

/** One labelled horizontal bar per series, lengths relative to `max`. */
export function Bars({ series, max, className = '' }: { series: Series[]; max: number; className?: string }) {
  return (
    <View className={`bars ${className}`}>
      {series.map((s) => (
        <View key={s.key} className={`bar-line bar-${s.key}`}>
          <Text className="bar-label">{s.label}</Text>
          <View className="bar-track">
            <View className={`bar-fill fill-${s.key}`} style={{ width: `${barPercent(s.value, max)}%` }} />
          </View>
          <Text className="bar-value">{s.text ?? String(s.value)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Parts of one whole side by side in one bar, each part's share of the total. */
export function StackedBar({ parts, className = '' }: { parts: Series[]; className?: string }) {
  const total = parts.reduce((a, p) => a + p.value, 0);
  return (
    <View className={`stacked ${className}`}>
      {total === 0 ? <View className="stacked-empty" /> : null}
      {parts
        .filter((p) => p.value > 0)
        .map((p) => (
          <View key={p.key} className={`stacked-part fill-${p.key}`} style={{ width: `${(p.value / total) * 100}%` }} />
        ))}
    </View>
  );
}

/** The colour key of a stacked bar, with each part's count. */
export function Legend({ parts }: { parts: Series[] }) {
  return (
    <View className="legend">
      {parts.map((p) => (
        <View key={p.key} className="legend-item">
          <View className={`legend-dot fill-${p.key}`} />
          <Text>
            {p.label} {p.text ?? p.value}
          </Text>
        </View>
      ))}
    </View>
  );
}
