import { View, Text } from '@tarojs/components';
import type { TimelineEntry } from '@shared/contracts';
import { formatInstant } from '@shared/time/deadline';

/** Every step of the project: when, who, what, and why. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <View className="muted">暂无记录</View>;
  return (
    <View className="timeline">
      {[...entries].reverse().map((e, i) => (
        <View key={`${e.at}-${i}`} className="timeline-item">
          <View className="row">
            <Text className="timeline-action">{e.actionLabel}</Text>
            <Text className="muted">{formatInstant(e.at)}</Text>
          </View>
          <View className="muted">{e.actorName}</View>
          {e.reason ? <View className="timeline-reason">{e.reason}</View> : null}
        </View>
      ))}
    </View>
  );
}
