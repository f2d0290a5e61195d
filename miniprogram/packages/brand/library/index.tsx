import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BrandSummary, InputOf } from '@shared/contracts';
import { LIBRARY_SORT_DEFAULT_DIRECTION, LIBRARY_SORTS } from '@shared/contracts/lists';
import { BRAND_STAGES, BRAND_STAGE_LABELS } from '@shared/domain/brand/stage';
import { BRAND_STATES, BRAND_STATE_LABELS } from '@shared/domain/brand/state';
import { hasRole } from '@shared/domain/roles';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { LoadMore } from '../../../components/LoadMore';
import { DeskShell } from '../../../components/desk/DeskShell';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { DeskSearch, PageSizeSelect, PhoneSearch } from '../../../components/desk/ListControls';
import { useDesk } from '../../../hooks/useDesk';
import { useLoad } from '../../../hooks/useLoad';
import { usePaged } from '../../../hooks/usePaged';
import { BrandStateTag } from '../components/BrandStateTag';
import { FilterRow } from './FilterRow';
import { LibraryDetail } from './LibraryDetail';
import '../components/brand.css';
import './index.css';

type Query = Omit<InputOf<'brand.library'>, 'page' | 'pageSize'>;

/** At a desk the library is a table the server sorts, filters and pages (brand.library). */
const COLUMNS: Column<BrandSummary>[] = [
  { key: 'name', label: '品牌名称', render: (b) => b.name || '（尚未命名）', sort: (b) => b.name },
  { key: 'committee', label: '基层党委', render: (b) => b.committeeName, sort: (b) => b.committeeName },
  { key: 'year', label: '年度', render: (b) => b.year, sort: (b) => b.year },
  { key: 'stage', label: '阶段', render: (b) => BRAND_STAGE_LABELS[b.stage], sort: (b) => b.stage },
  { key: 'state', label: '状态', render: (b) => BRAND_STATE_LABELS[b.state], sort: (b) => b.state },
  { key: 'updated', label: '更新日期', render: (b) => dateIn(new Date(b.updatedAt)), sort: (b) => b.updatedAt },
];
const sortOf = (key: string) => LIBRARY_SORTS.find((k) => k === key);

const thisYear = Number(dateIn(new Date()).slice(0, 4));
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
const openBrand = (b: BrandSummary) => void Taro.navigateTo({ url: `/packages/brand/detail/index?id=${b._id}` });

async function loadChoices() {
  const [me, org] = await Promise.all([call('session.me', {}), call('org.tree', {})]);
  return { admin: hasRole(me.roles, 'admin'), committees: org.committees };
}

