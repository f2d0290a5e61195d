import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TodoItem } from '@shared/contracts/reminders';
import { errorText } from '../../../api/client';
import { loadQueue } from '../../../api/queue';
import { simulateSubscribeForDev } from '../../../api/reminders';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { openPage } from '../../../components/open-page';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { usePullRefresh } from '../../../hooks/usePullRefresh';
import { useReminderAsk } from '../../../hooks/useReminderAsk';
import { platform } from '../../../platform';
import { queueTotal } from '@shared/domain/queue/counts';
import { countdownText, groupByUrgency, URGENCY_LABELS } from './urgency';
import './index.css';
import { DeskShell } from '../../../components/desk/DeskShell';

function Item({ item }: { item: TodoItem }) {
  return (
    <View className={`list-item todo-item todo-${item.kind}`} onClick={() => openPage(item.link)}>
      <View className="row">
        <Text className="list-item-title">{item.title}</Text>
        <Text className="todo-countdown">{item.daysLeft === null ? (item.waitedText ?? '待处理') : countdownText(item.daysLeft)}</Text>
      </View>
      <View className="muted todo-detail">{item.detail}</View>
      {item.deadlineText ? <View className="muted">截止 {item.deadlineText}</View> : null}
      {item.reminderInterrupted ? (
        <View className="todo-interrupted">提醒消息发送中断，可能未送达，请以此处为准。</View>
      ) : null}
    </View>
  );
}

/** 我的待办: everything waiting on the person, most urgent first, then what waited longest; with or without WeChat reminders. */
function TodoPage() {
  const { data, error, loading, reload } = useLoad(loadQueue);
  const reminders = useReminderAsk();
  const [note, setNote] = useState<string | null>(null);

  usePullRefresh(reload, loading);

  const simulate = async () => {
    try {
      const n = await simulateSubscribeForDev();
      setNote(`已模拟允许 ${n} 类提醒。到提醒时点运行提醒任务后，可在开发收件箱（/dev/inbox）查看。`);
    } catch (err) {
      setNote(errorText(err));
    }
  };

  const subscribe = async () => {
    setNote(null);
    const outcome = await reminders.ask();
    if (!outcome.asked) setNote('暂时无法开启提醒，请稍后再试；待办事项仍会显示在这里。');
    else setNote(outcome.accepted > 0 ? `已开启 ${outcome.accepted} 类提醒：截止前会通过微信服务通知提醒您（每次允许可收到一条）。` : '未开启提醒。待办事项仍会显示在这里。');
  };

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const groups = groupByUrgency(data.items);

  return (
    <View className="page todo">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      {data.items.length === 0 ? (
        <View className="card">
          <Empty>暂无待办。等您处理的申报、审核、评审、认定、拨付、验收和身份确认，都会显示在这里。</Empty>
        </View>
      ) : (
        <>
        <View className="muted todo-total">共 {data.count} 项待办</View>
        {groups.map((g) => (
          <View key={g.urgency} className={`todo-group todo-group-${g.urgency}`}>
            <View className="todo-group-title">
              {URGENCY_LABELS[g.urgency]}（{queueTotal(g.items)}）
            </View>
            <View className="card">
              {g.items.map((item) => (
                <Item key={`${item.kind}:${item.link}:${item.deadline ?? ''}`} item={item} />
              ))}
            </View>
          </View>
        ))}
        </>
      )}
      <View className="card todo-subscribe">
        <View className="card-title">截止提醒</View>
        {platform.canSubscribe ? (
          <>
            <View className="muted">允许后，截止前 7 天、3 天、1 天和当天会通过微信服务通知提醒您。微信每次允许只能发送一条，可多次开启。</View>
            <View style={{ marginTop: '16px' }}>
              <Button type="primary" size="small" className="todo-subscribe-button" onClick={() => void subscribe()}>
                开启微信提醒
              </Button>
            </View>
            {note ? <View className="muted todo-subscribe-note" style={{ marginTop: '12px' }}>{note}</View> : null}
          </>
        ) : (
          <>
            <View className="muted">截止提醒通过微信小程序的服务通知发送，请在微信中打开本小程序开启；网页版请留意本页待办。</View>
            {platform.devInboxUrl ? (
              <View style={{ marginTop: '16px' }}>
                <Button size="small" className="todo-simulate-subscribe" onClick={() => void simulate()}>
                  模拟开启微信提醒（本地开发环境）
                </Button>
                {note ? <View className="muted todo-subscribe-note" style={{ marginTop: '12px' }}>{note}</View> : null}
              </View>
            ) : null}
          </>
        )}
      </View>
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Todo() {
  return (
    <DeskShell active="todo">
      <TodoPage />
    </DeskShell>
  );
}
