import { View, Text, Textarea } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FUNDING_LIMITS, type GuidanceView } from '@shared/contracts/funding';
import { GUIDANCE_KINDS, GUIDANCE_KIND_LABELS, type GuidanceKind } from '@shared/domain/project/guidance';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { DateField } from '../../project/components/DateField';
import { useAction } from '../../../hooks/useAction';

const PLACEHOLDER: Record<GuidanceKind, string> = {
  target: '本阶段的目标与工作计划',
  visit: '走访的时间、人员、了解到的情况',
  note: '指导意见，以及项目取得的成效',
};

/** One guidance entry: date, kind (目标与计划 / 走访指导 / 指导意见与成效), text. */
export function GuidanceForm({ projectId, onSaved, onCancel }: { projectId: string; onSaved: (g: GuidanceView) => void; onCancel: () => void }) {
  const today = dateIn(new Date());
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<GuidanceKind>('visit');
  const [text, setText] = useState('');
  const action = useAction();
  const save = async () => {
    if (!text.trim()) return action.setError('请填写指导内容');
    const next = await action.run(() => call('guidance.add', { projectId, date, kind, text: text.trim() }));
    if (next) {
      onSaved(next);
      await Taro.showToast({ title: '已记录', icon: 'success' });
    }
  };
  return (
    <View className="entry guidance-form">
      <View className="field">
        <View className="field-label">类别<Text className="required">*</Text></View>
        <View className="chips">
          {GUIDANCE_KINDS.map((k) => (
            <Text key={k} className={`chip guidance-kind-${k}${kind === k ? ' selected' : ''}`} onClick={() => setKind(k)}>
              {GUIDANCE_KIND_LABELS[k]}
            </Text>
          ))}
        </View>
      </View>
      <View className="field">
        <View className="field-label">日期<Text className="required">*</Text></View>
        <DateField value={date} end={today} onChange={setDate} className="guidance-date" />
      </View>
      <View className="field">
        <View className="field-label">内容<Text className="required">*</Text></View>
        <Textarea className="textarea guidance-text" value={text} maxlength={FUNDING_LIMITS.guidance} autoHeight placeholder={PLACEHOLDER[kind]} onInput={(e) => setText(e.detail.value)} />
      </View>
      {action.error ? <ErrorBox message={action.error} /> : null}
      <View className="inline-actions">
        <Button type="primary" className="guidance-save" loading={action.busy} disabled={action.busy} onClick={() => void save()}>
          保存记录
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </View>
  );
}
