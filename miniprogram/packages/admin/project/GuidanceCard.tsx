import { Text, View } from '@tarojs/components';
import type { GuidanceView } from '@shared/contracts/funding';
import { GUIDANCE_KIND_LABELS, GUIDANCE_KINDS } from '@shared/domain/project/guidance';
import { Empty } from '../../../components/Feedback';

/** 培育指导 by the 基层党委 (有目标、有计划、有成效), read-only here. */
export function GuidanceCard({ g }: { g: GuidanceView }) {
  return (
    <View className="card guidance-card">
      <View className="card-title">
        <Text>培育指导</Text>
        <Text className="muted">{g.committeeName}</Text>
      </View>
      <View className="count-chips">
        {GUIDANCE_KINDS.map((k) => (
          <Text key={k} className="count-chip">{GUIDANCE_KIND_LABELS[k]} {g.counts[k]}</Text>
        ))}
      </View>
      {g.items.length === 0 ? (
        <Empty>基层党委尚未记录培育指导。项目培育期间，基层党委记录的目标计划、走访指导和成效会显示在这里。</Empty>
      ) : (
        g.items.map((e) => (
          <View key={e._id} className="sub-item guidance-item">
            <View className="row">
              <Text>{e.kindLabel}</Text>
              <Text className="muted">{e.date} · {e.authorName}</Text>
            </View>
            <View className="excerpt">{e.text}</View>
          </View>
        ))
      )}
    </View>
  );
}
