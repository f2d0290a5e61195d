import { View, Input, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FUNDING_LIMITS, type FundingView } from '@shared/contracts/funding';
import { formatYuan, parseYuan } from '@shared/domain/money';
import { dateIn } from '@shared/time/deadline';
import { ApiError, call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';
import { PhotoEditor } from '../../../components/PhotoEditor';
import { useAction } from '../../../hooks/useAction';

interface Props {
  funding: FundingView;
  onSaved: (f: FundingView) => void;
  onCancel: () => void;
  onConflict: () => void;
}

/**
 * 记录经费支出: date, item, amount in yuan, receipt photos. Spending beyond what has been received
 * is refused (专款专用) unless the host states a reason; that override is audited and the 组织部 told.
 */
export function ExpenseForm({ funding, onSaved, onCancel, onConflict }: Props) {
  const today = dateIn(new Date());
  const [date, setDate] = useState(today);
  const [item, setItem] = useState('');
  const [amount, setAmount] = useState('');
  const [receipts, setReceipts] = useState<string[]>([]);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [exceeds, setExceeds] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const action = useAction(onConflict);
  const amountFen = amount.trim() === '' ? null : parseYuan(amount);

  const save = async (withOverride: boolean) => {
    if (!item.trim()) return action.setError('请填写支出事项，如：资料印制费');
    if (amountFen === null || amountFen === 0) return action.setError('请填写支出金额（元），如 1200 或 356.50，最多两位小数');
    if (receipts.length === 0) return action.setError('请上传至少一张票据照片（发票、收据等）');
    if (withOverride && !reason.trim()) return action.setError('请填写超支理由');
    const input = { projectId: funding.projectId, date, item: item.trim(), amountFen, receipts, ...(withOverride ? { override: { reason: reason.trim() } } : {}) };
    const next = await action.run(
      () => call('funding.addExpense', input),
      (err) => {
        if (err instanceof ApiError && err.code === 'EXCEEDS_PAID') {
          setExceeds(err.message);
          return true;
        }
        return false;
      },
    );
    if (next) {
      onSaved(next);
      await Taro.showToast({ title: withOverride ? '已记录（超支已登记）' : '已记录支出', icon: 'success' });
    }
  };

  return (
    <View className="entry expense-form">
      <View className="field">
        <View className="field-label">支出日期<Text className="required">*</Text></View>
        <DateField value={date} end={today} onChange={setDate} className="expense-date" />
      </View>
      <View className="field">
        <View className="field-label">支出事项<Text className="required">*</Text></View>
        <Input className="input expense-item" value={item} maxlength={FUNDING_LIMITS.item} placeholder="如：主题党日活动资料印制" onInput={(e) => { setItem(e.detail.value); setExceeds(null); }} />
      </View>
      <View className="field">
        <View className="field-label">金额（元）<Text className="required">*</Text></View>
        <Input className="input expense-amount" type="digit" value={amount} placeholder="如 1200 或 356.50" onInput={(e) => { setAmount(e.detail.value); setExceeds(null); }} />
        {amount.trim() !== '' && amountFen === null ? <View className="field-hint error-text">金额格式不正确，请填写数字，最多两位小数</View> : null}
        <View className="field-hint">当前可用经费 ¥{formatYuan(Math.max(funding.availableFen, 0))}（已到位 ¥{formatYuan(funding.receivedFen)}，已支出 ¥{formatYuan(funding.spentFen)}）</View>
      </View>
      <View className="field">
        <View className="field-label">票据照片<Text className="required">*</Text></View>
        <PhotoEditor value={receipts} max={FUNDING_LIMITS.receipts} urls={urls} addLabel="＋ 拍照或选择票据" className="expense-receipts" onChange={setReceipts} onUploaded={(u) => setUrls((x) => ({ ...x, ...u }))} />
      </View>

      {exceeds ? (
        <View className="warn-box expense-exceeds">
          <View>{exceeds}</View>
          <View className="field" style={{ marginTop: '16px' }}>
            <View className="field-label">超支理由<Text className="required">*</Text></View>
            <Textarea className="textarea expense-override-reason" value={reason} maxlength={FUNDING_LIMITS.reason} autoHeight placeholder="为什么须在经费到位前支出，后续如何弥补（如：第二笔经费尚未拨付，活动已按计划开展）" onInput={(e) => setReason(e.detail.value)} />
            <View className="field-hint">超支记录会写入审计日志，并通知党委组织部。</View>
          </View>
        </View>
      ) : null}
      {action.error ? <ErrorBox message={action.error} /> : null}
      <View className="inline-actions">
        {exceeds ? (
          <Button type="primary" className="expense-override-submit" loading={action.busy} disabled={action.busy} onClick={() => void save(true)}>
            说明理由并记录
          </Button>
        ) : (
          <Button type="primary" className="expense-submit" loading={action.busy} disabled={action.busy} onClick={() => void save(false)}>
            记录支出
          </Button>
        )}
        <Button className="expense-cancel" onClick={onCancel}>取消</Button>
      </View>
    </View>
  );
}
