import { View, Input, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FUNDING_LIMITS } from '@shared/contracts/funding';
import { formatYuan, parseYuan } from '@shared/domain/money';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';

/** 配套经费: the committee's own funds added to the project (audited; the host is told). */
export function MatchingCard({ projectId }: { projectId: string }) {
  const funding = useLoad(() => call('funding.status', { projectId }), [projectId]);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const action = useAction(funding.reload);
  const f = funding.data;
  if (!f) return funding.error ? <View className="card"><ErrorBox message={funding.error} onRetry={funding.reload} /></View> : null;

  const save = async () => {
    const fen = parseYuan(amount);
    if (fen === null) return action.setError('请填写配套经费金额（元），如 5000，最多两位小数');
    const next = await action.run(() => call('funding.setMatching', { projectId, amountFen: fen, note: note.trim() }));
    if (next) {
      setOpen(false);
      funding.reload();
      await Taro.showToast({ title: '已登记配套经费', icon: 'success' });
    }
  };

  return (
    <View className="card matching-card">
      <View className="card-title">
        <Text>经费</Text>
        <Text className="link-text card-link funding-detail-link" onClick={() => void Taro.navigateTo({ url: `/packages/project/funding/index?id=${encodeURIComponent(projectId)}` })}>
          明细 ›
        </Text>
      </View>
      <View className="stat-grid">
        <View className="stat"><View className="muted">资助经费</View><View className="stat-value money">{f.grantFen === null ? '待核定' : `¥${formatYuan(f.grantFen)}`}</View></View>
        <View className="stat"><View className="muted">配套经费</View><View className="stat-value money matching-value">¥{formatYuan(f.matchingFen)}</View></View>
        <View className="stat"><View className="muted">已支出</View><View className="stat-value money">¥{formatYuan(f.spentFen)}</View></View>
        <View className="stat"><View className="muted">可用余额</View><View className="stat-value money">¥{formatYuan(f.availableFen)}</View></View>
      </View>
      {f.can.setMatching && !open ? (
        <View className="inline-actions">
          <Button className="matching-open" onClick={() => { setAmount(f.matchingFen ? formatYuan(f.matchingFen).replace(/,/g, '') : ''); setOpen(true); }}>
            {f.matchingFen ? '调整配套经费' : '登记配套经费'}
          </Button>
        </View>
      ) : null}
      {open ? (
        <View className="entry matching-form">
          <View className="muted meta-line">鼓励基层党委参照校级项目给予相应的经费配套。填写配套经费总额（不是增加额）。</View>
          <View className="field">
            <View className="field-label">配套经费总额（元）<Text className="required">*</Text></View>
            <Input className="input matching-amount" type="digit" value={amount} placeholder="如 5000" onInput={(e) => setAmount(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field-label">说明</View>
            <Input className="input matching-note" value={note} maxlength={FUNDING_LIMITS.note} placeholder="如：党委会研究决定配套" onInput={(e) => setNote(e.detail.value)} />
          </View>
          {action.error ? <ErrorBox message={action.error} /> : null}
          <View className="inline-actions">
            <Button type="primary" className="matching-save" loading={action.busy} disabled={action.busy} onClick={() => void save()}>保存</Button>
            <Button onClick={() => setOpen(false)}>取消</Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
