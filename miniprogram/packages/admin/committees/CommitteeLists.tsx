import { Text, View } from '@tarojs/components';
import type { OutputOf } from '@shared/contracts';
import { PROJECT_STATE_LABELS, PROJECT_STATES } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { Empty } from '../../../components/Feedback';

type Progress = OutputOf<'committee.progress'>;

/** Counts by state and who has not submitted yet (names only: drafts stay the host's). */
export function ProgressCard({ p }: { p: Progress }) {
  const counted = PROJECT_STATES.filter((s) => (p.counts[s] ?? 0) > 0);
  return (
    <View className="card committee-progress">
      <View className="card-title">{p.batchName}</View>
      <View className="muted meta-line">申报截止 {p.deadlineText}</View>
      {counted.length === 0 ? (
        <Empty>该基层党委在本批次还没有人创建申报书。</Empty>
      ) : (
        <View className="count-chips">
          {counted.map((s) => (
            <Text key={s} className={`count-chip count-${s}`}>{PROJECT_STATE_LABELS[s]} {p.counts[s]}</Text>
          ))}
        </View>
      )}
      {p.notSubmitted.length ? (
        <>
          <View className="section-label">尚未提交（{p.notSubmitted.length}）</View>
          {p.notSubmitted.map((n, i) => (
            <View key={`${n.hostName}-${i}`} className="kv not-submitted">
              <Text className="k">{n.hostName}</Text>
              <Text className="v muted">{n.state === 'returned' ? '退回修改中' : '草稿'} · {formatInstant(n.updatedAt)}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
