import { View } from '@tarojs/components';
import { useState } from 'react';
import type { ReviewerView, RoundStatus } from '@shared/contracts/review';
import type { RoundRow } from '@shared/contracts/round';
import { ROUND_SORT_DEFAULT_DIRECTION, ROUND_SORTS } from '@shared/contracts/lists';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { ErrorBox } from '../../../components/Feedback';
import { RoundDetail } from './RoundDetail';
import { RoundFilters } from './RoundFilters';
import { useRoundList } from './useRoundList';

interface Props {
  s: RoundStatus;
  reviewers: ReviewerView[];
  /** Changes after every action on the page: the list and the detail reload. */
  refreshKey: unknown;
  busy: boolean;
  error: string | null;
  onAssign: (projectId: string, reviewerIds: string[]) => Promise<boolean>;
  onAssignMany: (projectIds: string[], reviewerIds: string[]) => Promise<boolean>;
  onStage: (projectIds: string[]) => Promise<boolean>;
}

// Each column's `sort` names a server sort (review.roundList); the value is what the row shows.
const COLUMNS: Column<RoundRow>[] = [
  { key: 'title', label: '项目', render: (a) => a.title, sort: (a) => a.title },
  { key: 'committee', label: '基层党委', render: (a) => a.committeeName, sort: (a) => a.committeeName },
  { key: 'host', label: '主持人', render: (a) => a.hostName, sort: (a) => a.hostName },
  { key: 'state', label: '状态', render: (a) => PROJECT_STATE_LABELS[a.state], sort: (a) => a.state },
  { key: 'progress', label: '评审', render: (a) => `${a.scored}/${a.assigned}`, sort: (a) => a.scored },
  { key: 'average', label: '平均分', render: (a) => a.average ?? '—', sort: (a) => a.average },
  { key: 'spread', label: '分差', render: (a) => a.spread ?? '—', sort: (a) => a.spread },
  { key: 'rank', label: '党委排序', render: (a) => a.committeeRank ?? '—', sort: (a) => a.committeeRank },
  { key: 'category', label: '类别', render: (a) => a.category ?? '—' },
  { key: 'staged', label: '拟公示', render: (a) => (a.staged ? '✓' : '') },
];

const serverSort = (key: string) => ROUND_SORTS.find((k) => k === key);

/**
 * The round at a desk: the applications in a wide table sorted, filtered and paged on the server;
 * ticked rows of the page take a bulk action (assign reviewers, stage for the 公示); a row opens
 * beside the table with its reviewers, scores and actions.
 */
export function RoundTable({ s, reviewers, refreshKey, busy, error, onAssign, onAssignMany, onStage }: Props) {
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const list = useRoundList(s.batch._id, 'page', pageSize, refreshKey);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const ticked = [...selected];
  const clear = () => setSelected(new Set());
  const toggleReviewer = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  const assign = async () => {
    if (await onAssignMany(ticked, [...picked])) clear();
  };
  const stage = async (add: boolean) => {
    const next = add ? [...new Set([...s.staged, ...ticked])] : s.staged.filter((id) => !selected.has(id));
    if (await onStage(next)) clear();
  };
  const sortKey = list.query.sort ?? 'average';
  const desc = (list.query.direction ?? ROUND_SORT_DEFAULT_DIRECTION[sortKey]) === 'desc';
  const onSort = (key: string) => {
    const sort = serverSort(key);
    if (!sort) return;
    clear();
    // The same header again turns the order round; a new one starts in its own default order.
    list.setQuery({ ...list.query, sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  const suggested = new Set(s.suggestion.selectedIds);
  const tied = new Set(s.suggestion.tiedIds);
  const filtered = Boolean(list.query.q || list.query.state || list.query.committeeId || list.query.category || list.query.progress || list.query.staged);

  return (
    <View className="desk-split round-desk">
      <View className="desk-list">
        {s.can.assign || s.can.publicize ? (
          <View className="desk-bulk" aria-label="批量操作">
            <span>已选 {ticked.length} 项</span>
            <span className="muted bulk-scope">（勾选仅限当前页，翻页、排序或筛选后清空）</span>
            {s.can.assign ? (
              <>
                <span className="muted">评审专家：</span>
                {reviewers.map((r) => (
                  <label key={r._id} className="bulk-reviewer">
                    <input type="checkbox" data-reviewer-id={r._id} checked={picked.has(r._id)} onChange={() => toggleReviewer(r._id)} />
                    {r.name}（{r.committeeName ?? '—'}，{r.assigned} 项）
                  </label>
                ))}
                <button type="button" className="primary bulk-assign" disabled={busy || ticked.length === 0 || picked.size === 0} onClick={() => void assign()}>
                  分配给所选项目
                </button>
              </>
            ) : null}
            {s.can.publicize ? (
              <>
                <button type="button" className="bulk-stage" disabled={busy || ticked.length === 0} onClick={() => void stage(true)}>
                  加入拟公示
                </button>
                <button type="button" className="bulk-unstage" disabled={busy || ticked.length === 0} onClick={() => void stage(false)}>
                  移出拟公示
                </button>
                <span className="muted">拟公示 {s.staged.length} / 余 {Math.max(s.quota - s.taken, 0)} 项</span>
              </>
            ) : null}
          </View>
        ) : null}
        {error ? <ErrorBox message={error} /> : null}
        <RoundFilters
          s={s}
          query={list.query}
          onQuery={(q) => (clear(), list.setQuery(q))}
          pageSize={pageSize}
          onPageSize={(n) => (clear(), setPageSize(n), list.goTo(0))}
          total={list.total}
        />
        {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
        <DeskTable
          label="本批次申报"
          className={`round-table${list.loading ? ' loading' : ''}`}
          rows={list.rows}
          rowKey={(a) => a.projectId}
          columns={COLUMNS}
          selection={{ selected, onChange: setSelected, selectable: (a) => a.state === 'under_review' }}
          onOpen={(a) => setActive(a.projectId)}
          activeKey={active}
          paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: (n) => (clear(), list.goTo(n)), filtered }}
          empty="本批次还没有基层党委推荐的项目。各基层党委推荐后，项目会出现在这里，届时可开始立项评审。"
        />
      </View>
      <View className="desk-detail">
        {active ? (
          <View className="card">
            <RoundDetail
              batchId={s.batch._id}
              projectId={active}
              reviewers={reviewers}
              refreshKey={refreshKey}
              canAssign={s.can.assign}
              busy={busy}
              onAssign={onAssign}
              assignError={error}
              pick={
                s.can.publicize
                  ? (app) => {
                      const on = s.staged.includes(app.projectId);
                      return {
                        selected: on,
                        suggested: suggested.has(app.projectId),
                        tied: tied.has(app.projectId),
                        onToggle: () => void onStage(on ? s.staged.filter((id) => id !== app.projectId) : [...s.staged, app.projectId]),
                      };
                    }
                  : undefined
              }
            />
          </View>
        ) : (
          <View className="card muted">点击左侧一行，在这里查看评审详情、调整评审专家、加入拟公示。</View>
        )}
      </View>
    </View>
  );
}
