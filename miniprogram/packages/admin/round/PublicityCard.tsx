import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RoundStatus } from '@shared/contracts/review';
import { dateIn } from '@shared/time/deadline';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { confirm } from '../../../components/confirm';

interface Props {
  s: RoundStatus;
  /** The picked applications, named (from the round's shortlist and the rows the list has shown). */
  picked: Array<{ projectId: string; title: string; average: number | null }>;
  busy: boolean;
  onPublicize: (input: { publicityStart: string; publicityEnd: string; rejectReason: string }) => Promise<void>;
}

/** 公示: the picked applications (≤ the places left) and the period; every other one under review becomes 未立项. */
export function PublicityCard({ s, picked, busy, onPublicize }: Props) {
  const [start, setStart] = useState(s.batch.calendar.publicityStart ?? '');
  const [end, setEnd] = useState(s.batch.calendar.publicityEnd ?? '');
  const [reason, setReason] = useState('');
  const left = Math.max(s.quota - s.taken, 0);
  // The 公示 follows the review in the batch calendar.
  const earliest = [dateIn(new Date()), s.batch.calendar.reviewEnd ?? ''].sort().pop() ?? '';
  const others = s.counts.underReview - picked.length;
  const unscored = s.progress.unassigned + s.progress.incomplete;
  const over = picked.length > left;
  const problems = [
    !start && '请选择公示开始日期',
    !end && '请选择公示截止日期',
    start && end && end < start && '公示截止日期不能早于开始日期',
    over && `已选 ${picked.length} 项，超过剩余名额 ${left} 项`,
  ].filter((p): p is string => Boolean(p));

  const submit = async () => {
    const names = picked.map((a) => `「${a.title}」`).join('、') || '无';
    const ok = await confirm(
      '发布公示',
      `公示 ${picked.length} 项：${names}。其余 ${others} 个评审中的项目将记为“未立项”并通知主持人。此操作不可撤销。`,
      '发布',
    );
    if (ok) await onPublicize({ publicityStart: start, publicityEnd: end, rejectReason: reason.trim() });
  };

  return (
    <View className="card publicity-card">
      <View className="card-title">
        <Text>拟立项公示</Text>
        <Text className={over ? 'flag' : 'muted'}>已选 {picked.length} / 余 {left} 项</Text>
      </View>
      <View className="muted">优中选优、宁缺毋滥：在评审中的项目里点“选入公示”（电脑上在表格中勾选后“加入拟公示”），可少于名额。已按平均分预选，分数并列处须人工决定。</View>
      {unscored ? <View className="warn-box" style={{ marginTop: '16px' }}>还有 {unscored} 个项目的评分未完成，公示前请确认。</View> : null}
      {picked.length ? (
        <View className="publicity-picked">
          {picked.map((a, i) => (
            <View key={a.projectId} className="kv">
              <Text className="k">{i + 1}. {a.title}</Text>
              <Text className="v">{a.average ?? '—'}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className="field-hint">尚未选择项目；若发布，本批次评审中的项目将全部记为未立项。</View>
      )}
      <View className="field-label" style={{ marginTop: '20px' }}>公示期<Text className="required">*</Text></View>
      <View className="date-pair">
        <Text className="date-pair-label">开始</Text>
        <DateField className="publicity-start" value={start} start={earliest} onChange={setStart} />
      </View>
      <View className="date-pair">
        <Text className="date-pair-label">截止</Text>
        <DateField className="publicity-end" value={end} start={start || earliest} onChange={setEnd} />
      </View>
      <View className="field-label">未入选理由<Text className="muted">（可选）</Text></View>
      <Input className="input reject-reason" value={reason} maxlength={200} placeholder="默认：未入选立项" onInput={(e) => setReason(e.detail.value)} />
      {problems.length ? <View className="field-hint error-text">{problems.join('；')}</View> : null}
      <View className="actions">
        <Button type="primary" className="publicize" loading={busy} disabled={busy || problems.length > 0} onClick={() => void submit()}>
          发布公示
        </Button>
      </View>
    </View>
  );
}
