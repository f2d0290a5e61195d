import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { hasRole, secretaryCommittees } from '@shared/domain/roles';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { FeatureItem } from './FeatureItem';
import '../components/brand.css';

const year = Number(dateIn(new Date()).slice(0, 4));

/** "一支部一特色": each branch of the committee records one feature for the year. */
export default function BranchFeatures() {
  const [committeeId, setCommitteeId] = useState<string | undefined>(undefined);
  // Reloading bumps the key so every item starts again from what the server has.
  const [generation, setGeneration] = useState(0);
  const me = useLoad(() => Promise.all([call('session.me', {}), call('org.tree', {})]));
  const pickCommittee = me.data ? hasRole(me.data[0].roles, 'admin') && secretaryCommittees(me.data[0].roles).length === 0 : false;
  const chosen = committeeId ?? (pickCommittee ? me.data?.[1].committees[0]?._id : undefined);
  const list = useLoad(async () => (me.data ? call('branchFeature.list', { year, committeeId: chosen }) : null), [me.data, chosen, generation]);

  const error = me.error ?? list.error;
  if (error && !list.data) return <View className="page"><ErrorBox message={error} onRetry={me.data ? list.reload : me.reload} /></View>;
  if (!list.data) return <View className="page"><Loading /></View>;
  const data = list.data;

  return (
    <View className="page branch-features">
      {pickCommittee && me.data ? (
        <View className="card">
          <View className="chips">
            {me.data[1].committees.map((c) => (
              <Text key={c._id} className={`chip${c._id === chosen ? ' selected' : ''}`} onClick={() => setCommitteeId(c._id)}>
                {c.name}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <View className="card">
        <View className="card-title">
          <Text className="features-committee">{data.committeeName}</Text>
          <Text className="muted">{year} 年度</Text>
        </View>
        <View className="muted meta-line">结合党支部实际情况，为每个党支部确定一项特色工作。逐个填写后点“保存”。</View>
        {data.items.length === 0 ? (
          <Empty>本基层党委还没有党支部。党支部建立后会出现在这里。</Empty>
        ) : (
          data.items.map((item) => <FeatureItem key={`${item.branchId}-${generation}-${item.version ?? 'new'}`} item={item} onConflict={() => setGeneration((g) => g + 1)} />)
        )}
      </View>
    </View>
  );
}
