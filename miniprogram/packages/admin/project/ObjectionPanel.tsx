import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ObjectionView } from '@shared/contracts/review';
import {
  FINDING_REASON_MAX,
  findingProblems,
  findingText,
  OBJECTION_REMEDIES,
  OBJECTION_REMEDY_LABELS,
  OBJECTION_VERDICT_LABELS,
  OBJECTION_VERDICTS,
  type ObjectionRemedy,
  type ObjectionVerdict,
} from '@shared/domain/review/objection';
import { charCount } from '@shared/domain/text';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { ErrorBox } from '../../../components/Feedback';
import { useAction } from '../../../hooks/useAction';

/** 公示异议 on this project, beside its application: each with its finding, or the form to record one. */
export function ObjectionPanel({ items, onFound }: { items: ObjectionView[]; onFound: () => void }) {
  const waiting = items.filter((o) => !o.finding).length;
  return (
    <View className="card objection-panel" id="objections">
      <View className="card-title">
        <Text>公示异议</Text>
        <Text className="muted">{waiting ? `${waiting} 条待核实` : `${items.length} 条，均已处理`}</Text>
      </View>
      {waiting ? <View className="warn-box objection-blocks">有异议尚未核实处理时不能立项。请核实后逐条作出结论。</View> : null}
      {items.map((o) => (
        <ObjectionItem key={o._id} o={o} onFound={onFound} />
      ))}
    </View>
  );
}

function ObjectionItem({ o, onFound }: { o: ObjectionView; onFound: () => void }) {
  const [verdict, setVerdict] = useState<ObjectionVerdict | null>(null);
  const [remedy, setRemedy] = useState<ObjectionRemedy | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction(onFound);
  const problems = findingProblems({ verdict, remedy: verdict === 'upheld' ? remedy : null, reason });
  const record = async () => {
    const done = await action.run(() => call('review.findObjection', { objectionId: o._id, verdict: verdict ?? 'dismissed', remedy: verdict === 'upheld' ? remedy : null, reason: reason.trim() }));
    if (done) {
      onFound();
      await Taro.showToast({ title: '已记录核实结论', icon: 'success' });
    }
  };
  const ask = verdict
    ? {
        title: '记录核实结论',
        content: `${findingText({ verdict, remedy: verdict === 'upheld' ? remedy : null })}。${verdict === 'upheld' && remedy === 'reject' ? '项目将不予立项，' : ''}结论将告知提出异议的人，记录后不能更改。确定吗？`,
        confirmText: '确定',
      }
    : undefined;
  return (
    <View className="sub-item objection-item" data-objection-id={o._id}>
      <View className="muted">
        {o.authorName}
        {o.authorCommitteeName ? `（${o.authorCommitteeName}）` : ''} · {formatInstant(o.createdAt)}
      </View>
      <View className="readonly-text objection-text">{o.text}</View>
      {o.finding ? (
        <View className={`decision-box objection-finding ${o.finding.verdict === 'upheld' ? 'fail' : 'pass'}`}>
          <Text style={{ fontWeight: 600 }}>{o.finding.text}</Text>
          <Text className="muted">（{o.finding.byName}，{formatInstant(o.finding.at)}）</Text>
          <View className="readonly-text">{o.finding.reason}</View>
        </View>
      ) : (
        <View className="objection-form">
          <View className="section-label">核实结论</View>
          <ChoiceChips options={OBJECTION_VERDICTS} labels={OBJECTION_VERDICT_LABELS} value={verdict} onChange={setVerdict} kind="finding" />
          {verdict === 'upheld' ? (
            <>
              <View className="section-label">处理方式</View>
              <ChoiceChips options={OBJECTION_REMEDIES} labels={OBJECTION_REMEDY_LABELS} value={remedy} onChange={setRemedy} kind="remedy" />
            </>
          ) : null}
          <View className="section-label">核实情况和理由（将告知提出异议的人）</View>
          <Textarea className="textarea finding-reason" value={reason} maxlength={FINDING_REASON_MAX} autoHeight placeholder="如：经向学院核实，团队成员均在校，异议所述情况不属实。" onInput={(e) => setReason(e.detail.value)} />
          <View className="field-hint counter">{charCount(reason)}/{FINDING_REASON_MAX}</View>
          {tried && problems.length ? <View className="field-error finding-problems" role="alert">{problems.join('；')}</View> : null}
          {action.error ? <ErrorBox message={action.error} /> : null}
          <ActionButton
            type="primary"
            size="small"
            className="finding-submit"
            ask={problems.length ? undefined : ask}
            onTap={async () => {
              setTried(true);
              if (problems.length) return;
              await record();
            }}
          >
            记录核实结论
          </ActionButton>
        </View>
      )}
    </View>
  );
}
