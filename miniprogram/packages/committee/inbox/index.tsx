import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan } from '@shared/domain/money';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { useLoad } from '../../../hooks/useLoad';

/** The secretary's list: applications submitted to their committee and not yet decided. */
export default function CommitteeInbox() {
  const { data, error, loading, reload } = useLoad(() => call('committee.inbox', {}));
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  return (
    <View className="page committee-inbox">
      <View className="card">
        <View className="card-title">
          <Text className="inbox-committee">{data.committeeName}</Text>
          <Text className="muted">{data.items.length} 份待处理</Text>
        </View>
        {data.items.length === 0 ? (
          <Empty>暂时没有待处理的申报。党员提交申报书后，会出现在这里。</Empty>
        ) : (
          data.items.map((p) => (
            <View key={p._id} className="list-item inbox-item" onClick={() => Taro.navigateTo({ url: `/packages/project/edit/index?id=${p._id}` })}>
              <View className="row">
                <Text className="list-item-title">{p.title || '（未命名）'}</Text>
                <StateTag state={p.state} />
              </View>
              <View className="muted">
                主持人 {p.hostName} · 预算 ¥{formatYuan(p.budgetTotal)}
              </View>
              <View className="muted">
                {p.batchName} · 提交于 {p.submittedAt ? formatInstant(p.submittedAt) : '—'}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
