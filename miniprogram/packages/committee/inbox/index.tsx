import { Picker, View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ProjectSummary } from '@shared/contracts';
import type { InboxView } from '@shared/contracts/committee';
import { formatYuan } from '@shared/domain/money';
import type { ProjectState } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { PacketButton } from '../../../components/PacketButton';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { useLoad } from '../../../hooks/useLoad';
import { DeskShell } from '../../../components/desk/DeskShell';
import { DeskTable } from '../../../components/desk/DeskTable';
import { PROJECT_COLUMNS } from '../../../components/desk/projectColumns';
import { useDesk } from '../../../hooks/useDesk';
import { RankOrder } from './RankOrder';
import '../../project/components/project.css';


const TABS: Array<{ view: InboxView; label: string; empty: string }> = [
  { view: 'pending', label: '待处理', empty: '暂时没有待处理的申报。党员提交申报书后，会出现在这里。' },
  { view: 'recommended', label: '已推荐', empty: '还没有推荐的项目。在“待处理”中审阅申报书后可以推荐并排序。' },
  { view: 'decided', label: '已处理', empty: '还没有处理过的申报。' },
  { view: 'all', label: '全部', empty: '本党委还没有已提交的申报（草稿不在此显示，可在“申报进度”中查看谁尚未提交）。' },
];

/** From 立项 on, the committee guides the project (具体指导). */
const GUIDED: readonly ProjectState[] = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];

function open(p: ProjectSummary) {
  const page = GUIDED.includes(p.state) ? 'guidance' : 'decide';
  void Taro.navigateTo({ url: `/packages/committee/${page}/index?id=${encodeURIComponent(p._id)}` });
}

/** The secretary's lists: 待处理 / 已推荐 (by rank) / 已处理 / 全部; a submitted application opens the decision. */
export default function CommitteeInbox() {
  const [view, setView] = useState<InboxView>('pending');
  const { data, error, loading, reload } = useLoad(() => call('committee.inbox', { view }), [view]);
  const tab = TABS.find((t) => t.view === view) ?? TABS[0];
  const batches = useLoad(() => call('batch.list', {}));
  const [exportBatch, setExportBatch] = useState('');
  const batchList = batches.data ?? [];
  const chosen = batchList.find((b) => b._id === exportBatch) ?? batchList[0];
  const desk = useDesk();
  return (
    <DeskShell active="inbox">
    <View className="page committee-inbox">
      <View className="tabs inbox-tabs">
        {TABS.map((t) => (
          <Text key={t.view} className={`tab inbox-tab-${t.view}${t.view === view ? ' selected' : ''}`} onClick={() => setView(t.view)}>
            {t.label}
          </Text>
        ))}
      </View>
      {error && !data ? <ErrorBox message={error} onRetry={reload} /> : null}
      {loading && (!data || data.view !== view) ? <Loading /> : null}
      {data && data.view === view ? (
        <View className="card">
          <View className="card-title">
            <Text className="inbox-committee">{data.committeeName}</Text>
            <Text className="muted inbox-count">{data.items.length} 份</Text>
          </View>
          {desk && view === 'recommended' ? <RankOrder committeeId={data.committeeId} items={data.items} onSaved={reload} /> : null}
          {desk ? (
            <DeskTable label="本党委申报" className="inbox-table" rows={data.items} rowKey={(p) => p._id} columns={PROJECT_COLUMNS} search={(p) => `${p.title} ${p.hostName}`} onOpen={open} empty={tab.empty} />
          ) : data.items.length === 0 ? (
            <Empty>{tab.empty}</Empty>
          ) : (
            data.items.map((p) => (
              <View key={p._id} className="list-item inbox-item" onClick={() => open(p)}>
                <View className="row">
                  <Text className="list-item-title">{view === 'recommended' && p.committeeRank ? `${p.committeeRank}. ` : ''}{p.title || '（未命名）'}</Text>
                  <StateTag state={p.state} />
                </View>
                <View className="muted">主持人 {p.hostName} · 预算 ¥{formatYuan(p.budgetTotal)}</View>
                <View className="muted">{p.batchName} · 提交于 {p.submittedAt ? formatInstant(p.submittedAt) : '—'}</View>
              </View>
            ))
          )}
        </View>
      ) : null}
      <View className="card export-card">
        <View className="card-title">导出本党委名单（Excel）</View>
        {batches.error ? <ErrorBox message={batches.error} onRetry={batches.reload} /> : null}
        {batches.data && batchList.length === 0 ? <Empty>还没有批次。党委组织部开设批次后，可在这里导出本党委的申报汇总和推荐名单。</Empty> : null}
        {chosen ? (
          <View className="export-list" style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
            <Picker mode="selector" range={batchList.map((b) => b.name)} value={Math.max(0, batchList.indexOf(chosen))} onChange={(e) => setExportBatch(batchList[Number(e.detail.value)]?._id ?? '')}>
              <View className="muted export-batch">批次：{chosen.name} ▾</View>
            </Picker>
            <ExportButton label="导出本党委申报汇总" make={() => call('export.applications', { batchId: chosen._id })} />
            <ExportButton label="导出推荐名单" make={() => call('export.recommendations', { batchId: chosen._id })} />
            <View className="muted packet-hint">纸质材料包：报送函、推荐汇总表、按推荐排序的申报书、党建品牌报告和支撑材料，打印盖章后报送党委组织部。</View>
            <PacketButton batchId={chosen._id} label="下载纸质材料包（.zip）" />
          </View>
        ) : null}
      </View>
      <View className="card entry-progress" onClick={() => void Taro.navigateTo({ url: '/packages/committee/progress/index' })}>
        <View className="card-title">
          <Text>申报进度</Text>
          <Text className="muted">查看 ›</Text>
        </View>
        <View className="muted">各状态的数量，以及谁还没有提交申报书。</View>
      </View>
    </View>
    </DeskShell>
  );
}
