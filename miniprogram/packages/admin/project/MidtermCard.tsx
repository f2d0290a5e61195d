import { Text, View } from '@tarojs/components';
import type { ReportsView } from '@shared/contracts/funding';
import { formatYuan } from '@shared/domain/money';
import { formatInstant } from '@shared/time/deadline';
import { Empty, ErrorBox } from '../../../components/Feedback';
import { DecisionForm } from './DecisionForm';

interface Props {
  r: ReportsView;
  busy: boolean;
  /** The last failed action of this card, said next to it. */
  error: string | null;
  onDecide: (pass: boolean, comment: string) => Promise<void>;
}

export function DecisionView({ d }: { d: { pass: boolean; comment: string; at: string; deciderName: string } }) {
  return (
    <View className={`sub-item decision-result ${d.pass ? 'decision-pass' : 'decision-fail flagged'}`}>
      <View className="row">
        <Text className={d.pass ? 'ok-text' : 'error-text'}>{d.pass ? '通过' : '不通过'}</Text>
        <Text className="muted">{formatInstant(d.at)} · {d.deciderName}</Text>
      </View>
      {d.comment ? <View className="excerpt">{d.comment}</View> : null}
    </View>
  );
}

function Section({ label, text }: { label: string; text: string }) {
  return (
    <>
      <View className="section-label">{label}</View>
      <View className="readonly-text">{text || '（未填写）'}</View>
    </>
  );
}

/** 中期验收 (年底): the host's materials, then pass (tranche 2 due) or fail (终止，不再拨付余下经费). */
export function MidtermCard({ r, busy, error, onDecide }: Props) {
  const m = r.midterm;
  return (
    <View className="card midterm-card">
      <View className="card-title">中期验收</View>
      {!m ? (
        <Empty>
          {r.state === 'cultivating' && !r.midtermPassed ? '项目培育中。主持人提交中期验收材料后，在此作出验收结论。' : '没有中期验收材料。'}
        </Empty>
      ) : (
        <>
          <View className="muted meta-line">
            {m.submitterName} 提交于 {formatInstant(m.submittedAt)} · 当时已到位 ¥{formatYuan(m.receivedFen)}，已支出 ¥{formatYuan(m.spentFen)}
          </View>
          <Section label="建设进展" text={m.progress} />
          <Section label="阶段成效" text={m.results} />
          <Section label="经费使用情况" text={m.spendingNote} />
          {m.changeRequests ? <Section label="调整事项" text={m.changeRequests} /> : null}
          {m.decision ? (
            <>
              <View className="section-label">验收结论</View>
              <DecisionView d={m.decision} />
            </>
          ) : null}
        </>
      )}
      {r.can.decideMidterm ? (
        <DecisionForm
          className="midterm-decision"
          label="中期验收"
          passMeans="通过后项目继续培育，第二笔经费可予拨付。"
          failMeans="不通过将终止项目，不再拨付余下经费。"
          busy={busy}
          onDecide={onDecide}
        />
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
    </View>
  );
}
