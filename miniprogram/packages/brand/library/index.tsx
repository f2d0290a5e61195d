import { View, Input, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrandSummary, OrgTree } from '@shared/contracts';
import { BRAND_STAGES, BRAND_STAGE_LABELS, type BrandStage } from '@shared/domain/brand/stage';
import { BRAND_STATES, BRAND_STATE_LABELS, type BrandState } from '@shared/domain/brand/state';
import { hasRole } from '@shared/domain/roles';
import { dateIn } from '@shared/time/deadline';
import { call, errorText } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { Button } from '../../../components/ui';
import { BrandStateTag } from '../components/BrandStateTag';
import { FilterRow } from './FilterRow';
import '../components/brand.css';
import './index.css';
import { DeskShell } from '../../../components/desk/DeskShell';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { useDesk } from '../../../hooks/useDesk';

interface Filters {
  keyword: string;
  year?: number;
  stage?: BrandStage;
  state?: BrandState;
  committeeId?: string;
}

/** At a desk the library is a table; the filters above it are the server's (brand.library pages and filters). */
const COLUMNS: Column<BrandSummary>[] = [
  { key: 'name', label: '品牌名称', render: (b) => b.name || '（尚未命名）', sort: (b) => b.name },
  { key: 'committee', label: '基层党委', render: (b) => b.committeeName, sort: (b) => b.committeeName },
  { key: 'year', label: '年度', render: (b) => b.year, sort: (b) => b.year },
  { key: 'stage', label: '阶段', render: (b) => BRAND_STAGE_LABELS[b.stage], sort: (b) => b.stage },
  { key: 'state', label: '状态', render: (b) => BRAND_STATE_LABELS[b.state], sort: (b) => b.state },
];

const thisYear = Number(dateIn(new Date()).slice(0, 4));
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

/** 党建品牌资源库: every accepted brand (all brands for the Organization Department), searchable. */
export default function BrandLibrary() {
  const [org, setOrg] = useState<OrgTree | null>(null);
  const [admin, setAdmin] = useState(false);
  const [keywordText, setKeywordText] = useState('');
  const [filters, setFilters] = useState<Filters>({ keyword: '' });
  const [items, setItems] = useState<BrandSummary[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const desk = useDesk();

  useEffect(() => {
    Promise.all([call('session.me', {}), call('org.tree', {})])
      .then(([me, tree]) => {
        setAdmin(hasRole(me.roles, 'admin'));
        setOrg(tree);
      })
      .catch(() => setOrg({ committees: [], branches: [] }));
  }, []);

  const fetchPage = useCallback(async (f: Filters, p: number) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const res = await call('brand.library', {
        keyword: f.keyword.trim() || undefined,
        year: f.year,
        stage: f.stage,
        state: f.state,
        committeeId: f.committeeId,
        page: p,
      });
      if (mine !== seq.current) return;
      setItems((prev) => (p === 0 ? res.items : [...prev, ...res.items]));
      setHasMore(res.hasMore);
      setPage(p);
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void fetchPage(filters, 0);
  }, [filters, fetchPage]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const search = () => set({ keyword: keywordText });
  const filtered = filters.keyword || filters.year || filters.stage || filters.state || filters.committeeId;

  return (
    <DeskShell active="library">
    <View className="page brand-library">
      <View className="card filters">
        <View className="search-row">
          <Input className="input library-keyword" value={keywordText} maxlength={40} placeholder="搜索品牌名称或基层党委" confirmType="search" onInput={(e) => setKeywordText(e.detail.value)} onConfirm={search} />
          <Button type="primary" size="small" className="library-search" onClick={search}>
            搜索
          </Button>
        </View>
        <FilterRow label="年度" value={filters.year} options={YEARS.map((y) => ({ value: y, label: `${y}` }))} onChange={(year) => set({ year })} className="filter-year" />
        <FilterRow label="阶段" value={filters.stage} options={BRAND_STAGES.map((s) => ({ value: s, label: BRAND_STAGE_LABELS[s] }))} onChange={(stage) => set({ stage })} className="filter-stage" />
        {admin ? (
          <FilterRow label="状态" value={filters.state} options={BRAND_STATES.map((s) => ({ value: s, label: BRAND_STATE_LABELS[s] }))} onChange={(state) => set({ state })} className="filter-state" />
        ) : null}
        {org && org.committees.length > 0 ? (
          <FilterRow label="党委" value={filters.committeeId} options={org.committees.map((c) => ({ value: c._id, label: c.name }))} onChange={(committeeId) => set({ committeeId })} className="filter-committee" />
        ) : null}
        {!admin ? <View className="field-hint">资源库收录经党委组织部认定的党建品牌；本基层党委的品牌也会显示。</View> : null}
        <View style={{ marginTop: '12px' }}>
          <ExportButton label="导出资源库（Excel，按年度、阶段、状态筛选）" make={() => call('export.brands', { year: filters.year ?? null, stage: filters.stage ?? null, state: filters.state ?? null })} />
        </View>
      </View>

      {error ? <ErrorBox message={error} onRetry={() => void fetchPage(filters, page)} /> : null}
      <View className="card">
        {loading && items.length === 0 ? <Loading /> : null}
        {!loading && !error && items.length === 0 ? (
          <Empty>{filtered ? '没有符合条件的党建品牌，请换个关键词或放宽筛选条件。' : '资源库里还没有党建品牌。基层党委报送、组织部认定后会收录在这里。'}</Empty>
        ) : null}
        {desk && items.length > 0 ? (
          <DeskTable label="党建品牌" className="library-table" rows={items} rowKey={(b) => b._id} columns={COLUMNS} onOpen={(b) => void Taro.navigateTo({ url: `/packages/brand/detail/index?id=${b._id}` })} empty="资源库里还没有党建品牌。" pageSize={200} />
        ) : null}
        {(desk ? [] : items).map((b) => (
          <View key={b._id} className="list-item library-item" onClick={() => Taro.navigateTo({ url: `/packages/brand/detail/index?id=${b._id}` })}>
            <View className="row">
              <Text className="list-item-title">{b.name || '（尚未命名）'}</Text>
              <BrandStateTag state={b.state} />
            </View>
            <View className="muted">
              {b.committeeName} · {b.year} 年度 · 阶段：{BRAND_STAGE_LABELS[b.stage]}
            </View>
          </View>
        ))}
        {hasMore ? (
          <View className="inline-actions" style={{ justifyContent: 'center' }}>
            <Button className="library-more" loading={loading} disabled={loading} onClick={() => void fetchPage(filters, page + 1)}>
              加载更多
            </Button>
          </View>
        ) : null}
      </View>
    </View>
    </DeskShell>
  );
}
