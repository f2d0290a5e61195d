import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { GuidanceView } from '@shared/contracts/funding';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button, Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { FinalSubmitCard } from './FinalSubmitCard';
import { GuidanceForm } from './GuidanceForm';
import { MatchingCard } from './MatchingCard';
import '../../project/components/project.css';
import { DeskShell } from '../../../components/desk/DeskShell';

/** 具体指导 of a cultivated project: "有目标、有计划、有成效"; 配套经费; 提交结项材料. */
function GuidancePage() {
  const id = useRouter().params.id ?? '';
  const loaded = useLoad(() => call('guidance.list', { projectId: id }), [id]);
  const [g, setG] = useState<GuidanceView | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => setG(loaded.data), [loaded.data]);

  if (loaded.error && !g) return <View className="page"><ErrorBox message={loaded.error} onRetry={loaded.reload} /></View>;
  if (!g) return <View className="page"><Loading /></View>;

  return (
    <View className="page committee-guidance">
      <View className="card">
        <View className="row">
          <Text className="list-item-title">{g.title || '（未命名项目）'}</Text>
          <Tag type="primary" className="state-tag">{g.stateLabel}</Tag>
        </View>
        <View className="muted meta-line">{g.committeeName}负责具体指导，做到“有目标、有计划、有成效”。</View>
        <View className="inline-actions">
          <Button size="small" className="open-application" onClick={() => void Taro.navigateTo({ url: `/packages/project/edit/index?id=${encodeURIComponent(id)}` })}>
            申报书与办理记录
          </Button>
        </View>
      </View>

      <View className="card guidance-list">
        <View className="card-title">
          <Text>指导记录</Text>
          <Text className="muted">目标 {g.counts.target} · 走访 {g.counts.visit} · 成效 {g.counts.note}</Text>
        </View>
        {g.items.length === 0 ? <Empty>{g.canAdd ? '还没有指导记录。先记录本项目的目标与计划，再记录每次走访和指导意见。' : '还没有指导记录。'}</Empty> : null}
        {g.items.map((e) => (
          <View key={e._id} className="list-item guidance-item">
            <View className="row">
              <Text className="list-item-title">{e.date}</Text>
              <Text className={`chip selected guidance-chip-${e.kind}`}>{e.kindLabel}</Text>
            </View>
            <View className="readonly-text">{e.text}</View>
            <View className="muted">记录人：{e.authorName}</View>
          </View>
        ))}
        {g.canAdd && !adding ? (
          <View className="inline-actions">
            <Button type="primary" className="guidance-open" onClick={() => setAdding(true)}>＋ 记录指导</Button>
          </View>
        ) : null}
        {g.canAdd && adding ? <GuidanceForm projectId={id} onCancel={() => setAdding(false)} onSaved={(next) => { setG(next); setAdding(false); }} /> : null}
      </View>

      <MatchingCard projectId={id} />
      <FinalSubmitCard projectId={id} onSubmitted={loaded.reload} />
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Guidance() {
  return (
    <DeskShell active="inbox">
      <GuidancePage />
    </DeskShell>
  );
}
