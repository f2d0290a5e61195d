import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { InputOf, OutputOf, ProjectSummary } from '@shared/contracts';
import { APPLICATION_SORT_DEFAULT_DIRECTION, LISTED_STATES } from '@shared/contracts/lists';
import { INBOX_DEFAULT_SORT, INBOX_SORTS, type InboxView } from '@shared/contracts/lists';
import { formatYuan } from '@shared/domain/money';
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import { formatInstant } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { LoadMore } from '../../../components/LoadMore';
import { StateTag } from '../../../components/StateTag';
import { DeskTable } from '../../../components/desk/DeskTable';
import { PROJECT_COLUMNS } from '../../../components/desk/projectColumns';
import { useDesk } from '../../../hooks/useDesk';
import { useLoad } from '../../../hooks/useLoad';
import { usePaged } from '../../../hooks/usePaged';
import { InboxDetail } from './InboxDetail';
import { RankOrder } from './RankOrder';
import { DeskSearch, PageSizeSelect, PhoneSearch } from '../../../components/desk/ListControls';

type Query = Omit<InputOf<'committee.inbox'>, 'committeeId' | 'batchId' | 'page' | 'pageSize'> & { view: InboxView };
type Head = Pick<OutputOf<'committee.inbox'>, 'committeeId' | 'committeeName' | 'view'>;

const TABS: Array<{ view: InboxView; label: string; empty: string; states: readonly ProjectState[] }> = [
  { view: 'pending', label: '待处理', empty: '暂时没有待处理的申报。党员提交申报书后，会出现在这里。', states: ['submitted'] },
  { view: 'recommended', label: '已推荐', empty: '还没有推荐的项目。在“待处理”中审阅申报书后可以推荐并排序。', states: ['recommended'] },
  { view: 'decided', label: '已处理', empty: '还没有处理过的申报。', states: ['returned', 'recommended', 'not_recommended'] },
  { view: 'all', label: '全部', empty: '本党委还没有已提交的申报（草稿不在此显示，可在“申报进度”中查看谁尚未提交）。', states: LISTED_STATES },
];

/** From 立项 on, the committee guides the project (具体指导). */
const GUIDED: readonly ProjectState[] = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];
// The columns the server sorts keep their sort (budget and batch show only).
const SERVER_SORTED = new Set<string>(INBOX_SORTS);
const COLUMNS = PROJECT_COLUMNS.map((c) => (SERVER_SORTED.has(c.key) ? c : { ...c, sort: undefined }));
const sortOf = (key: string) => INBOX_SORTS.find((k) => k === key);

function open(p: ProjectSummary) {
  const page = GUIDED.includes(p.state) ? 'guidance' : 'decide';
  void Taro.navigateTo({ url: `/packages/committee/${page}/index?id=${encodeURIComponent(p._id)}` });
}

/**
 * The secretary's tabs — 待处理 / 已推荐 (by rank) / 已处理 / 全部 — searched, filtered, sorted and
 * paged on the server (committee.inbox). At a desk a wide table with the application beside it,
 * and on 已推荐 the whole tab's 推荐排序; on the phone cards with 加载更多.
 */
