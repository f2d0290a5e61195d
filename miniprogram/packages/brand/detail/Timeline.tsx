import { View, Text } from '@tarojs/components';
import type { TimelineEntry } from '@shared/contracts';
import { BRAND_STATE_LABELS, BRAND_STATES, type BrandState } from '@shared/domain/brand/state';
import { formatInstant } from '@shared/time/deadline';
import { Empty } from '../../../components/Feedback';

const label = (s: string | null) => (s && (BRAND_STATES as readonly string[]).includes(s) ? BRAND_STATE_LABELS[s as BrandState] : s);

/** Who did what, when, and why: the brand's audit log, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Empty>暂无记录。</Empty>;
  return (
    <View className="timeline">
      {entries.map((e, i) => {
        const from = label(e.from);
        const to = label(e.to);
        return (
          <View key={i} className={`timeline-item timeline-${e.action}`}>
            <View className="row">
              <Text className="timeline-action">{e.actionLabel}</Text>
              <Text className="muted">{formatInstant(e.at)}</Text>
            </View>
            <View className="muted">
              {e.actorName}
              {from || to ? ` · ${from ?? '—'} → ${to ?? '—'}` : ''}
            </View>
            {e.reason ? <View className="readonly-text timeline-reason">意见：{e.reason}</View> : null}
          </View>
        );
      })}
    </View>
  );
}
