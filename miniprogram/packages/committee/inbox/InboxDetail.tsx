import { Text, View } from '@tarojs/components';
import type { ProjectSummary } from '@shared/contracts';
import { formatYuan } from '@shared/domain/money';
import { formatInstant } from '@shared/time/deadline';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';

/** One application beside the inbox's table: its summary and the way into it (审阅与推荐, or 具体指导 from 立项 on). */
export function InboxDetail({ p, guided, onOpen }: { p: ProjectSummary; guided: boolean; onOpen: () => void }) {
  return (
    <View className="card inbox-detail">
      <View className="row">
        <Text className="list-item-title">{p.title || '（未命名）'}</Text>
        <StateTag state={p.state} />
      </View>
      <View className="muted meta-line">项目编号：{p._id}</View>
      <View className="muted meta-line">主持人：{p.hostName}</View>
      <View className="muted meta-line">批次：{p.batchName}</View>
      <View className="muted meta-line">预算：¥{formatYuan(p.budgetTotal)}</View>
      <View className="muted meta-line">提交时间：{p.submittedAt ? formatInstant(p.submittedAt) : '—'}</View>
      <View className="muted meta-line">更新时间：{formatInstant(p.updatedAt)}</View>
      {p.committeeRank ? <View className="muted meta-line">推荐排序：第 {p.committeeRank} 位</View> : null}
      {p.committeeOpinion ? <View className="excerpt">党委意见：{p.committeeOpinion}</View> : null}
      <View className="actions">
        <Button size="small" type="primary" className="inbox-open" onClick={onOpen}>{guided ? '具体指导 ›' : p.state === 'submitted' ? '审阅并作出推荐决定 ›' : '查看申报书 ›'}</Button>
      </View>
    </View>
  );
}
