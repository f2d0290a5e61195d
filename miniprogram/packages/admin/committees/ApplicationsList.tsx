import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InputOf, ProjectSummary } from '@shared/contracts';
import { APPLICATION_SORT_DEFAULT_DIRECTION, APPLICATION_SORTS, LISTED_STATES } from '@shared/contracts/lists';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { StateTag } from '../../../components/StateTag';
import { Button } from '../../../components/ui';
import { LoadMore } from '../../../components/LoadMore';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { PROJECT_COLUMNS } from '../../../components/desk/projectColumns';
import { useDesk } from '../../../hooks/useDesk';
import { usePaged } from '../../../hooks/usePaged';
import { DeskSearch, PageSizeSelect, PhoneSearch } from '../../../components/desk/ListControls';

type Query = Omit<InputOf<'committee.applications'>, 'batchId' | 'committeeId' | 'page' | 'pageSize'>;

interface Props {
  /** '' for every committee / every batch. */
  committeeId: string;
  batchId: string;
  /** The committee's name, for the empty text ('' for the whole school). */
  scopeName: string;
}

const sortOf = (key: string) => APPLICATION_SORTS.find((k) => k === key);
const COMMITTEE_COLUMN: Column<ProjectSummary> = { key: 'committee', label: '基层党委', render: (p) => p.committeeName, sort: (p) => p.committeeName };
// The columns the server sorts (their keys are its sort names) keep their sort; budget and batch show only.
const SERVER_SORTED = new Set<string>(APPLICATION_SORTS);
const open = (id: string) => Taro.navigateTo({ url: `/packages/admin/project/index?id=${id}` });

/** The summary of one application beside the desk's list, with the way into it. */
function Detail({ p }: { p: ProjectSummary }) {
  return (
    <View className="card applications-detail">
      <View className="row">
        <Text className="list-item-title">{p.title || '（未命名）'}</Text>
        <StateTag state={p.state} />
      </View>
      <View className="kv"><Text className="k">基层党委</Text><Text className="v">{p.committeeName}</Text></View>
      <View className="kv"><Text className="k">主持人</Text><Text className="v">{p.hostName}</Text></View>
      <View className="kv"><Text className="k">批次</Text><Text className="v">{p.batchName}</Text></View>
      <View className="kv"><Text className="k">预算</Text><Text className="v">¥{formatYuan(p.budgetTotal)}</Text></View>
      <View className="kv"><Text className="k">提交时间</Text><Text className="v">{p.submittedAt ? formatInstant(p.submittedAt) : '—'}</Text></View>
      <View className="kv"><Text className="k">更新时间</Text><Text className="v">{formatInstant(p.updatedAt)}</Text></View>
      {p.committeeRank ? <View className="kv"><Text className="k">推荐排序</Text><Text className="v">第 {p.committeeRank} 位</Text></View> : null}
      {p.committeeOpinion ? <View className="excerpt">党委意见：{p.committeeOpinion}</View> : null}
      <View className="actions">
        <Button size="small" type="primary" className="applications-open" onClick={() => void open(p._id)}>打开申报书 ›</Button>
      </View>
    </View>
  );
}

/**
 * 各党委申报's applications, sorted, filtered and paged on the server (committee.applications):
 * a wide table with the selected row beside it at a desk, cards with 加载更多 on the phone.
 */
