import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { OutputOf } from '@shared/contracts';
import { call, errorText } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { useTapGuard } from '../../../hooks/useTapGuard';

type Stage = 'publicity' | 'approval';
type Preview = OutputOf<'release.preview'>;
const STAGE_LABELS: Record<Stage, string> = { publicity: '公示结果', approval: '立项结果' };
const SHOWN = 3;

/** One stage's staged messages: counts by kind, the first few as they will read, and the release with progress. */
function StageRelease({ batchId, p, onDone }: { batchId: string; p: Preview; onDone: () => void }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tap = useTapGuard();
  const busy = tap.busy;
  const release = async () => {
    if (!tap.enter()) return;
    setError(null);
    try {
      // In steps: each call shows what it can in about two seconds; the rest follows at once.
      for (let step = 0; step < 500; step++) {
        const r = await call('release.run', { batchId, stage: p.stage });
        setProgress(`已发布 ${r.totalReleased} 条${r.remaining > 0 ? `，还剩 ${r.remaining} 条…` : ''}`);
        if (r.remaining === 0) break;
      }
      onDone();
    } catch (err) {
      setError(`${errorText(err)}（已发布的不会重复发送，可再次点击继续发布）`);
    } finally {
      tap.leave();
    }
  };
  return (
    <View className={`sub-item release-stage release-${p.stage}`}>
      <View className="row">
        <Text className="list-item-title">{STAGE_LABELS[p.stage]}</Text>
        <Text className="muted release-state">{p.held > 0 ? `待发布 ${p.held} 条` : `已发布 ${p.released} 条`}</Text>
      </View>
      {p.groups.map((g) => (
        <View key={g.kind} className="release-group">
          <View className="release-group-title">
            {g.label} · {g.count} 条
          </View>
          {g.samples.slice(0, SHOWN).map((m, i) => (
            <View key={i} className="muted release-sample">
              致 {m.recipientName}：{m.title}
              {m.body ? `——${m.body}` : ''}
            </View>
          ))}
          {g.count > SHOWN ? <View className="muted">……另有 {g.count - SHOWN} 条</View> : null}
        </View>
      ))}
      {error ? <ErrorBox message={error} /> : null}
      {progress ? <View className="release-progress">{progress}</View> : null}
      {p.held > 0 ? (
        <View style={{ marginTop: '12px' }}>
          <Button type="primary" block className="release-button" loading={busy} disabled={busy} onClick={() => void release()}>
            {p.state === 'releasing' ? `继续发布（剩 ${p.held} 条）` : `发布全部 ${p.held} 条通知`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/**
 * 结果通知: a round's 公示 and 立项 results reach nobody until released here. The preview shows
 * every message by kind; one tap releases them all, each person told exactly once.
 */
export function ReleaseCard({ batchId, refreshKey }: { batchId: string; refreshKey: string }) {
  const { data, error, reload } = useLoad(
    () => Promise.all((['publicity', 'approval'] as const).map((stage) => call('release.preview', { batchId, stage }))),
    [batchId, refreshKey],
  );
  const stages = (data ?? []).filter((p) => p.state !== 'none');
  if (error) return <ErrorBox message={error} onRetry={reload} />;
  if (stages.length === 0) return null;
  return (
    <View className="card release-card">
      <View className="card-title">结果通知</View>
      <View className="muted">公示和立项决定作出后，相关人员暂不会收到通知。核对下列消息后一次发布：每人只收到一次，已允许微信通知的同时收到服务通知。</View>
      {stages.map((p) => (
        <StageRelease key={p.stage} batchId={batchId} p={p} onDone={reload} />
      ))}
    </View>
  );
}
