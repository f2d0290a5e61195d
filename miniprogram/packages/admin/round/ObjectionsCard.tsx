import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ObjectionView } from '@shared/contracts/review';
import { formatInstant } from '@shared/time/deadline';
import { Empty } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';

/** 公示期间的异议, oldest first: read before deciding. */
export function ObjectionsCard({ items }: { items: ObjectionView[] }) {
  return (
    <View className="card objections-card">
      <View className="card-title">
        <Text>公示异议</Text>
        <Text className="muted">{items.length} 条{items.some((o) => !o.finding) ? `，${items.filter((o) => !o.finding).length} 条待核实` : ''}</Text>
      </View>
      {items.length === 0 ? (
        <Empty>公示期间尚未收到异议。</Empty>
      ) : (
        items.map((o) => (
          <View key={o._id} className="sub-item objection-item">
            <View className="row">
              <Text>{o.projectTitle}</Text>
              <StateTag state={o.projectState} />
            </View>
            <View className="muted">
              {o.authorName}
              {o.authorCommitteeName ? `（${o.authorCommitteeName}）` : ''} · {formatInstant(o.createdAt)}
            </View>
            <View className="excerpt">{o.text}</View>
            <View className="row objection-status">
              <Text className={o.finding ? 'muted' : 'objection-waiting'}>{o.finding ? o.finding.text : '待核实处理'}</Text>
              <Text className="link-text objection-open" onClick={() => void Taro.navigateTo({ url: `/packages/admin/project/index?id=${encodeURIComponent(o.projectId)}` })}>
                {o.finding ? '查看申报与核实结论 ›' : '对照申报书核实处理 ›'}
              </Text>
            </View>
          </View>
        ))
      )}
    </View>
  );
}
