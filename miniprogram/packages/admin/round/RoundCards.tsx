import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ReviewerView, RoundStatus } from '@shared/contracts/review';
import type { RoundRow } from '@shared/contracts/round';
import { ROUND_STATES } from '@shared/contracts/lists';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { LoadMore } from '../../../components/LoadMore';
import { SelectField } from '../components/SelectField';
import { RoundDetail } from './RoundDetail';
import { useRoundList } from './useRoundList';
import { PhoneSearch } from '../../../components/desk/ListControls';

interface Props {
  s: RoundStatus;
  reviewers: ReviewerView[];
  refreshKey: unknown;
  /** The applications picked for the 公示 on the phone. */
  selected: string[];
  onToggle: (row: { projectId: string; title: string; average: number | null }) => void;
  busy: boolean;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  assignError: { projectId: string; message: string | null } | null;
  /** The rows the list has shown (the 公示 card names the picked ones). */
  onRows: (rows: RoundRow[]) => void;
}

const ALL = 'all';
const STATE_OPTIONS = [{ value: ALL, label: '全部状态' }, ...ROUND_STATES.map((st) => ({ value: st, label: PROJECT_STATE_LABELS[st] }))];

/** The round on the phone: the same paged list (review.roundList), best average first, 加载更多 at the end. */
export function RoundCards({ s, reviewers, refreshKey, selected, onToggle, busy, onAssign, assignError, onRows }: Props) {
  const list = useRoundList(s.batch._id, 'more', 20, refreshKey);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const suggested = new Set(s.suggestion.selectedIds);
  const tied = new Set(s.suggestion.tiedIds);
  useEffect(() => onRows(list.rows), [list.rows, onRows]);
  const filtered = Boolean(list.query.q || list.query.state);
  const search = () => list.setQuery({ ...list.query, q: text.trim() || undefined });

  return (
    <View className="card round-cards">
      <View className="card-title">
        <Text>本批次申报（按平均分排序）</Text>
        <Text className="muted round-total">{list.total} 项</Text>
      </View>
      <SelectField
        className="round-filter-state"
        label="状态"
        options={STATE_OPTIONS}
        value={list.query.state ?? ALL}
        onChange={(v) => list.setQuery({ ...list.query, state: ROUND_STATES.find((st) => st === v) })}
      />
      <View className="row round-search-row">
        <PhoneSearch className="round-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} goClassName="round-search-go" />
      </View>
      {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
      {list.rows.length === 0 && list.loading ? <Loading /> : null}
      {list.rows.length === 0 && !list.loading && !list.error ? (
        <Empty>{filtered ? '没有符合条件的项目，请换个状态或关键词。' : '本批次还没有基层党委推荐的项目。各基层党委推荐后，项目会出现在这里，届时可开始立项评审。'}</Empty>
      ) : null}
      {list.rows.map((a) => {
        const picked = selected.includes(a.projectId);
        return (
          <View key={a.projectId} className={`list-item round-app${picked ? ' picked' : ''}`} data-project-id={a.projectId}>
            <View className="row" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${a.projectId}` })}>
              <Text className="list-item-title">{a.title}</Text>
              <StateTag state={a.state} />
            </View>
            <View className="muted meta-line">
              {a.committeeName} · {a.hostName}
              {a.committeeRank ? ` · 推荐第 ${a.committeeRank} 位` : ''}
              {a.category ? ` · ${a.category}` : ''}
            </View>
            {a.assigned || a.state === 'under_review' ? (
              <View className="score-line">
                {a.average !== null ? <Text className="score-average">平均 {a.average}</Text> : <Text className="muted">尚无评分</Text>}
                <Text className="muted"> · {a.scored}/{a.assigned} 位已评</Text>
                {a.spread !== null ? <Text className="muted"> · 分差 {a.spread}</Text> : null}
              </View>
            ) : null}
            {a.state === 'under_review' && a.assigned === 0 ? <View className="field-hint error-text">尚未分配评审专家</View> : null}
            {open === a.projectId ? (
              <RoundDetail
                batchId={s.batch._id}
                projectId={a.projectId}
                reviewers={reviewers}
                refreshKey={refreshKey}
                canAssign={s.can.assign}
                busy={busy}
                onAssign={onAssign}
                assignError={assignError?.projectId === a.projectId ? assignError.message : null}
              />
            ) : null}
            <View className="actions">
              {a.state === 'approved' && open !== a.projectId ? (
                <Button size="small" type="primary" className="go-disburse" onClick={() => Taro.navigateTo({ url: `/packages/admin/project/index?id=${a.projectId}` })}>
                  登记拨付 ›
                </Button>
              ) : null}
              <Button size="small" className="round-detail-open" onClick={() => setOpen(open === a.projectId ? null : a.projectId)}>
                {open === a.projectId ? '收起详情' : '评审详情'}
              </Button>
              {s.can.publicize && a.state === 'under_review' ? (
                <Button size="small" type={picked ? 'primary' : 'default'} className={`publicity-pick${picked ? ' selected' : ''}`} onClick={() => onToggle(a)}>
                  {picked ? '✓ 已选入公示' : '选入公示'}
                </Button>
              ) : null}
              {tied.has(a.projectId) ? <Text className="flag tie-flag">与名额边缘的项目同分，请人工决定</Text> : null}
              {suggested.has(a.projectId) && !picked ? <Text className="muted">按平均分建议入选</Text> : null}
            </View>
          </View>
        );
      })}
      <LoadMore className="round-more" shown={list.rows.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
    </View>
  );
}
