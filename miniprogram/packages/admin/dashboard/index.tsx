import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OutputOf } from '@shared/contracts';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { useLoad } from '../../../hooks/useLoad';
import { Bars } from './charts';
import { BatchPicker, BrandTag, MoneyCard, NotSubmittedCard, ReviewsCard, StatesCard, TotalCards, UpcomingCard } from './sections';
import './dashboard.css';
import { DeskShell } from '../../../components/desk/DeskShell';

type University = OutputOf<'dashboard.university'>;

const openCommittee = (committeeId: string, batchId: string | undefined) =>
  Taro.navigateTo({ url: `/packages/committee/dashboard/index?committeeId=${committeeId}${batchId ? `&batchId=${batchId}` : ''}` });

/** 组织部 数据看板: the whole university's progress in the batch, committee by committee. */
function UniversityDashboardPage() {
  const [picked, setPicked] = useState<string | null>(null);
  const { data, error, loading, reload } = useLoad(() => call('dashboard.university', picked ? { batchId: picked } : {}), [picked]);

  if (loading && !data) return <View className="page"><Loading /></View>;
  if (error && !data) return <View className="page"><ErrorBox message={error} onRetry={reload} /></View>;
  if (!data) return null;
  const batchId = data.batch?._id;

  return (
    <View className="page dashboard">
      <BatchPicker batches={data.batches} selected={batchId ?? null} onPick={setPicked} />
      {error ? <ErrorBox message={error} onRetry={reload} /> : null}
      {loading ? <View className="muted dashboard-refreshing">正在更新…</View> : null}
      <Header data={data} />
      {data.batch ? <Body data={data} batchId={batchId} /> : <NoBatch data={data} />}
    </View>
  );
}

function Header({ data }: { data: University }) {
  return (
    <View className="card dashboard-head">
      <View className="card-title">
        <Text>{data.batch ? data.batch.name : '全校党建工作'}</Text>
      </View>
      {data.batch ? <View className="muted dash-meta">申报截止：{data.batch.deadlineText}{data.batch.open ? '' : '（已截止）'}</View> : null}
      <View className="muted dash-meta">
        {data.totals.committees} 个基层党委（总支） · 统计至 {data.asOf}（北京时间）
      </View>
    </View>
  );
}

function NoBatch({ data }: { data: University }) {
  return (
    <>
      <View className="card">
        <Empty>还没有申报批次。请先在「批次与评审」中开设批次并设定日程，之后这里会显示各党委的申报、评审和经费情况。</Empty>
        <Button type="primary" block onClick={() => Taro.navigateTo({ url: '/packages/admin/batches/index' })}>
          去开设批次
        </Button>
      </View>
      <BrandsCard data={data} batchId={undefined} />
    </>
  );
}

function Body({ data, batchId }: { data: University; batchId: string | undefined }) {
  const { totals, committees } = data;
  const maxApplications = Math.max(0, ...committees.map((c) => c.applications.submitted + c.applications.notSubmitted));
  const reported = totals.brands.submitted + totals.brands.accepted + totals.brands.promoted;
  return (
    <>
      <TotalCards totals={totals} extra={{ label: `${data.brandYear}年品牌已报送`, value: `${reported}/${totals.committees}`, hint: `已认定 ${totals.brands.accepted + totals.brands.promoted}` }} />

      <View className="card dashboard-committees">
        <View className="card-title">
          <Text>各党委申报</Text>
          <Text className="muted">点击查看本党委</Text>
        </View>
        {totals.applications.created === 0 ? (
          <View className="warn-box">本批次还没有人创建申报书。{data.submissionOpen ? '申报截止前，党员可在首页“正在申报的批次”中新建申报书。' : ''}</View>
        ) : null}
        {committees.map((c) => (
          <View key={c.committeeId} className="committee-row" onClick={() => void openCommittee(c.committeeId, batchId)}>
            <View className="row">
              <Text className="committee-name">{c.committeeName}</Text>
              <Text className="muted">›</Text>
            </View>
            <Bars
              max={maxApplications}
              series={[
                { key: 'submitted', label: '已提交', value: c.applications.submitted },
                { key: 'recommended', label: '已推荐', value: c.applications.recommended },
              ]}
            />
          </View>
        ))}
      </View>

      <NotSubmittedCard entries={data.notSubmitted} open={data.submissionOpen} showCommittee />
      <UpcomingCard upcoming={data.upcoming} batchName={data.batch?.name ?? ''} />
      <StatesCard phases={totals.phases} states={totals.states} perCommittee={committees.filter((c) => c.applications.created > 0)} />
      <MoneyCard rows={committees.map((c) => ({ key: c.committeeId, name: c.committeeName, money: c.money }))} />
      <ReviewsCard rows={committees.map((c) => ({ key: c.committeeId, name: c.committeeName, reviews: c.reviews }))} />
      <BrandsCard data={data} batchId={batchId} />
    </>
  );
}

function BrandsCard({ data, batchId }: { data: University; batchId: string | undefined }) {
  return (
    <View className="card dashboard-brands">
      <View className="card-title">
        <Text>{data.brandYear}年党建品牌</Text>
        <Text className="muted">一党委一品牌</Text>
      </View>
      {data.committees.map((c) => (
        <View key={c.committeeId} className="row list-item brand-row" onClick={() => void openCommittee(c.committeeId, batchId)}>
          <View className="brand-who">
            <View>{c.committeeName}</View>
            {c.brand.name ? <View className="muted">「{c.brand.name}」</View> : null}
          </View>
          <BrandTag status={c.brand.status} />
        </View>
      ))}
    </View>
  );
}

/** At a desk, beside the side navigation; on a phone the page alone. */
export default function UniversityDashboard() {
  return (
    <DeskShell active="dashboard">
      <UniversityDashboardPage />
    </DeskShell>
  );
}
