import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RoundStatus } from '@shared/contracts/review';
import { validateRubric, type RubricCriterion } from '@shared/domain/project/review';
import { Button } from '../../../components/ui';

interface Props {
  s: RoundStatus;
  busy: boolean;
  onSave: (rubric: RubricCriterion[]) => Promise<boolean>;
}

interface Row {
  key: string;
  label: string;
  weight: string;
  max: string;
}

const toRow = (c: RubricCriterion): Row => ({ key: c.key, label: c.label, weight: String(c.weight), max: String(c.max) });
const num = (s: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? Number(s.trim()) : NaN);

function freshKey(rows: Row[]): string {
  for (let i = rows.length + 1; ; i++) if (!rows.some((r) => r.key === `c${i}`)) return `c${i}`;
}

/** 公开: the published rubric; editable until the first score is in. Weights add up to 100. */
export function RubricCard({ s, busy, onSave }: Props) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const rubric: RubricCriterion[] | null = rows ? rows.map((r) => ({ key: r.key, label: r.label.trim(), weight: num(r.weight), max: num(r.max) })) : null;
  const check = rubric ? validateRubric(rubric) : null;
  const total = rubric ? rubric.reduce((a, c) => a + (Number.isFinite(c.weight) ? c.weight : 0), 0) : 0;
  const set = (i: number, patch: Partial<Row>) => rows && setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (rubric && check?.ok && (await onSave(rubric))) setRows(null);
  };

  return (
    <View className="card rubric-card">
      <View className="card-title">
        <Text>评分细则</Text>
        {s.rubricIsSuggested ? <Text className="muted">建议细则</Text> : <Text className="muted">本批次细则</Text>}
      </View>
      {!rows ? (
        <>
          {s.rubric.map((c) => (
            <View key={c.key} className="kv rubric-row">
              <Text className="k">{c.label}</Text>
              <Text className="v">权重 {c.weight}% · 满分 {c.max}</Text>
            </View>
          ))}
          {s.can.setRubric ? (
            <View className="actions">
              <Button size="small" className="rubric-edit" onClick={() => setRows(s.rubric.map(toRow))}>修改评分细则</Button>
            </View>
          ) : (
            <View className="field-hint">已有评审专家提交评分，评分细则不能再修改。</View>
          )}
        </>
      ) : (
        <>
          {rows.map((r, i) => (
            <View key={r.key} className="sub-item rubric-edit-row">
              <View className="row">
                <Input className="input rubric-label" value={r.label} maxlength={40} placeholder="指标名称" onInput={(e) => set(i, { label: e.detail.value })} />
                <Text className="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>删除</Text>
              </View>
              <View className="row" style={{ marginTop: '12px' }}>
                <Text className="muted">权重%</Text>
                <Input className="input rubric-weight" type="number" value={r.weight} maxlength={3} onInput={(e) => set(i, { weight: e.detail.value })} />
                <Text className="muted">满分</Text>
                <Input className="input rubric-max" type="digit" value={r.max} maxlength={4} onInput={(e) => set(i, { max: e.detail.value })} />
              </View>
            </View>
          ))}
          <View className={`field-hint${total === 100 ? '' : ' error-text'}`}>权重合计 {total}（须为 100）</View>
          {check && !check.ok ? <View className="field-hint error-text">{check.message}</View> : null}
          <View className="actions">
            {rows.length < 12 ? (
              <Button size="small" onClick={() => setRows([...rows, { key: freshKey(rows), label: '', weight: '', max: '10' }])}>＋ 添加指标</Button>
            ) : null}
            <Button size="small" onClick={() => setRows(null)}>取消</Button>
            <Button size="small" type="primary" className="rubric-save" loading={busy} disabled={busy || !check?.ok} onClick={() => void save()}>
              保存细则
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
