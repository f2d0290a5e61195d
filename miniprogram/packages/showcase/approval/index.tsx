import { Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { formatYuan } from '@shared/domain/money';
import { APPROVAL_PAGE } from '@shared/domain/paperwork/notice';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import './index.css';

const PAGE = APPROVAL_PAGE;

/** 立项名单, readable by anyone and shareable: exactly what the 立项通知 shows, nothing more. */
export default function Approval() {
  const batchId = useRouter().params.batchId ?? '';
  // Wrapped: a notice not yet issued (null) is an answer, not "still loading".
  const loaded = useLoad(async () => ({ notice: batchId ? await call('notice.public', { batchId }) : null }), [batchId]);
  const { error, loading, reload } = loaded;
  const data = loaded.data?.notice ?? null;
  const shareTitle = data ? data.title.replace(/^关于公布|的通知$/g, '') : '党建精品项目立项名单';
  useShareAppMessage(() => ({ title: shareTitle, path: `${PAGE}?batchId=${encodeURIComponent(batchId)}` }));
  useShareTimeline(() => ({ title: shareTitle, query: `batchId=${encodeURIComponent(batchId)}` }));

  if (!batchId) return <View className="page"><View className="error-box">立项名单的链接不完整，请从党委组织部的通知或消息中重新打开。</View></View>;
  if (error && !loaded.data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (loading && !loaded.data) return <View className="page"><Loading /></View>;
  if (!data) {
    return (
      <View className="page approval">
        <Empty>立项通知尚未下发。党委组织部下发后，立项名单会显示在这里。</Empty>
      </View>
    );
  }

  return (
    <View className="page approval">
      <View className="card approval-head">
        <View className="approval-issuer">{data.issuerName}</View>
        <View className="approval-number">{data.docNumber}</View>
        <View className="approval-rule" />
        <View className="approval-title">{data.title}</View>
        <View className="muted approval-date">{data.dateText}</View>
      </View>
      <View className="card approval-list">
        <View className="card-title">
          <Text>立项项目</Text>
          <Text className="muted">{data.items.length} 项 · 合计 ¥{formatYuan(data.totalFen)}</Text>
        </View>
        {data.items.length === 0 ? (
          <Empty>本批次没有立项的项目。</Empty>
        ) : (
          data.items.map((p) => (
            <View key={p.projectId} className="list-item approval-item">
              <View className="list-item-title">{p.order}. {p.title}</View>
              <View className="muted">主持人 {p.hostName} · {p.committeeName}</View>
              <View className="approval-grant">资助金额 ¥{formatYuan(p.grantFen)}</View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
