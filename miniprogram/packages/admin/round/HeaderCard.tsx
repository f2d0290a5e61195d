import { Text, View } from '@tarojs/components';
import type { RoundStatus } from '@shared/contracts/review';
import { formatYuan } from '@shared/domain/money';

/** Where the round stands: places, counts by stage, the review window and the 公示. */
export function HeaderCard({ s }: { s: RoundStatus }) {
  const left = Math.max(s.quota - s.taken, 0);
  const c = s.counts;
  return (
    <View className="card round-header">
      <View className="card-title">{s.batch.name}</View>
      <View className="kv"><Text className="k">立项名额</Text><Text className="v round-quota">{s.quota} 项（已占 {s.taken}，余 {left}）</Text></View>
      <View className="kv"><Text className="k">每项资助</Text><Text className="v">¥{formatYuan(s.batch.grantPerProject)}</Text></View>
      <View className="count-chips">
        <Text className="count-chip">待评审 {c.recommended}</Text>
        <Text className="count-chip">评审中 {c.underReview}</Text>
        <Text className="count-chip">公示中 {c.inPublicity}</Text>
        <Text className="count-chip">已立项 {c.approved}</Text>
        <Text className="count-chip">未立项 {c.rejected}</Text>
      </View>
      <View className="muted meta-line" style={{ marginTop: '12px' }}>{s.reviewWindowText}</View>
      {s.publicityText ? <View className="muted meta-line">{s.publicityText}</View> : null}
    </View>
  );
}
