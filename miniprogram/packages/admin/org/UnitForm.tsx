import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { COMMITTEE_KIND_LABELS, COMMITTEE_KINDS, type CommitteeKind } from '@shared/domain/org';
import { errorText } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { SelectField } from '../components/SelectField';
import { useTapGuard } from '../../../hooks/useTapGuard';

export interface UnitDraft {
  code: string;
  name: string;
  kind: CommitteeKind;
  /** Null: no order given (a branch may leave it empty). */
  order: number | null;
}

interface Props {
  /** Committees have a kind and need an order; branches have neither rule. */
  unit: 'committee' | 'branch';
  /** Null: a new unit (its code is typed); otherwise the unit being edited (its code is shown, never changed). */
  initial: UnitDraft | null;
  defaultOrder: number | null;
  onSave: (draft: UnitDraft) => Promise<void>;
  onCancel?: () => void;
  className?: string;
}

const KIND_OPTIONS = COMMITTEE_KINDS.map((k) => ({ value: k, label: COMMITTEE_KIND_LABELS[k] }));

/** Create or edit one unit; the server checks every field and its Chinese message is shown here. */
export function UnitForm({ unit, initial, defaultOrder, onSave, onCancel, className = '' }: Props) {
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<CommitteeKind>(initial?.kind ?? 'committee');
  const [order, setOrder] = useState(initial ? (initial.order === null ? '' : String(initial.order)) : defaultOrder === null ? '' : String(defaultOrder));
  const tap = useTapGuard();
  const saving = tap.busy;
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const trimmed = order.trim();
    if (unit === 'committee' && trimmed === '') {
      setError('请填写排序（数字越小越靠前）');
      return;
    }
    if (!tap.enter()) return;
    setError(null);
    try {
      await onSave({ code: code.trim(), name, kind, order: trimmed === '' ? null : Number(trimmed) });
    } catch (err) {
      setError(errorText(err));
    } finally {
      tap.leave();
    }
  };

  return (
    <View className={`decision-box unit-form ${className}`}>
      <View className="field">
        <View className="field-label">单位代码{initial ? <Text className="muted">（不可修改）</Text> : null}</View>
        {initial ? (
          <View className="muted unit-code">{initial.code}</View>
        ) : (
          <Input className="input unit-code-input" value={code} maxlength={32} placeholder="如 CS01（字母、数字、-、_）" onInput={(e) => setCode(e.detail.value)} />
        )}
      </View>
      <View className="field">
        <View className="field-label">名称</View>
        <Input className="input unit-name-input" value={name} maxlength={60} placeholder={unit === 'committee' ? '如 计算机学院党委' : '如 计算机学院第一党支部'} onInput={(e) => setName(e.detail.value)} />
      </View>
      {unit === 'committee' ? (
        <SelectField className="unit-kind" label="类型" options={KIND_OPTIONS} value={kind} onChange={(v) => setKind(COMMITTEE_KINDS.find((k) => k === v) ?? 'committee')} />
      ) : null}
      <View className="field">
        <View className="field-label">排序{unit === 'branch' ? <Text className="muted">（可选）</Text> : null}</View>
        <Input className="input unit-order-input" type="number" value={order} maxlength={7} placeholder="数字越小越靠前" onInput={(e) => setOrder(e.detail.value)} />
      </View>
      {error ? <ErrorBox message={error} /> : null}
      <View className="actions" style={{ display: 'flex', flexWrap: 'wrap', gap: '12px' }}>
        <Button type="primary" size="small" className="unit-save" loading={saving} disabled={saving} onClick={() => void submit()}>
          {saving ? '正在保存…' : '保存'}
        </Button>
        {onCancel ? (
          <Button size="small" className="unit-cancel" disabled={saving} onClick={onCancel}>
            取消
          </Button>
        ) : null}
      </View>
    </View>
  );
}
