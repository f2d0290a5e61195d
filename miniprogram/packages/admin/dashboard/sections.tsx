import { View, Text } from '@tarojs/components';
import type { CommitteeStatsView, DashboardBatch, NotSubmittedView, UpcomingDateView } from '@shared/contracts/dashboard';
import { BRAND_STATUS_LABELS, PROJECT_PHASE_LABELS, PROJECT_PHASES, type BrandStatus } from '@shared/domain/dashboard';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_STATE_LABELS, PROJECT_STATES } from '@shared/domain/project/state';
import { Empty } from '../../../components/Feedback';
import { Bars, Legend, StackedBar, type Series } from './charts';

/** The dashboard's cards, shared by the 组织部's page and a committee's page. */

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

export function BatchPicker({ batches, selected, onPick }: { batches: DashboardBatch[]; selected: string | null; onPick: (id: string) => void }) {
  if (batches.length < 2) return null;
  return (
    <View className="chips dashboard-batches">
      {batches.map((b) => (
        <Text key={b._id} className={`chip dashboard-batch${b._id === selected ? ' selected' : ''}`} onClick={() => onPick(b._id)}>
          {b.name}
          {b.open ? '（申报中）' : ''}
        </Text>
      ))}
    </View>
  );
}

export interface TotalsLike {
  applications: CommitteeStatsView['applications'];
  reviews: CommitteeStatsView['reviews'];
  money: CommitteeStatsView['money'];
}

/** The numbers at a glance: two columns of cards. */
export function TotalCards({ totals, extra }: { totals: TotalsLike; extra?: { label: string; value: string; hint?: string } }) {
  const { applications: a, reviews: r, money: m } = totals;
  const cards = [
    { key: 'created', label: '申报书', value: String(a.created), hint: `未提交 ${a.notSubmitted}` },
    { key: 'submitted', label: '已提交', value: String(a.submitted), hint: '含之后各环节' },
    { key: 'recommended', label: '党委推荐', value: String(a.recommended), hint: '含之后各环节' },
    { key: 'reviews', label: '评审已完成', value: `${r.done}/${r.assigned}`, hint: r.missing > 0 ? `待评 ${r.missing}` : '无待评' },
    { key: 'granted', label: '资助经费（元）', value: formatYuan(m.grantedFen) },
    { key: 'paid', label: '已拨付（元）', value: formatYuan(m.paidFen) },
    { key: 'spent', label: '已支出（元）', value: formatYuan(m.spentFen) },
    ...(extra ? [{ key: 'extra', ...extra }] : []),
  ];
  return (
    <View className="total-grid">
      {cards.map((c) => (
        <View key={c.key} className={`total-card total-${c.key}`}>
          <View className="total-label">{c.label}</View>
          <View className="total-value">{c.value}</View>
          {c.hint ? <View className="total-hint">{c.hint}</View> : null}
        </View>
      ))}
    </View>
  );
}

export function UpcomingCard({ upcoming, batchName }: { upcoming: UpcomingDateView[]; batchName: string }) {
  return (
    <View className="card dashboard-upcoming">
      <View className="card-title">接下来的日程</View>
      {upcoming.length === 0 ? (
        <Empty>「{batchName}」日程中的日期均已过去。可在「批次与评审」中查看或调整批次日程。</Empty>
      ) : (
        upcoming.map((u) => (
          <View key={u.field} className="row upcoming-item">
            <View className="upcoming-what">
              <View>{u.label}</View>
              <View className="muted">{u.text}</View>
            </View>
            <Text className={`days-left${u.daysLeft <= 3 ? ' days-urgent' : ''}`}>{u.daysLeft === 0 ? '今天' : `${u.daysLeft} 天`}</Text>
          </View>
        ))
      )}
    </View>
  );
}