export function InboxList() {
  const desk = useDesk();
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const [text, setText] = useState('');
  const [active, setActive] = useState<ProjectSummary | null>(null);
  const [head, setHead] = useState<Head | null>(null);
  const list = usePaged<Query, ProjectSummary>(
    async (query, page) => {
      const r = await call('committee.inbox', { ...query, page, pageSize: desk ? pageSize : 20 });
      setHead({ committeeId: r.committeeId, committeeName: r.committeeName, view: r.view });
      return r;
    },
    { view: 'pending' },
    desk ? 'page' : 'more',
    [pageSize, desk],
  );
  // Back from a decision the tab is read again (the first show is the page opening, loaded above).
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) list.reload();
    shownOnce.current = true;
  });
  const view = list.query.view;
  const tab = TABS.find((t) => t.view === view) ?? TABS[0];
  const sortKey = list.query.sort ?? INBOX_DEFAULT_SORT[view].sort;
  const desc = (list.query.direction ?? (list.query.sort ? APPLICATION_SORT_DEFAULT_DIRECTION[list.query.sort] : INBOX_DEFAULT_SORT[view].direction)) === 'desc';
  const set = (patch: Partial<Query>) => list.setQuery({ ...list.query, ...patch });
  const filtered = Boolean(list.query.q || list.query.state || list.query.category);
  const empty = filtered ? '没有符合条件的申报，请换个状态、类别或关键词。' : tab.empty;
  const search = () => set({ q: text.trim() || undefined });
  const onSort = (key: string) => {
    const sort = sortOf(key);
    if (sort) set({ sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  // A tab has its own order and states: its sort and state filter start again; the search stays.
  const toTab = (next: InboxView) => {
    setActive(null);
    list.setQuery({ view: next, q: list.query.q, category: list.query.category });
  };
  const shown = head && head.view === view ? head : null;
  // 推荐排序 orders the whole tab, not the page shown.
  const ranks = desk && view === 'recommended';

  return (
    <>
      <View className="tabs inbox-tabs">
        {TABS.map((t) => (
          <Text key={t.view} className={`tab inbox-tab-${t.view}${t.view === view ? ' selected' : ''}`} onClick={() => toTab(t.view)}>
            {t.label}
          </Text>
        ))}
      </View>
      {list.error && !shown ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
      {list.loading && !shown ? <Loading /> : null}
      {shown ? (
        <View className="card">
          <View className="card-title">
            <Text className="inbox-committee">{shown.committeeName}</Text>
            <Text className="muted inbox-count">{list.total} 份</Text>
          </View>
          {ranks ? <WholeTabRanks committeeId={shown.committeeId} onSaved={list.reload} /> : null}
          {desk ? (
            <div className="desk-toolbar inbox-filters">
              <DeskSearch className="inbox-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
              <button type="button" onClick={search}>搜索</button>
              {tab.states.length > 1 ? (
                <select className="inbox-filter-state" aria-label="申报状态" value={list.query.state ?? ''} onChange={(e) => set({ state: LISTED_STATES.find((s) => s === e.target.value) })}>
                  <option value="">{`全部（${tab.label}）`}</option>
                  {tab.states.map((s) => <option key={s} value={s}>{PROJECT_STATE_LABELS[s]}</option>)}
                </select>
              ) : null}
              <select className="inbox-filter-category" aria-label="项目类别" value={list.query.category ?? ''} onChange={(e) => set({ category: PROJECT_CATEGORIES.find((c) => c === e.target.value) })}>
                <option value="">全部类别</option>
                {PROJECT_CATEGORIES.map((c) => <option key={c} value={c}>{PROJECT_CATEGORY_LABELS[c]}</option>)}
              </select>
              <PageSizeSelect value={pageSize} onChange={(n) => (setPageSize(n), list.goTo(0))} />
            </div>
          ) : (
            <View className="row inbox-search-row">
              <PhoneSearch className="inbox-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
            </View>
          )}
          {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
          {desk ? (
            <View className="desk-split inbox-desk">
              <View className="desk-list">
                <DeskTable
                  label="本党委申报"
                  className="inbox-table"
                  rows={list.rows}
                  rowKey={(p) => p._id}
                  columns={COLUMNS}
                  onOpen={setActive}
                  activeKey={active?._id ?? null}
                  paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: list.goTo, filtered }}
                  empty={empty}
                />
              </View>
              <View className="desk-detail">
                {active ? <InboxDetail p={list.rows.find((p) => p._id === active._id) ?? active} guided={GUIDED.includes(active.state)} onOpen={() => open(active)} /> : <View className="card muted">点击左侧一行，在这里查看申报概要，再进入审阅。</View>}
              </View>
            </View>
          ) : list.rows.length === 0 ? (
            list.loading ? <Loading /> : <Empty>{empty}</Empty>
          ) : (
            <>
              {list.rows.map((p) => (
                <View key={p._id} className="list-item inbox-item" onClick={() => open(p)}>
                  <View className="row">
                    <Text className="list-item-title">{view === 'recommended' && p.committeeRank ? `${p.committeeRank}. ` : ''}{p.title || '（未命名）'}</Text>
                    <StateTag state={p.state} />
                  </View>
                  <View className="muted">主持人 {p.hostName} · 预算 ¥{formatYuan(p.budgetTotal)}</View>
                  <View className="muted">{p.batchName} · 提交于 {p.submittedAt ? formatInstant(p.submittedAt) : '—'}</View>
                </View>
              ))}
              <LoadMore className="inbox-more" shown={list.rows.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
            </>
          )}
        </View>
      ) : null}
    </>
  );
}

/** 推荐排序 reads the whole 已推荐 tab (the inbox unpaged, by rank), whatever page the table is on. */
function WholeTabRanks({ committeeId, onSaved }: { committeeId: string; onSaved: () => void }) {
  const whole = useLoad(() => call('committee.inbox', { committeeId, view: 'recommended' }), [committeeId]);
  if (whole.error) return <ErrorBox message={whole.error} onRetry={whole.reload} />;
  if (!whole.data) return null;
  return <RankOrder committeeId={committeeId} items={whole.data.items} onSaved={() => (whole.reload(), onSaved())} />;
}
