import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { OUTCOME_KIND_LABELS, OUTCOME_KINDS, type ReportsView } from '@shared/contracts/funding';
import { formatInstant } from '@shared/time/deadline';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { DecisionForm } from './DecisionForm';
import { DefenseForm } from './DefenseForm';
import { DecisionView } from './MidtermCard';

interface Props {
  r: ReportsView;
  busy: boolean;
  /** The last failed action of this card, said next to it. */
  error: string | null;
  onDefense: (date: string, panel: string[], result: string) => Promise<boolean>;
  onDecide: (pass: boolean, comment: string) => Promise<void>;
}

/** 结项验收: the materials the committee submitted, the 答辩汇报, then the decision. */
export function FinalCard({ r, busy, error, onDefense, onDecide }: Props) {
  const [editingDefense, setEditingDefense] = useState(false);
  const fin = r.final;
  const record = async (date: string, panel: string[], result: string) => {
    const ok = await onDefense(date, panel, result);
    if (ok) setEditingDefense(false);
    return ok;
  };
  return (
    <View className="card final-card">
      <View className="card-title">结项验收</View>
      {!fin ? (
        <Empty>{r.midtermPassed ? '主持人尚未准备结项材料。材料由基层党委提交后，在此记录答辩并作出结论。' : '通过中期验收后，项目才进入结项准备。'}</Empty>
      ) : (
        <>
          <View className="muted meta-line">
            {fin.submittedAt ? `${fin.submitterName ?? '基层党委'} 提交于 ${formatInstant(fin.submittedAt)}` : `主持人准备中（最近保存 ${formatInstant(fin.savedAt)}），基层党委尚未提交`}
          </View>
          <View className="section-label">结项总结</View>
          <View className="readonly-text">{fin.summary || '（未填写）'}</View>
          <View className="section-label">成果</View>
          <View className="count-chips">
            {OUTCOME_KINDS.map((k) => (
              <Text key={k} className="count-chip">{OUTCOME_KIND_LABELS[k]} {fin.outcomeCounts[k]}</Text>
            ))}
          </View>
          {fin.outcomes.map((o, i) => (
            <View key={`${o.kind}-${i}`} className="sub-item outcome-item">
              <View className="row">
                <Text>{o.title}</Text>
                <Text className="muted">{OUTCOME_KIND_LABELS[o.kind]}</Text>
              </View>
              {o.description ? <View className="excerpt">{o.description}</View> : null}
              {o.link ? <View className="muted">{o.link}</View> : null}
            </View>
          ))}
          {fin.warnings.map((w) => <View key={w} className="warn-box">{w}</View>)}

          <View className="section-label">答辩汇报</View>
          {fin.defense && !editingDefense ? (
            <View className="sub-item defense-record">
              <View className="row">
                <Text>{fin.defense.date} 答辩</Text>
                <Text className="muted">{fin.defense.recorderName} 记录</Text>
              </View>
              <View className="muted">评审组：{fin.defense.panel.join('、')}</View>
              <View className="excerpt">{fin.defense.result}</View>
              {r.can.recordDefense ? (
                <View className="actions">
                  <Button size="small" className="defense-edit" onClick={() => setEditingDefense(true)}>修改答辩记录</Button>
                </View>
              ) : null}
            </View>
          ) : null}
          {!fin.defense && !r.can.recordDefense ? <View className="muted">尚未记录。</View> : null}
          {r.can.recordDefense && (!fin.defense || editingDefense) ? (
            <DefenseForm busy={busy} initial={fin.defense ?? undefined} onRecord={record} onCancel={fin.defense ? () => setEditingDefense(false) : undefined} />
          ) : null}

          {fin.decision ? (
            <>
              <View className="section-label">验收结论</View>
              <DecisionView d={fin.decision} />
            </>
          ) : null}
        </>
      )}
      {r.can.decideFinal && !editingDefense ? (
        <DecisionForm
          className="final-decision"
          label="结项验收"
          passMeans="通过后项目结项，经费账目关闭。"
          failMeans="不通过将记为结项未通过，经费账目关闭。"
          busy={busy}
          onDecide={onDecide}
        />
      ) : null}
      {r.can.recordDefense && !r.can.decideFinal && fin && !fin.defense ? <View className="field-hint">记录答辩后即可作出结项验收结论。</View> : null}
      {error ? <ErrorBox message={error} /> : null}
    </View>
  );
}