/** Hosts whose application is not with their committee yet (a draft's title stays the host's). */
export function NotSubmittedCard({ entries, open, showCommittee }: { entries: NotSubmittedView[]; open: boolean; showCommittee: boolean }) {
  return (
    <View className="card dashboard-missing">
      <View className="card-title">
        <Text>尚未提交</Text>
        <Text className="muted">{open ? `${entries.length} 人` : '申报已截止'}</Text>
      </View>
      {!open ? (
        <Empty>本批次申报已截止，不再统计未提交的申报书。</Empty>
      ) : entries.length === 0 ? (
        <Empty>没有未提交的申报书。</Empty>
      ) : (
        <>
          <View className="muted dash-meta">以下主持人的申报书尚未提交到基层党委（草稿内容仅本人可见），可提醒其在截止前提交。</View>
          {entries.map((e, i) => (
            <View key={`${e.committeeId}-${e.hostName}-${i}`} className="list-item missing-host">
              <View className="row">
                <Text className="list-item-title">{e.hostName}</Text>
                <Text className={`days-left${e.daysLeft <= 3 ? ' days-urgent' : ''}`}>{e.daysLeft === 0 ? '今天截止' : `剩 ${e.daysLeft} 天`}</Text>
              </View>
              <View className="muted dash-meta">
                {showCommittee ? `${e.committeeName} · ` : ''}
                {e.state === 'returned' ? `退回修改：${e.title ?? ''}` : '草稿（标题提交后可见）'}
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  );
}

const phaseParts = (phases: CommitteeStatsView['phases']): Series[] => PROJECT_PHASES.map((p) => ({ key: p, label: PROJECT_PHASE_LABELS[p], value: phases[p] }));

/** Where the applications stand: one stacked bar of phases, then every state in use with its bar. */
export function StatesCard({ phases, states, perCommittee }: { phases: CommitteeStatsView['phases']; states: CommitteeStatsView['states']; perCommittee?: CommitteeStatsView[] }) {
  const used = PROJECT_STATES.filter((s) => states[s] > 0);
  const max = Math.max(0, ...used.map((s) => states[s]));
  return (
    <View className="card dashboard-states">
      <View className="card-title">项目状态</View>
      {used.length === 0 ? (
        <Empty>本批次还没有申报书。</Empty>
      ) : (
        <>
          <StackedBar parts={phaseParts(phases)} className="stacked-total" />
          <Legend parts={phaseParts(phases)} />
          {perCommittee ? (
            <View className="dash-section">各党委</View>
          ) : null}
          {perCommittee?.map((c) => (
            <View key={c.committeeId} className="stacked-row">
              <View className="muted dash-meta">
                {c.committeeName} · {c.applications.created}
              </View>
              <StackedBar parts={phaseParts(c.phases)} />
            </View>
          ))}
          <View className="dash-section">按状态</View>
          <Bars series={used.map((s) => ({ key: `state-${s}`, label: PROJECT_STATE_LABELS[s], value: states[s] }))} max={max} className="state-bars" />
        </>
      )}
    </View>
  );
}

/** 资助 / 已拨付 / 已支出 for each row, bars against the largest amount shown. */
export function MoneyCard({ rows }: { rows: Array<{ key: string; name: string | null; money: CommitteeStatsView['money'] }> }) {
  const max = Math.max(0, ...rows.flatMap((r) => [r.money.grantedFen, r.money.paidFen, r.money.spentFen]));
  const shown = rows.filter((r) => r.money.grantedFen + r.money.paidFen + r.money.spentFen > 0);
  return (
    <View className="card dashboard-money">
      <View className="card-title">培育经费</View>
      {shown.length === 0 ? (
        <Empty>还没有立项的项目。立项后这里显示资助、拨付和支出的金额。</Empty>
      ) : (
        <>
          <Legend
            parts={[
              { key: 'granted', label: '资助', value: 0, text: '' },
              { key: 'paid', label: '已拨付', value: 0, text: '' },
              { key: 'spent', label: '已支出', value: 0, text: '' },
            ]}
          />
          {shown.map((r) => (
            <View key={r.key} className="money-row-item">
              {r.name ? <View className="muted dash-meta">{r.name}</View> : null}
              <Bars
                max={max}
                series={[
                  { key: 'granted', label: '资助', value: r.money.grantedFen, text: yuan(r.money.grantedFen) },
                  { key: 'paid', label: '已拨付', value: r.money.paidFen, text: yuan(r.money.paidFen) },
                  { key: 'spent', label: '已支出', value: r.money.spentFen, text: yuan(r.money.spentFen) },
                ]}
              />
            </View>
          ))}
        </>
      )}
    </View>
  );
}

/** Score sheets handed in and still owed in the batch's 立项评审. */
export function ReviewsCard({ rows }: { rows: Array<{ key: string; name: string | null; reviews: CommitteeStatsView['reviews'] }> }) {
  const shown = rows.filter((r) => r.reviews.assigned > 0);
  return (
    <View className="card dashboard-reviews">
      <View className="card-title">立项评审</View>
      {shown.length === 0 ? (
        <Empty>本批次还没有分配评审专家。党委推荐后，组织部在「批次与评审」中开始评审并分配专家。</Empty>
      ) : (
        <>
          <Legend
            parts={[
              { key: 'done', label: '已评', value: 0, text: '' },
              { key: 'missing', label: '待评', value: 0, text: '' },
            ]}
          />
          {shown.map((r) => (
            <View key={r.key} className="stacked-row review-row">
              <View className="row">
                <Text className="muted">{r.name ?? '评分表'}</Text>
                <Text className="muted review-counts">
                  已评 {r.reviews.done} · 待评 {r.reviews.missing}
                </Text>
              </View>
              <StackedBar
                parts={[
                  { key: 'done', label: '已评', value: r.reviews.done },
                  { key: 'missing', label: '待评', value: r.reviews.missing },
                ]}
              />
            </View>
          ))}
        </>
      )}
    </View>
  );
}

export function BrandTag({ status }: { status: BrandStatus }) {
  return <Text className={`brand-status brand-${status}`}>{BRAND_STATUS_LABELS[status]}</Text>;
}
