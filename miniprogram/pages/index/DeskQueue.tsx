import { Text, View } from '@tarojs/components';
import type { Queue } from '../../api/queue';
import { groupByKind } from '@shared/domain/queue/counts';
import { openPage } from '../../components/open-page';
import { TODO_PAGE } from '@shared/domain/pages';

/** When the item is due, or how long it has waited. */
const whenText = (i: Queue['items'][number]) =>
  i.deadlineText ? `截止 ${i.deadlineText}${i.daysLeft !== null && i.daysLeft < 0 ? '（已逾期）' : ''}` : (i.waitedText ?? '');

/**
 * The desk home's first block: the whole queue grouped by kind (the role acted in first), each
 * count a link to the list where that work is done, already filtered to it.
 */
export function DeskQueue({ queue }: { queue: Queue }) {
  const groups = groupByKind(queue.items);
  return (
    <View className="card desk-queue">
      <View className="card-title">
        <Text>我的待办</Text>
        <Text className="muted desk-queue-total" onClick={() => openPage(TODO_PAGE)}>
          共 {queue.count} 项 ›
        </Text>
      </View>
      {groups.length === 0 ? <View className="muted">暂无待办：没有等您处理的事项。</View> : null}
      {groups.map((g) => (
        <View key={g.kind} className={`desk-queue-group desk-queue-${g.kind}`}>
          <View className="desk-queue-label">
            {g.label}
            <Text className="muted">（{g.count}）</Text>
          </View>
          {g.items.map((i) => (
            <View key={i.link} className="desk-queue-item" onClick={() => openPage(i.link)}>
              <Text className="desk-queue-count">{i.count}</Text>
              <Text className="desk-queue-title">{i.title}</Text>
              <Text className="muted desk-queue-when">{whenText(i)}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
