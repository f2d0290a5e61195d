import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FundedProject } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { TRANCHE_LABELS } from '@shared/domain/project/funding';
import { Empty, Loading } from '../../../components/Feedback';
import { LoadMore } from '../../../components/LoadMore';
import { StateTag } from '../../../components/StateTag';

interface Props {
  rows: FundedProject[];
  total: number;
  loading: boolean;
  empty: string;
  onMore: () => void;
}

/** 培育与验收 on the phone: a card per funded project, 加载更多 for the next page the server sorts. */
export function FundedCards({ rows, total, loading, empty, onMore }: Props) {
  if (rows.length === 0) return loading ? <Loading /> : <Empty>{empty}</Empty>;
  return (
    <>
      {rows.map((p) => (
        <View key={p.projectId} className="list-item funded-item" data-project-id={p.projectId} onClick={() => void Taro.navigateTo({ url: `/packages/admin/project/index?id=${p.projectId}` })}>
          <View className="row">
            <Text className="list-item-title">{p.title || '（未命名）'}</Text>
            <StateTag state={p.state} />
          </View>
          <View className="muted">
            {p.committeeName} · {p.hostName}
          </View>
          <View className="muted">
            资助 ¥{formatYuan(p.grantFen)} · 已拨 ¥{formatYuan(p.paidFen)} · 已支出 ¥{formatYuan(p.spentFen)}
          </View>
          {p.dueTranche ? <View className="warn-box funded-due">{TRANCHE_LABELS[p.dueTranche]}待拨付</View> : null}
        </View>
      ))}
      <LoadMore className="funded-more" shown={rows.length} total={total} loading={loading} onMore={onMore} />
    </>
  );
}
