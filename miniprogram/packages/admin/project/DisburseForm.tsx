import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { FundingView } from '@shared/contracts/funding';
import { formatYuan, type Fen } from '@shared/domain/money';
import { TRANCHE_LABELS, type Tranche } from '@shared/domain/project/funding';
import { Button } from '../../../components/ui';
import { MoneyInput } from '../components/MoneyInput';
import { confirm } from '../../../components/confirm';

interface Props {
  f: FundingView;
  tranche: Tranche;
  due: Fen;
  busy: boolean;
  onDisburse: (tranche: Tranche, amountFen: Fen, note: string) => Promise<void>;
}

const SHORT: Record<Tranche, string> = { 1: '第一笔', 2: '第二笔' };

/** 拨付: the due tranche, its amount prefilled; confirmed, because a payment on record is not undone. */
export function DisburseForm({ f, tranche, due, busy, onDisburse }: Props) {
  const [amount, setAmount] = useState<Fen | null>(due);
  const [note, setNote] = useState('');
  const differs = amount !== null && amount !== due;
  const submit = async () => {
    if (amount === null) return;
    const starts = tranche === 1 && f.state === 'approved' ? '拨付后项目进入培育阶段。' : '';
    const ok = await confirm(`拨付${SHORT[tranche]}经费`, `确认已向「${f.title || '该项目'}」拨付${TRANCHE_LABELS[tranche]} ¥${formatYuan(amount)} 元？${starts}拨付记录不能撤销，主持人会收到通知。`, '确认拨付');
    if (ok) await onDisburse(tranche, amount, note.trim());
  };
  return (
    <View className={`decision-box disburse-form disburse-${tranche}`}>
      <View className="field-label">
        待拨付：{TRANCHE_LABELS[tranche]}
      </View>
      <MoneyInput className="disburse-amount" fen={amount} onChange={setAmount} />
      {differs ? <View className="field-hint error-text">{TRANCHE_LABELS[tranche]}应为 ¥{formatYuan(due)} 元（资助经费的{tranche === 1 ? '一半，向下取整到分' : '其余部分'}）</View> : null}
      <View className="field-label" style={{ marginTop: '16px' }}>
        备注<Text className="muted">（可选）</Text>
      </View>
      <Input className="input disburse-note" value={note} maxlength={500} placeholder="如：财务凭证号" onInput={(e) => setNote(e.detail.value)} />
      <View className="actions">
        <Button type="primary" className={`disburse-submit disburse-submit-${tranche}`} loading={busy} disabled={busy || amount === null} onClick={() => void submit()}>
          拨付{SHORT[tranche]}经费
        </Button>
      </View>
    </View>
  );
}
