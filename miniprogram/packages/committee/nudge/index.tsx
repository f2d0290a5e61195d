import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { NudgeCandidate } from '@shared/contracts/messages';
import type { OutputOf } from '@shared/contracts';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';

interface Person {
  personId: string;
  name: string;
  nudgedToday: boolean;
  items: NudgeCandidate[];
}

function byPerson(items: NudgeCandidate[]): Person[] {
  const out = new Map<string, Person>();
  for (const c of items) {
    const p = out.get(c.personId) ?? { personId: c.personId, name: c.name, nudgedToday: c.nudgedToday, items: [] };
    p.items.push(c);
    out.set(c.personId, p);
  }
  return [...out.values()];
}

/**
 * 催办: the people who still owe something (the secretary's own committee, or everyone for the
 * 组织部), chosen and reminded at most once a day each; the answer says how many WeChat reached.
 */
function Nudge() {
  const { data, error, loading, reload } = useLoad(() => call('nudge.candidates', {}));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<OutputOf<'nudge.send'> | null>(null);
  const send = useAction(reload);

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const people = byPerson(data.items);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = async () => {
    setResult(null);
    const r = await send.run(() => call('nudge.send', { personIds: [...chosen] }));
    if (r) {
      setResult(r);
      setChosen(new Set());
      reload();
    }
  };

  return (
    <View className="page nudge">
      <View className="card">
        <View className="card-title">需要催办的人员</View>
        <View className="muted">选择人员后点“催办”：已允许微信提醒的人会收到服务通知，其他人在小程序“消息”中看到。每人每天至多催办一次。</View>
      </View>
      {send.error ? <ErrorBox message={send.error} /> : null}
      {result ? (
        <View className="card nudge-result">
          <View className="nudge-result-text">
            已催办 {result.wechat + result.inApp} 人：微信送达 {result.wechat} 人，仅在小程序消息中 {result.inApp} 人
          </View>
          {result.skipped.length > 0 ? <View className="muted">今天已催办过：{result.skipped.map((s) => s.name).join('、')}</View> : null}
        </View>
      ) : null}
      <View className="card">
        {people.length === 0 ? (
          <Empty>目前没有需要催办的人员：草稿都已提交，申报都已审核，评分和品牌报告都已完成。</Empty>
        ) : (
          people.map((p) => (
            <View
              key={p.personId}
              className={`list-item nudge-person${chosen.has(p.personId) ? ' nudge-chosen' : ''}${p.nudgedToday ? ' nudge-done' : ''}`}
              onClick={() => (p.nudgedToday ? undefined : toggle(p.personId))}
            >
              <View className="row">
                <Text className="list-item-title">
                  {p.nudgedToday ? '' : chosen.has(p.personId) ? '☑ ' : '☐ '}
                  {p.name}
                </Text>
                <Text className="muted">{p.nudgedToday ? '今天已催办' : ''}</Text>
              </View>
              {p.items.map((c) => (
                <View key={`${c.duty}:${c.title}`} className="muted nudge-duty">
                  {c.title} · 截止 {c.deadlineText}
                </View>
              ))}
            </View>
          ))
        )}
        {people.length > 0 ? (
          <View style={{ marginTop: '16px' }}>
            <Button type="primary" block className="nudge-send" loading={send.busy} disabled={send.busy || chosen.size === 0} onClick={() => void submit()}>
              {chosen.size > 0 ? `催办所选 ${chosen.size} 人` : '请选择要催办的人员'}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** At a desk the page keeps the side navigation (a phone shows the page alone). */
export default function NudgePage() {
  return (
    <DeskShell active="nudge">
      <Nudge />
    </DeskShell>
  );
}
