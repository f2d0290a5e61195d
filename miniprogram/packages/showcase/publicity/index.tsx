import { View, Text } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import { ObjectionForm } from './ObjectionForm';
import './index.css';

const PAGE = '/packages/showcase/publicity/index';

/** 公示名单 of a batch, readable by anyone; during the period a signed-in person may raise an objection. */
export default function Publicity() {
  const batchId = useRouter().params.batchId ?? '';
  const { data, error, loading, reload } = useLoad(async () => (batchId ? call('review.publicityList', { batchId }) : null), [batchId]);
  const [objecting, setObjecting] = useState<string | null>(null);
  useShareAppMessage(() => ({ title: data ? `${data.batchName}立项公示` : '党建精品项目立项公示', path: `${PAGE}?batchId=${encodeURIComponent(batchId)}` }));

  if (!batchId) return <View className="page"><View className="error-box">公示链接不完整，请从党委组织部发布的通知中重新打开。</View></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (!data) return null;

  return (
    <View className="page publicity">
      <View className="card publicity-head">
        <View className="publicity-title">{data.batchName}拟立项项目公示</View>
        <View className="muted publicity-period">{data.periodText ?? '公示期尚未确定'}</View>
        <View className="muted" style={{ marginTop: '12px', lineHeight: 1.7 }}>
          经基层党委（总支）推荐、党委组织部组织立项评审，以下项目拟立项为党建精品培育项目，现予公示。
          {data.open ? '公示期内如有异议，可在对应项目下提出，请写明事实依据。' : '当前不在公示期内，不受理异议。'}
        </View>
      </View>
      <View className="card publicity-list">
        <View className="card-title">
          <Text>公示项目</Text>
          <Text className="muted">{data.items.length} 项</Text>
        </View>
        {data.items.length === 0 ? (
          <Empty>当前没有公示中的项目。公示发布后，名单会显示在这里。</Empty>
        ) : (
          data.items.map((p, i) => (
            <View key={p.projectId} className="list-item publicity-item">
              <View className="list-item-title">{i + 1}. {p.title}</View>
              <View className="muted">{p.committeeName} · 主持人 {p.hostName}{p.category ? ` · ${p.category}` : ''}</View>
              {data.open && objecting !== p.projectId ? (
                <Text className="publicity-object" onClick={() => setObjecting(p.projectId)}>提出异议</Text>
              ) : null}
              {objecting === p.projectId ? <ObjectionForm projectId={p.projectId} title={p.title} onClose={() => setObjecting(null)} /> : null}
            </View>
          ))
        )}
      </View>
    </View>
  );
}