/** 党建品牌资源库: every accepted brand (all brands for the Organization Department), searchable. */
export default function BrandLibrary() {
  const choices = useLoad(loadChoices);
  const admin = choices.data?.admin ?? false;
  const committees = choices.data?.committees ?? [];
  const desk = useDesk();
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const [keywordText, setKeywordText] = useState('');
  const [active, setActive] = useState<BrandSummary | null>(null);
  const wanted = useRouter().params.state;
  const stateParam = BRAND_STATES.find((s) => s === wanted);
  const list = usePaged<Query, BrandSummary>(
    (query, page) => call('brand.library', { ...query, page, pageSize: desk ? pageSize : 20 }),
    // A link may bring a state (我的待办's 品牌认定: ?state=submitted).
    { sort: 'updated', ...(stateParam ? { state: stateParam } : {}) },
    desk ? 'page' : 'more',
    [pageSize, desk],
  );
  const q = list.query;
  const sortKey = q.sort ?? 'updated';
  const desc = (q.direction ?? LIBRARY_SORT_DEFAULT_DIRECTION[sortKey]) === 'desc';
  const set = (patch: Partial<Query>) => list.setQuery({ ...q, ...patch });
  const search = () => set({ keyword: keywordText.trim() || undefined });
  const filtered = Boolean(q.keyword || q.year || q.stage || q.state || q.committeeId);
  const empty = filtered ? '没有符合条件的党建品牌，请换个关键词或放宽筛选条件。' : '资源库里还没有党建品牌。基层党委报送、组织部认定后会收录在这里。';
  const onSort = (key: string) => {
    const sort = sortOf(key);
    if (sort) set({ sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  const exportCard = (
    <View style={{ marginTop: '12px' }}>
      <ExportButton label="导出资源库（Excel，按年度、阶段、状态筛选）" make={() => call('export.brands', { year: q.year ?? null, stage: q.stage ?? null, state: q.state ?? null })} />
    </View>
  );

  return (
    <DeskShell active="library">
    <View className="page brand-library">
      {desk ? (
        <View className="card">
          <View className="card-title">
            <Text>党建品牌资源库</Text>
            <Text className="muted library-total">{list.total} 个品牌</Text>
          </View>
          <div className="desk-toolbar library-filters">
            <DeskSearch className="library-keyword" placeholder="品牌名称或基层党委" value={keywordText} onChange={setKeywordText} onSearch={search} />
            <button type="button" className="library-search" onClick={search}>搜索</button>
            <select className="library-filter-year" aria-label="年度" value={q.year ?? ''} onChange={(e) => set({ year: YEARS.find((y) => String(y) === e.target.value) })}>
              <option value="">全部年度</option>
              {YEARS.map((y) => <option key={y} value={y}>{y} 年度</option>)}
            </select>
            <select className="library-filter-stage" aria-label="阶段" value={q.stage ?? ''} onChange={(e) => set({ stage: BRAND_STAGES.find((s) => s === e.target.value) })}>
              <option value="">全部阶段</option>
              {BRAND_STAGES.map((s) => <option key={s} value={s}>{BRAND_STAGE_LABELS[s]}</option>)}
            </select>
            {admin ? (
              <select className="library-filter-state" aria-label="状态" value={q.state ?? ''} onChange={(e) => set({ state: BRAND_STATES.find((s) => s === e.target.value) })}>
                <option value="">全部状态</option>
                {BRAND_STATES.map((s) => <option key={s} value={s}>{BRAND_STATE_LABELS[s]}</option>)}
              </select>
            ) : null}
            <select className="library-filter-committee" aria-label="基层党委" value={q.committeeId ?? ''} onChange={(e) => set({ committeeId: e.target.value || undefined })}>
              <option value="">全部基层党委</option>
              {committees.map((c) => <option key={c._id} value={c._id}>{c.name}</option>)}
            </select>
            <PageSizeSelect unit="个" value={pageSize} onChange={(n) => (setPageSize(n), list.goTo(0))} />
          </div>
          {!admin ? <View className="field-hint">资源库收录经党委组织部认定的党建品牌；本基层党委的品牌也会显示。</View> : null}
          {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
          <View className="desk-split library-desk">
            <View className="desk-list">
              <DeskTable
                label="党建品牌"
                className="library-table"
                rows={list.rows}
                rowKey={(b) => b._id}
                columns={COLUMNS}
                onOpen={setActive}
                activeKey={active?._id ?? null}
                paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: list.goTo, filtered }}
                empty={empty}
              />
            </View>
            <View className="desk-detail">
              {active ? <LibraryDetail b={active} onOpen={() => openBrand(active)} /> : <View className="card muted">点击左侧一行，在这里查看品牌概要。</View>}
            </View>
          </View>
          {exportCard}
        </View>
      ) : (
        <>
          <View className="card filters">
            <View className="search-row">
              <PhoneSearch className="library-keyword" placeholder="搜索品牌名称或基层党委" value={keywordText} onChange={setKeywordText} onSearch={search} goClassName="library-search" />
            </View>
            <FilterRow label="年度" value={q.year} options={YEARS.map((y) => ({ value: y, label: `${y}` }))} onChange={(year) => set({ year })} className="filter-year" />
            <FilterRow label="阶段" value={q.stage} options={BRAND_STAGES.map((s) => ({ value: s, label: BRAND_STAGE_LABELS[s] }))} onChange={(stage) => set({ stage })} className="filter-stage" />
            {admin ? <FilterRow label="状态" value={q.state} options={BRAND_STATES.map((s) => ({ value: s, label: BRAND_STATE_LABELS[s] }))} onChange={(state) => set({ state })} className="filter-state" /> : null}
            {committees.length > 0 ? <FilterRow label="党委" value={q.committeeId} options={committees.map((c) => ({ value: c._id, label: c.name }))} onChange={(committeeId) => set({ committeeId })} className="filter-committee" /> : null}
            {!admin ? <View className="field-hint">资源库收录经党委组织部认定的党建品牌；本基层党委的品牌也会显示。</View> : null}
            {exportCard}
          </View>
          {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
          <View className="card library-cards">
            {list.rows.length === 0 ? (list.loading ? <Loading /> : <Empty>{empty}</Empty>) : null}
            {list.rows.map((b) => (
              <View key={b._id} className="list-item library-item" onClick={() => openBrand(b)}>
                <View className="row">
                  <Text className="list-item-title">{b.name || '（尚未命名）'}</Text>
                  <BrandStateTag state={b.state} />
                </View>
                <View className="muted">
                  {b.committeeName} · {b.year} 年度 · 阶段：{BRAND_STAGE_LABELS[b.stage]}
                </View>
              </View>
            ))}
            <LoadMore className="library-more" shown={list.rows.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
          </View>
        </>
      )}
    </View>
    </DeskShell>
  );
}
