import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReviewerView, RoundStatus } from '@shared/contracts/review';
import { Empty } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { confirm } from '../../../components/confirm';

interface Props {
  s: RoundStatus;
  reviewers: ReviewerView[];
  busy: boolean;
  onAuto: (perApplication: number) => Promise<void>;
}

/** 自动分配 (each application N reviewers of other committees, the work spread evenly) and the reviewer pool. */
export function AssignCard({ s, reviewers, busy, onAuto }: Props) {
  const [n, setN] = useState(String(Math.min(3, Math.max(1, reviewers.length))));
  const per = /^\d{1,2}$/.test(n.trim()) ? Number(n.trim()) : 0;
  const anyScored = reviewers.some((r) => r.scored > 0);
  const submit = async () => {
    const ok = await confirm('自动分配评审专家', `为每个评审中的项目分配 ${per} 位评审专家（自动回避本单位专家），将替换此前的分配。`, '分配');
    if (ok) await onAuto(per);
  };
  return (
    <View className="card assign-card">
      <View className="card-title">
        <Text>评审专家</Text>
        <Text className="muted">{reviewers.length} 位</Text>
      </View>
      {reviewers.length === 0 ? (
        <Empty>还没有评审专家。请先为评审专家授予“评审专家”身份，再回到这里分配。</Empty>
      ) : (
        reviewers.map((r) => (
          <View key={r._id} className="kv reviewer-load">
            <Text className="k">{r.name}{r.committeeName ? `（${r.committeeName}）` : '（校外专家）'}</Text>
            <Text className="v">分配 {r.assigned} · 已评 {r.scored}</Text>
          </View>
        ))
      )}
      {s.can.assign ? (
        <View className="decision-box">
          <View className="field-label">自动分配</View>
          <View className="row">
            <Text className="muted">每个项目</Text>
            <Input className="input auto-per" type="number" value={n} maxlength={2} onInput={(e) => setN(e.detail.value)} />
            <Text className="muted">位专家</Text>
          </View>
          <View className="field-hint">按回避要求（不评本单位项目）均衡分配；重复执行结果相同。{anyScored ? '已有专家评分，不能再自动分配，请在下方逐个项目调整。' : ''}</View>
          <View className="actions">
            <Button type="primary" className="auto-assign" loading={busy} disabled={busy || per < 1 || per > 20 || anyScored || reviewers.length === 0} onClick={() => void submit()}>
              自动分配
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
