import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ProjectSummary } from '@shared/contracts';
import { call } from '../../../api/client';
import { ErrorBox } from '../../../components/Feedback';
import { useAction } from '../../../hooks/useAction';

/**
 * 推荐排序 at a desk: the committee's recommendations of one batch still waiting for the review,
 * moved up and down (buttons or Alt+↑/↓ on a focused row), then saved at once.
 */
export function RankOrder({ committeeId, items, onSaved }: { committeeId: string; items: ProjectSummary[]; onSaved: () => void }) {
  const waiting = items.filter((p) => p.state === 'recommended');
  const batchId = waiting[0]?.batchId ?? '';
  const ofBatch = waiting.filter((p) => p.batchId === batchId).sort((a, b) => (a.committeeRank ?? 999) - (b.committeeRank ?? 999));
  const [order, setOrder] = useState<ProjectSummary[]>(ofBatch);
  const key = ofBatch.map((p) => `${p._id}:${p.committeeRank}`).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setOrder(ofBatch), [key]);
  const action = useAction(onSaved);
  if (ofBatch.length < 2) return null;
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j], next[i]];
    setOrder(next);
  };
  const changed = order.some((p, i) => p.committeeRank !== i + 1);
  const save = async () => {
    const r = await action.run(() => call('committee.reorderRanks', { batchId, committeeId, projectIds: order.map((p) => p._id) }));
    if (r) {
      await Taro.showToast({ title: '排序已保存', icon: 'success' });
      onSaved();
    }
  };
  return (
    <View className="card rank-order">
      <View className="card-title">
        <Text>推荐排序（{order[0]?.batchName}）</Text>
        <button type="button" className="primary rank-save" disabled={!changed || action.busy} onClick={() => void save()}>
          保存排序
        </button>
      </View>
      {action.error ? <ErrorBox message={action.error} /> : null}
      <ol className="rank-list">
        {order.map((p, i) => (
          <li
            key={p._id}
            tabIndex={0}
            data-project-id={p._id}
            onKeyDown={(e) => {
              if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                e.preventDefault();
                move(i, e.key === 'ArrowUp' ? -1 : 1);
              }
            }}
          >
            <span className="rank-title">{p.title || '（未命名）'}</span>
            <span className="muted">{p.hostName}</span>
            <button type="button" className="rank-up" aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="rank-down" aria-label="下移" disabled={i === order.length - 1} onClick={() => move(i, 1)}>↓</button>
          </li>
        ))}
      </ol>
    </View>
  );
}
