import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BatchView } from '@shared/contracts';
import { CALENDAR_FIELDS } from '@shared/domain/batch';
import { formatYuan } from '@shared/domain/money';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button, Tag } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { ReminderRun } from '../components/ReminderRun';
import { useFundedWaiting, waitingText } from '../components/useFundedWaiting';
import '../components/admin.css';
import { DeskShell } from '../../../components/desk/DeskShell';

const go = (url: string) => Taro.navigateTo({ url });
/**
 * Batches drawn at a time. The 组织部 sees every committee's own batches too (30 committees: 30 a
 * year); a batch draws ~45 nodes, and WeChat's 体验评分 wants a page under 1000.
 */
const BATCHES_AT_A_TIME = 10;

/** The next step of the batch's calendar from today, e.g. "评审开始 2026-08-01". */
function nextStep(b: BatchView): string | null {
  const today = dateIn(new Date());
  const next = CALENDAR_FIELDS.find(([k]) => (b.calendar[k] ?? '') >= today);
  return next ? `下一步：${next[1]} ${b.calendar[next[0]]}` : null;
}

function BatchItem({ b, waiting }: { b: BatchView; waiting: string | null }) {
  const step = nextStep(b);
  return (
    <View className="list-item batch-item" data-batch-id={b._id}>
      <View className="row">
        <Text className="list-item-title">{b.name}</Text>
        {b.open ? (
          <Tag type="success" className="state-tag batch-open">申报中</Tag>
        ) : (
          <Tag type="default" plain className="state-tag batch-closed">申报已截止</Tag>
        )}
      </View>
      <View className="muted meta-line">
        {b.level === 'school' ? '校级' : '基层党委自行组织'} · {b.year} 年度 · 立项 {b.quota} 项 · 每项 ¥{formatYuan(b.grantPerProject)}
      </View>
      <View className="muted meta-line">
        申报截止 {b.deadlineText}
        {b.open ? `（${b.daysLeft === 0 ? '今天截止' : `还剩 ${b.daysLeft} 天`}）` : ''}
      </View>
      {step ? <View className="muted meta-line next-step">{step}</View> : null}
      {waiting ? (
        <View className="batch-waiting" onClick={() => go(`/packages/admin/funded/index?batchId=${b._id}`)}>
          培育与验收有待办：{waiting} ›
        </View>
      ) : null}
      <View className="actions">
        <Button size="small" className="batch-edit" onClick={() => go(`/packages/admin/batch/index?id=${b._id}`)}>
          设置与延期
        </Button>
        <Button size="small" className="batch-committees" onClick={() => go(`/packages/admin/committees/index?batchId=${b._id}`)}>
          各党委申报
        </Button>
        <Button size="small" type="primary" className="batch-round" onClick={() => go(`/packages/admin/round/index?batchId=${b._id}`)}>
          评审与立项
        </Button>
        <Button size="small" className="batch-funded" onClick={() => go(`/packages/admin/funded/index?batchId=${b._id}`)}>
          培育与验收
        </Button>
        <Button size="small" className="batch-next-year" onClick={() => go(`/packages/admin/batch/index?from=${b._id}`)}>
          复制为下一年度
        </Button>
      </View>
    </View>
  );
}

/** 组织部: every batch with its state and deadline; open one to edit it, extend a date or run its review. */
function BatchesPage() {
  const { data, error, loading, reload } = useLoad(() => call('batch.list', {}));
  const [shown, setShown] = useState(BATCHES_AT_A_TIME);
  // Which batch has 培育与验收 work waiting, marked on its row.
  const waiting = useFundedWaiting();
  const waitingOf = (id: string) => {
    const w = waiting.data?.find((x) => x.batch._id === id);
    return w ? waitingText(w) : null;
  };
  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  return (
    <View className="page admin-batches">
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      <View className="card">
        <View className="card-title">
          <Text>党建精品项目批次</Text>
          <Button size="small" type="primary" className="batch-new" onClick={() => go('/packages/admin/batch/index')}>
            新建批次
          </Button>
        </View>
        {data.length === 0 ? (
          <Empty>还没有批次。点击“新建批次”，按通知填写申报截止、评审、公示和验收日期，以及每个项目的资助经费和立项数量。</Empty>
        ) : (
          data.slice(0, shown).map((b) => <BatchItem key={b._id} b={b} waiting={waitingOf(b._id)} />)
        )}
        {data.length > shown ? (
          <Button size="small" block className="batch-more" onClick={() => setShown(shown + BATCHES_AT_A_TIME)}>
            显示更早的批次（还有 {data.length - shown} 个）
          </Button>
        ) : null}
      </View>
      <View className="card entry-committees" onClick={() => go('/packages/admin/committees/index')}>
        <View className="card-title">
          <Text>各基层党委申报情况</Text>
          <Text className="muted">进入 ›</Text>
        </View>
        <View className="muted">按基层党委查看申报、推荐和未提交的情况，进入项目办理拨付、中期和结项。</View>
      </View>
      <ReminderRun />
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function Batches() {
  return (
    <DeskShell active="batches">
      <BatchesPage />
    </DeskShell>
  );
}