export function ApplicationsList({ committeeId, batchId, scopeName }: Props) {
  const desk = useDesk();
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const [text, setText] = useState('');
  const [active, setActive] = useState<ProjectSummary | null>(null);
  const list = usePaged<Query, ProjectSummary>(
    (query, page) => call('committee.applications', { ...query, ...(committeeId ? { committeeId } : {}), ...(batchId ? { batchId } : {}), page, pageSize: desk ? pageSize : 20 }),
    { sort: 'submitted' },
    desk ? 'page' : 'more',
    [committeeId, batchId, pageSize, desk],
    Boolean(committeeId || batchId),
  );
  const sortKey = list.query.sort ?? 'submitted';
  const desc = (list.query.direction ?? APPLICATION_SORT_DEFAULT_DIRECTION[sortKey]) === 'desc';
  const set = (patch: Partial<Query>) => list.setQuery({ ...list.query, ...patch });
  const filtered = Boolean(list.query.q || list.query.state || list.query.category);
  const empty = filtered ? '没有符合条件的申报，请换个状态、类别或关键词。' : `${scopeName || '全校'}暂无已提交的申报。主持人提交申报书后会显示在这里。`;
  const columns = [...PROJECT_COLUMNS.slice(0, 3), ...(committeeId ? [] : [COMMITTEE_COLUMN]), ...PROJECT_COLUMNS.slice(3)].map((c) => (SERVER_SORTED.has(c.key) ? c : { ...c, sort: undefined }));
  const onSort = (key: string) => {
    const sort = sortOf(key);
    if (sort) set({ sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  const search = () => set({ q: text.trim() || undefined });

  return (
    <View className="card committee-applications">
      <View className="card-title">
        <Text>申报项目</Text>
        <Text className="muted applications-total">{list.total} 项</Text>
      </View>
      {desk ? (
        <div className="desk-toolbar applications-filters">
          <DeskSearch className="applications-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
          <button type="button" onClick={search}>搜索</button>
          <select className="applications-filter-state" aria-label="申报状态" value={list.query.state ?? ''} onChange={(e) => set({ state: LISTED_STATES.find((s) => s === e.target.value) })}>
            <option value="">全部状态（不含草稿）</option>
            {LISTED_STATES.map((s) => <option key={s} value={s}>{PROJECT_STATE_LABELS[s]}</option>)}
          </select>
          <select className="applications-filter-category" aria-label="项目类别" value={list.query.category ?? ''} onChange={(e) => set({ category: PROJECT_CATEGORIES.find((c) => c === e.target.value) })}>
            <option value="">全部类别</option>
            {PROJECT_CATEGORIES.map((c) => <option key={c} value={c}>{PROJECT_CATEGORY_LABELS[c]}</option>)}
          </select>
          <PageSizeSelect value={pageSize} onChange={(n) => (setPageSize(n), list.goTo(0))} />
        </div>
      ) : (
        <View className="row applications-search-row">
          <PhoneSearch className="applications-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
        </View>
      )}
      {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
      {desk ? (
        <View className="desk-split">
          <View className="desk-list">
            <DeskTable
              label="申报项目"
              className="committee-table"
              rows={list.rows}
              rowKey={(p) => p._id}
              columns={columns}
              onOpen={setActive}
              activeKey={active?._id ?? null}
              paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: list.goTo, filtered }}
              empty={empty}
            />
          </View>
          <View className="desk-detail">{active ? <Detail p={active} /> : <View className="card muted">点击左侧一行，在这里查看申报概要。</View>}</View>
        </View>
      ) : list.rows.length === 0 ? (
        list.loading ? <Loading /> : <Empty>{empty}</Empty>
      ) : (
        <>
          {list.rows.map((p) => (
            <View key={p._id} className="list-item application-item" data-project-id={p._id} onClick={() => void open(p._id)}>
              <View className="row">
                <Text className="list-item-title">{p.title || '（未命名）'}</Text>
                <StateTag state={p.state} />
              </View>
              <View className="muted">
                {committeeId ? '' : `${p.committeeName} · `}主持人 {p.hostName} · 预算 ¥{formatYuan(p.budgetTotal)}
                {p.committeeRank ? ` · 推荐第 ${p.committeeRank} 位` : ''}
              </View>
              <View className="muted">{p.batchName} · 更新于 {formatInstant(p.updatedAt)}</View>
            </View>
          ))}
          <LoadMore className="applications-more" shown={list.rows.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
        </>
      )}
    </View>
  );
}
