import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ObjectionView, RoundStatus } from '@shared/contracts/review';
import { formatYuan } from '@shared/domain/money';
import { Button } from '../../../components/ui';
import { confirm } from '../../../components/confirm';

type Choice = 'approve' | 'reject';

interface Props {
  s: RoundStatus;
  objections: ObjectionView[];
  busy: boolean;
  onFinalize: (approve: string[], reject: { projectId: string; reason: string }[]) => Promise<boolean>;
}

/** 立项: after the 公示, approve (grant fixed from the batch) or refuse with a reason; a refusal may come any time. */
export function FinalizeCard({ s, objections, busy, onFinalize }: Props) {
  const [choice, setChoice] = useState<Record<string, Choice | undefined>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const apps = s.shortlist.filter((a) => a.state === 'in_publicity');
  const approve = apps.filter((a) => choice[a.projectId] === 'approve').map((a) => a.projectId);
  const reject = apps.filter((a) => choice[a.projectId] === 'reject').map((a) => ({ projectId: a.projectId, reason: (reasons[a.projectId] ?? '').trim() }));
  const missingReason = reject.some((r) => !r.reason);
  const pick = (id: string, c: Choice) => setChoice({ ...choice, [id]: choice[id] === c ? undefined : c });
  const everyApprove = () => setChoice(Object.fromEntries(apps.map((a) => [a.projectId, 'approve' as Choice])));

  const submit = async () => {
    const ok = await confirm(
      '提交立项决定',
      `立项 ${approve.length} 项${approve.length ? `（每项资助 ¥${formatYuan(s.batch.grantPerProject)}，第一笔经费在项目页登记拨付）` : ''}；不予立项 ${reject.length} 项。主持人和基层党委会收到通知，此操作不可撤销。`,
      '提交',
    );
    if (ok && (await onFinalize(approve, reject))) {
      setChoice({});
      setReasons({});
    }
  };

  return (
    <View className="card finalize-card">
      <View className="card-title">
        <Text>公示结束后立项</Text>
        <Text className="muted">{apps.length} 项公示中</Text>
      </View>
      {s.publicityText ? <View className="muted meta-line">{s.publicityText}</View> : null}
      {!s.can.approve ? (
        <View className="warn-box">公示期满后才能立项。公示期内如异议成立，可对该项目“不予立项”。</View>
      ) : (
        <View className="actions" style={{ marginTop: 0, marginBottom: '12px' }}>
          <Button size="small" className="approve-all" onClick={everyApprove}>全部选为立项</Button>
        </View>
      )}
      {apps.map((a) => {
        const c = choice[a.projectId];
        const n = objections.filter((o) => o.projectId === a.projectId).length;
        return (
          <View key={a.projectId} className="list-item finalize-item" data-project-id={a.projectId}>
            <View className="row" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${a.projectId}` })}>
              <Text className="list-item-title">{a.title}</Text>
              <Text className="muted">{a.average ?? '—'} 分</Text>
            </View>
            <View className="muted meta-line">
              {a.committeeName} · {a.hostName}
              {n ? <Text className="flag"> · 异议 {n} 条</Text> : null}
            </View>
            <View className="chips">
              <Text className={`chip finalize-approve${c === 'approve' ? ' selected' : ''}${s.can.approve ? '' : ' disabled'}`} onClick={() => s.can.approve && pick(a.projectId, 'approve')}>
                立项
              </Text>
              <Text className={`chip finalize-reject${c === 'reject' ? ' selected' : ''}`} onClick={() => pick(a.projectId, 'reject')}>
                不予立项
              </Text>
            </View>
            {c === 'reject' ? (
              <Input
                className="input finalize-reason"
                style={{ marginTop: '12px' }}
                value={reasons[a.projectId] ?? ''}
                maxlength={500}
                placeholder="不予立项的理由（必填），如：公示期间异议经核实成立"
                onInput={(e) => setReasons({ ...reasons, [a.projectId]: e.detail.value })}
              />
            ) : null}
          </View>
        );
      })}
      {missingReason ? <View className="field-hint error-text">不予立项须写明理由</View> : null}
      <View className="actions">
        <Button type="primary" className="finalize-submit" loading={busy} disabled={busy || missingReason || approve.length + reject.length === 0} onClick={() => void submit()}>
          提交立项决定（{approve.length + reject.length} 项）
        </Button>
      </View>
    </View>
  );
}
