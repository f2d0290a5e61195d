import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RoundStatus } from '@shared/contracts/review';
import { dateIn } from '@shared/time/deadline';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { confirm } from '../../../components/confirm';

interface Props {
  s: RoundStatus;
  busy: boolean;
  onOpen: (window: { reviewStart: string; reviewEnd: string } | null) => Promise<void>;
}

/** 开始立项评审: every recommended application goes under review together, with the review window if given. */
export function OpenCard({ s, busy, onOpen }: Props) {
  const [start, setStart] = useState(s.batch.calendar.reviewStart ?? '');
  const [end, setEnd] = useState(s.batch.calendar.reviewEnd ?? '');
  const n = s.counts.recommended;
  const half = (start === '') !== (end === '');
  const backwards = start !== '' && end !== '' && end < start;
  const submit = async () => {
    const ok = await confirm('开始立项评审', `${n} 个已推荐的项目将进入立项评审，主持人和基层党委会收到通知。`, '开始');
    if (ok) await onOpen(start && end ? { reviewStart: start, reviewEnd: end } : null);
  };
  return (
    <View className="card open-card">
      <View className="card-title">
        <Text>开始立项评审</Text>
        <Text className="muted">{n} 项待评审</Text>
      </View>
      <View className="muted">各基层党委已推荐的项目。开始后可分配评审专家；之后推荐的项目可再次点击开始。</View>
      <View className="field-label" style={{ marginTop: '20px' }}>评审时间<Text className="muted">（可选，开始和截止须同时填写）</Text></View>
      <View className="date-pair">
        <Text className="date-pair-label">开始</Text>
        <DateField className="review-start" value={start} clearable placeholder="开始日期" onChange={setStart} />
      </View>
      <View className="date-pair">
        <Text className="date-pair-label">截止</Text>
        <DateField className="review-end" value={end} start={start || dateIn(new Date())} clearable placeholder="截止日期" onChange={setEnd} />
      </View>
      {half ? <View className="field-hint error-text">评审开始和截止日期须同时填写，或都不填</View> : null}
      {backwards ? <View className="field-hint error-text">评审截止日期不能早于开始日期</View> : null}
      <View className="actions">
        <Button type="primary" className="round-open" loading={busy} disabled={busy || n === 0 || half || backwards} onClick={() => void submit()}>
          开始立项评审（{n} 项）
        </Button>
      </View>
    </View>
  );
}
