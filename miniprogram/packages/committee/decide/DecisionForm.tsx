import { View, Input, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ProjectView } from '@shared/contracts';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useReminderAsk } from '../../../hooks/useReminderAsk';

type Decision = 'return' | 'recommend' | 'notRecommend';
const OPTIONS: Array<{ value: Decision; label: string; comment: string; hint: string; confirm: string }> = [
  { value: 'return', label: '退回修改', comment: '修改意见', hint: '写明需要修改或补充的内容，主持人修改后可重新提交。', confirm: '退回后主持人可按意见修改并重新提交。确定退回吗？' },
  { value: 'recommend', label: '推荐', comment: '推荐意见', hint: '经研究讨论的推荐意见，将随申报书报送党委组织部。', confirm: '推荐后将报送党委组织部参加立项评审，不能撤回。确定推荐吗？' },
  { value: 'notRecommend', label: '不予推荐', comment: '不予推荐的理由', hint: '主持人会看到这条理由。', confirm: '不予推荐后本申报结束，不能撤回。确定不予推荐吗？' },
];

interface Props {
  project: ProjectView;
  /** Ranks already given to this committee's recommendations in the batch. */
  takenRanks: number[];
  onDecided: (p: ProjectView) => void;
  onConflict: () => void;
}

/** 研究讨论 then 退回修改 (comments), 推荐 (opinion + rank among the recommendations) or 不予推荐 (reason). */
export function DecisionForm({ project, takenRanks, onDecided, onConflict }: Props) {
  const firstFree = (() => {
    let n = 1;
    while (takenRanks.includes(n)) n += 1;
    return n;
  })();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [rank, setRank] = useState(String(firstFree));
  const action = useAction(onConflict);
  // The secretary's decision is a natural tap to allow messages of submissions and results.
  const reminders = useReminderAsk();
  const option = OPTIONS.find((o) => o.value === decision);

  const submit = async () => {
    if (!option) return action.setError('请选择：退回修改、推荐或不予推荐');
    if (!comment.trim()) return action.setError(`请填写${option.comment}`);
    const n = Number(rank);
    if (option.value === 'recommend') {
      if (!/^\d{1,3}$/.test(rank.trim()) || n < 1) return action.setError('请填写推荐排序（从 1 开始的整数）');
      if (takenRanks.includes(n)) return action.setError(`排序第 ${n} 位已有推荐项目，请换一个排序（可用：${firstFree}）`);
    }
    // From the tap itself (WeChat's rule), before any await.
    void reminders.ask();
    const ok = await Taro.showModal({ title: option.label, content: option.confirm, confirmText: option.label, confirmColor: option.value === 'recommend' ? '#c8161d' : '#333333' });
    if (!ok.confirm) return;
    const input = { id: project._id, version: project.version, decision: option.value, comment: comment.trim(), ...(option.value === 'recommend' ? { rank: n } : {}) };
    const next = await action.run(() => call('committee.decide', input));
    if (next) {
      onDecided(next);
      await Taro.showToast({ title: `已${option.label}`, icon: 'success' });
    }
  };

  return (
    <View className="card decision-form">
      <View className="card-title">基层党委意见</View>
      <View className="muted meta-line">请在组织研究讨论后作出决定。</View>
      <View className="chips meta-line">
        {OPTIONS.map((o) => (
          <Text key={o.value} className={`chip decision-${o.value}${decision === o.value ? ' selected' : ''}`} onClick={() => { setDecision(o.value); action.setError(null); }}>
            {o.label}
          </Text>
        ))}
      </View>
      {option ? (
        <>
          <View className="field">
            <View className="field-label">{option.comment}<Text className="required">*</Text></View>
            <Textarea className="textarea decision-comment" value={comment} maxlength={2000} autoHeight placeholder={option.hint} onInput={(e) => setComment(e.detail.value)} />
          </View>
          {option.value === 'recommend' ? (
            <View className="field">
              <View className="field-label">推荐排序<Text className="required">*</Text></View>
              <Input className="input decision-rank" type="number" value={rank} maxlength={3} onInput={(e) => setRank(e.detail.value)} />
              <View className="field-hint decision-taken">
                {takenRanks.length ? `已占用的排序：${[...takenRanks].sort((a, b) => a - b).join('、')}。` : '本批次尚无推荐项目。'}1 表示最优先推荐。
              </View>
            </View>
          ) : null}
        </>
      ) : null}
      {action.error ? <ErrorBox message={action.error} /> : null}
      <Button type="primary" block className="decision-submit" loading={action.busy} disabled={action.busy || !option} onClick={() => void submit()}>
        {option ? `确定${option.label}` : '请选择处理意见'}
      </Button>
    </View>
  );
}
