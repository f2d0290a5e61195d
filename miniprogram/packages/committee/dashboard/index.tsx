import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { OutputOf } from '@shared/contracts';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { BRAND_STATUS_LABELS } from '@shared/domain/dashboard';
import { useLoad } from '../../../hooks/useLoad';
import { Bars } from '../../admin/dashboard/charts';
import { BatchPicker, BrandTag, MoneyCard, NotSubmittedCard, ReviewsCard, StatesCard, TotalCards, UpcomingCard } from '../../admin/dashboard/sections';
import '../../admin/dashboard/dashboard.css';
import { DeskShell } from '../../../components/desk/DeskShell';

type CommitteeDashboard = OutputOf<'dashboard.committee'>;

/** 本党委看板: one committee's applications, reviews, projects, money and brand in the batch. */
function CommitteeDashboardPagePage() {
  const params = useRouter().params;
  // A secretary opens their own committee; the 组织部 comes here from a row of the university dashboard.
  const committeeId = params.committeeId || undefined;
  const [picked, setPicked] = useState<string | null>(params.batchId || null);
  const { data, error, loading, reload } = useLoad(
    () => call('dashboard.committee', { ...(committeeId ? { committeeId } : {}), ...(picked ? { batchId: picked } : {}) }),
    [committeeId, picked],
  );

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const c = data.committee;

  return (
    <View className="page dashboard committee-dashboard">
      <BatchPicker batches={data.batches} selected={data.batch?._id ?? null} onPick={setPicked} />
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      {loading ? <View className="muted dashboard-refreshing">正在更新…</View> : null}
      <View className="card dashboard-head">
        <View className="card-title">
          <Text>{c.committeeName}</Text>
        </View>
        {data.batch ? <View className="muted dash-meta">{data.batch.name} · 申报截止：{data.batch.deadlineText}{data.batch.open ? '' : '（已截止）'}</View> : null}
        <View className="muted dash-meta">统计至 {data.asOf}（北京时间）</View>
      </View>
      {data.batch ? <Body data={data} own={!committeeId} /> : (
        <View className="card">
          <Empty>还没有申报批次。党委组织部发布批次后，这里会显示本党委的申报、评审和经费情况。</Empty>
        </View>
      )}
      <BrandCard data={data} />
    </View>
  );
}

function Body({ data, own }: { data: CommitteeDashboard; own: boolean }) {
  const c = data.committee;
  const a = c.applications;
  return (
    <>
      <TotalCards totals={c} extra={{ label: `${data.brandYear}年党建品牌`, value: BRAND_STATUS_LABELS[c.brand.status] }} />
      <View className="card dashboard-funnel">
        <View className="card-title">申报与推荐</View>
        {a.created === 0 ? (
          <Empty>
            本批次本党委还没有人创建申报书。{data.submissionOpen ? '可提醒党员在首页“正在申报的批次”中新建申报书，截止前提交到本党委。' : ''}
          </Empty>
        ) : (
          <Bars
            max={a.created}
            series={[
              { key: 'created', label: '已创建', value: a.created },
              { key: 'submitted', label: '已提交', value: a.submitted },
              { key: 'recommended', label: '已推荐', value: a.recommended },
            ]}
          />
        )}
        {own && a.submitted > 0 ? (
          <View className="muted funnel-link">
            <Text className="link-text" onClick={() => void Taro.navigateTo({ url: '/packages/committee/inbox/index' })}>
              去处理已提交的申报 ›
            </Text>
          </View>
        ) : null}
      </View>
      <NotSubmittedCard entries={data.notSubmitted} open={data.submissionOpen} showCommittee={false} />
      <UpcomingCard upcoming={data.upcoming} batchName={data.batch?.name ?? ''} />
      <StatesCard phases={c.phases} states={c.states} />
      <MoneyCard rows={[{ key: c.committeeId, name: null, money: c.money }]} />
      <ReviewsCard rows={[{ key: c.committeeId, name: null, reviews: c.reviews }]} />
    </>
  );
}

function BrandCard({ data }: { data: CommitteeDashboard }) {
  const { brand } = data.committee;
  return (
    <View className="card dashboard-brands">
      <View className="card-title">
        <Text>{data.brandYear}年党建品牌</Text>
        <BrandTag status={brand.status} />
      </View>
      {brand.status === 'none' ? (
        <Empty>本党委还没有创建{data.brandYear}年的党建品牌。书记或组织员可在首页「我的党建品牌」中撰写品牌创建工作情况报告。</Empty>
      ) : (
        <View className="dash-meta">{brand.name ? `「${brand.name}」` : '品牌名称尚未填写'}</View>
      )}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function CommitteeDashboardPage() {
  return (
    <DeskShell active="committee-dashboard">
      <CommitteeDashboardPagePage />
    </DeskShell>
  );
}
