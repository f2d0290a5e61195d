import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { confirm } from '../../../components/confirm';

interface Props {
  /** 中期验收 or 结项验收. */
  label: string;
  /** What a failing decision means, said in the confirmation. */
  failMeans: string;
  passMeans: string;
  busy: boolean;
  onDecide: (pass: boolean, comment: string) => Promise<void>;
  className?: string;
}

/** 通过 / 不通过 with the 验收意见; a failing decision needs a reason; both are confirmed (they cannot be undone). */
export function DecisionForm({ label, failMeans, passMeans, busy, onDecide, className = '' }: Props) {
  const [pass, setPass] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const needsReason = pass === false && !comment.trim();
  const submit = async () => {
    if (pass === null || needsReason) return;
    const ok = pass
      ? await confirm(`${label}通过`, `${passMeans}此结论不能撤销。`)
      : await confirm(`${label}不通过`, `${failMeans}此结论不能撤销。`, '不通过');
    if (ok) await onDecide(pass, comment.trim());
  };
  return (
    <View className={`decision-box ${className}`}>
      <View className="field-label">{label}结论<Text className="required">*</Text></View>
      <View className="chips">
        <Text className={`chip decide-pass${pass === true ? ' selected' : ''}`} onClick={() => setPass(true)}>
          通过
        </Text>
        <Text className={`chip decide-fail${pass === false ? ' selected' : ''}`} onClick={() => setPass(false)}>
          不通过
        </Text>
      </View>
      {pass === false ? <View className="warn-box" style={{ marginTop: '16px', marginBottom: 0 }}>{failMeans}</View> : null}
      <View className="field-label" style={{ marginTop: '20px' }}>
        验收意见{pass === false ? <Text className="required">*</Text> : <Text className="muted">（可选）</Text>}
      </View>
      <Textarea
        className="textarea decide-comment"
        value={comment}
        maxlength={1000}
        placeholder={pass === false ? '请写明不通过的理由，主持人和基层党委会看到' : '对项目的评价和下一步要求'}
        onInput={(e) => setComment(e.detail.value)}
      />
      {needsReason ? <View className="field-hint error-text">不通过须写明理由</View> : null}
      <View className="actions">
        <Button type="primary" className="decide-submit" loading={busy} disabled={busy || pass === null || needsReason} onClick={() => void submit()}>
          提交{label}结论
        </Button>
      </View>
    </View>
  );
}
