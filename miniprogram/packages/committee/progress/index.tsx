import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PROJECT_STATE_LABELS, PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { useLoad } from '../../../hooks/useLoad';
import '../../project/components/project.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const label = (s: string) => ((PROJECT_STATES as readonly string[]).includes(s) ? PROJECT_STATE_LABELS[s as ProjectState] : s);

/** For the batch open now (or the one picked): counts by state and who has not submitted yet. */
function CommitteeProgressPage() {
  const batches = useLoad(() => call('batch.list', {}));
  const [picked, setPicked] = useState<string | null>(null);
  const list = batches.data ?? [];
  const batchId = picked ?? list.find((b) => b.open)?._id ?? list[0]?._id ?? null;
  const progress = useLoad(async () => (batchId ? call('committee.progress', { batchId }) : null), [batchId]);

  if (batches.error && !batches.data) return <View className="page"><ErrorBox message={batches.error} onRetry={batches.reload} /></View>;
  if (!batches.data) return <View className="page"><Loading /></View>;
  if (list.length === 0) return <View className="page"><View className="card"><Empty>还没有申报批次。党委组织部发布批次后，可以在这里查看本党委的申报进度。</Empty></View></View>;
  const p = progress.data;
  const counts = p ? Object.entries(p.counts).filter(([, n]) => n > 0) : [];
  const total = counts.reduce((a, [, n]) => a + n, 0);

  return (
    <View className="page committee-progress">
      {list.length > 1 ? (
        <View className="chips progress-batches" style={{ marginBottom: '24px' }}>
          {list.map((b) => (
            <Text key={b._id} className={`chip progress-batch${b._id === batchId ? ' selected' : ''}`} onClick={() => setPicked(b._id)}>
              {b.name}{b.open ? '（申报中）' : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {progress.error && !p ? <ErrorBox message={progress.error} onRetry={progress.reload} /> : null}
      {!p || p.batchName !== list.find((b) => b._id === batchId)?.name ? (
        progress.error ? null : <Loading />
      ) : (
        <>
          <View className="card progress-summary">
            <View className="card-title">{p.committeeName}</View>
            <View className="muted meta-line">{p.batchName}</View>
            <View className="muted meta-line progress-deadline">申报截止：{p.deadlineText}</View>
            {total === 0 ? (
              <Empty>本批次本党委还没有人创建申报书。</Empty>
            ) : (
              <View className="stat-grid" style={{ marginTop: '12px' }}>
                {counts.map(([state, n]) => (
                  <View key={state} className={`stat progress-count-${state}`}>
                    <View className="muted">{label(state)}</View>
                    <View className="stat-value">{n}</View>
                  </View>
                ))}
              </View>
            )}
          </View>
          <View className="card progress-missing">
            <View className="card-title">
              <Text>尚未提交</Text>
              <Text className="muted">{p.notSubmitted.length} 人</Text>
            </View>
            {p.notSubmitted.length === 0 ? (
              <Empty>{total === 0 ? '暂无草稿。' : '所有申报书都已提交。'}</Empty>
            ) : (
              <>
                <View className="muted meta-line">以下主持人的申报书尚未提交（草稿内容仅本人可见），可提醒其在截止前提交。</View>
                {p.notSubmitted.map((n, i) => (
                  <View key={`${n.hostName}-${i}`} className="list-item progress-host">
                    <View className="row">
                      <Text className="list-item-title">{n.hostName}</Text>
                      <Text className="muted">{label(n.state)}</Text>
                    </View>
                    <View className="muted">最近修改：{formatInstant(n.updatedAt)}</View>
                  </View>
                ))}
              </>
            )}
          </View>
          <View className="muted" style={{ textAlign: 'center' }}>
            <Text className="link-text" onClick={() => void Taro.navigateTo({ url: '/packages/committee/inbox/index' })}>去处理已提交的申报 ›</Text>
          </View>
        </>
      )}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function CommitteeProgress() {
  return (
    <DeskShell active="progress">
      <CommitteeProgressPage />
    </DeskShell>
  );
}
