import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { dateIn } from '@shared/time/deadline';
import { Button } from '../../../components/ui';
import { DateField } from '../components/DateField';

interface Props {
  busy: boolean;
  initial?: { date: string; panel: string[]; result: string };
  onRecord: (date: string, panel: string[], result: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** Names typed in one line, split on the separators people use: 、，, and spaces. */
const namesOf = (text: string) => text.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean);

/** 答辩汇报: when, who sat on the panel, how it went. */
export function DefenseForm({ busy, initial, onRecord, onCancel }: Props) {
  const [date, setDate] = useState(initial?.date ?? '');
  const [panel, setPanel] = useState(initial?.panel.join('、') ?? '');
  const [result, setResult] = useState(initial?.result ?? '');
  const names = namesOf(panel);
  const missing = [!date && '答辩日期', names.length === 0 && '评审组成员', !result.trim() && '答辩情况'].filter(Boolean);
  return (
    <View className="decision-box defense-form">
      <View className="field-label">答辩日期<Text className="required">*</Text></View>
      <DateField className="defense-date" value={date} end={dateIn(new Date())} onChange={setDate} />
      <View className="field-label" style={{ marginTop: '16px' }}>答辩评审组<Text className="required">*</Text></View>
      <Input className="input defense-panel" value={panel} placeholder="姓名用顿号分隔，如：张三、李四、王五" onInput={(e) => setPanel(e.detail.value)} />
      {names.length ? <View className="field-hint">共 {names.length} 人：{names.join('、')}</View> : null}
      <View className="field-label" style={{ marginTop: '16px' }}>答辩情况<Text className="required">*</Text></View>
      <Textarea className="textarea defense-result" value={result} maxlength={2000} placeholder="汇报要点、评审组意见" onInput={(e) => setResult(e.detail.value)} />
      {missing.length ? <View className="field-hint">请填写：{missing.join('、')}</View> : null}
      <View className="actions">
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
        <Button
          type="primary"
          className="defense-submit"
          loading={busy}
          disabled={busy || missing.length > 0}
          onClick={() => void onRecord(date, names, result.trim())}
        >
          记录答辩
        </Button>
      </View>
    </View>
  );
}
