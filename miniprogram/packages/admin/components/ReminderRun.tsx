import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RunSummary } from '@shared/contracts/reminders';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useAction } from '../../../hooks/useAction';
import { platform } from '../../../platform';

const FIGURES: Array<[keyof RunSummary, string]> = [
  ['planned', '应提醒'],
  ['queued', '新排队'],
  ['fannedOut', '分发给书记'],
  ['sent', '已发送'],
  ['skippedNoGrant', '未订阅（仅待办）'],
  ['failed', '失败'],
  ['interrupted', '曾中断'],
  ['retried', '待重试'],
];

/** 组织部: runs the deadline reminder job now (it also runs on its timer) and shows what it did. */
export function ReminderRun() {
  const { busy, error, run } = useAction();
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const go = async () => {
    const s = await run(() => call('scheduler.run', {}));
    if (s) setSummary(s);
  };
  return (
    <View className="card reminder-run">
      <View className="card-title">
        <Text>截止提醒</Text>
        <Button size="small" className="reminder-run-button" loading={busy} disabled={busy} onClick={() => void go()}>
          立即运行提醒任务
        </Button>
      </View>
      <View className="muted">提醒任务每天定时运行：截止前 7、3、1 天和当天，向已订阅的人发送微信提醒，每人每个节点只发一次；未订阅的只显示在“我的待办”。</View>
      {error ? <ErrorBox message={error} /> : null}
      {summary ? (
        <View className="reminder-run-summary" style={{ marginTop: '16px' }}>
          <View className="muted">运行时间 {formatInstant(summary.asOf)}</View>
          <View className="chips" style={{ marginTop: '12px' }}>
            {FIGURES.map(([key, label]) => (
              <Text key={key} className={`chip reminder-figure reminder-${key}`}>
                {label} {summary[key]}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {platform.devInboxUrl ? (
        <View style={{ marginTop: '16px' }}>
          <Button size="small" className="reminder-dev-inbox" onClick={() => void platform.openLink(platform.devInboxUrl ?? '')}>
            查看本地模拟发送的消息
          </Button>
        </View>
      ) : null}
    </View>
  );
}
