import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '@shared/contracts';
import type { FundedProject } from '@shared/contracts/funding';
import { FUNDED_SORT_DEFAULT_DIRECTION, FUNDED_SORTS } from '@shared/contracts/lists';
import { FUNDED_STATES, PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import { call } from '../../../api/client';
import { ExportButton } from '../../../components/ExportButton';
import { ErrorBox, Loading } from '../../../components/Feedback';
import { DeskShell } from '../../../components/desk/DeskShell';
import { useAction } from '../../../hooks/useAction';
import { useDesk } from '../../../hooks/useDesk';
import { usePaged } from '../../../hooks/usePaged';
import { FundedCards } from './FundedCards';
import { FundedDetail } from './FundedDetail';
import { FundedTable } from './FundedTable';
import '../components/admin.css';
import { DeskSearch, PageSizeSelect, PhoneSearch } from '../../../components/desk/ListControls';
import { SelectField } from '../components/SelectField';
import { useFundedWaiting, waitingText } from '../components/useFundedWaiting';

type Query = Omit<InputOf<'funding.list'>, 'batchId' | 'page' | 'pageSize'>;
type Answer = OutputOf<'funding.list'>;

const sortOf = (key: string) => FUNDED_SORTS.find((k) => k === key);
/** 拨付: every project, only those with a tranche (or this tranche) to pay, or none to pay. */
const DUE_OPTIONS = [
  { value: '', label: '全部拨付' },
  { value: 'true', label: '只看待拨付' },
  { value: 't1', label: '待拨付第一笔' },
  { value: 't2', label: '待拨付第二笔' },
  { value: 'false', label: '无待拨付' },
];
const dueValue = (q: Query) => (q.tranche ? `t${q.tranche}` : q.due === undefined ? '' : String(q.due));
const dueQuery = (v: string): Pick<Query, 'due' | 'tranche'> =>
  v === 't1' ? { due: undefined, tranche: 1 } : v === 't2' ? { due: undefined, tranche: 2 } : { due: v === '' ? undefined : v === 'true', tranche: undefined };

/** The filter a link brings (我的待办's items): ?state=midterm_review, ?tranche=1, ?due=true. */
function queryOf(params: Partial<Record<string, string>>): Query {
  const state = FUNDED_STATES.find((s) => s === params.state);
  return { ...(state ? { state } : {}), ...dueQuery(params.tranche === '1' || params.tranche === '2' ? `t${params.tranche}` : params.due ?? '') };
}
const EMPTY = '本批次还没有立项的项目。公示期满后在“评审与立项”中确认立项，项目会出现在这里。';

/**
 * The batch's funded projects: what is paid, what is due, where each stands (拨付, 中期, 结项).
 * Sorted, filtered and paged on the server (funding.list): a table with the chosen project beside
 * it at a desk, cards with 加载更多 on the phone.
 */
export default function Funded() {
  const params = useRouter().params;
  const batchId = params.batchId ?? '';
  const desk = useDesk();
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const [text, setText] = useState('');
  const [active, setActive] = useState<FundedProject | null>(null);
  const [summary, setSummary] = useState<Pick<Answer, 'due' | 'midterm' | 'final' | 'committees'> | null>(null);
  const list = usePaged<Query, FundedProject>(
    async (query, page) => {
      const r = await call('funding.list', { ...query, batchId, page, pageSize: desk ? pageSize : 20 });
      setSummary({ due: r.due, midterm: r.midterm, final: r.final, committees: r.committees });
      return r;
    },
    queryOf(params),
    desk ? 'page' : 'more',
    [batchId, pageSize, desk],
    Boolean(batchId),
  );
  const bulk = useAction(list.reload);
  // The batch by name, the switch to another, and what waits across every batch.
  const waiting = useFundedWaiting();
  const batches = waiting.data ?? [];
  const here = batches.find((w) => w.batch._id === batchId);
  const elsewhere = batches.filter((w) => w.batch._id !== batchId && w.total > 0);
  const switchTo = (id: string) => {
    if (id && id !== batchId) void Taro.redirectTo({ url: `/packages/admin/funded/index?batchId=${encodeURIComponent(id)}` });
  };
  const batchOptions = batches.map((w) => ({ value: w.batch._id, label: `${w.batch.name}${w.total ? `（${w.total} 项待办）` : ''}` }));
  const { loading, rows, page, total, goTo } = list;
  // A page emptied by an action or a shorter list steps back to the last page that has rows.
  useEffect(() => {
    if (desk && !loading && rows.length === 0 && page > 0 && total > 0) goTo(Math.ceil(total / pageSize) - 1);
  }, [desk, loading, rows.length, page, total, pageSize, goTo]);
  // The project beside the list shows the figures the list read last.
  useEffect(() => {
    setActive((was) => (was ? (rows.find((p) => p.projectId === was.projectId) ?? was) : was));
  }, [rows]);

  const sortKey = list.query.sort ?? 'updated';
  const desc = (list.query.direction ?? FUNDED_SORT_DEFAULT_DIRECTION[sortKey]) === 'desc';
  const set = (patch: Partial<Query>) => list.setQuery({ ...list.query, ...patch });
  const onSort = (key: string) => {
    const sort = sortOf(key);
    if (sort) set({ sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  const search = () => set({ q: text.trim() || undefined });
  const filtered = Boolean(list.query.q || list.query.state || list.query.committeeId || list.query.due !== undefined || list.query.tranche);
  const empty = filtered ? '没有符合条件的项目，请换个状态、基层党委或关键词。' : EMPTY;
  const onDisburse = (tranche: 1 | 2, items: Array<{ projectId: string; amountFen: number }>) =>
    bulk.run(async () => {
      const r = await call('funding.disburseMany', { tranche, items });
      list.reload();
      return r;
    });

  if (!batchId) return <View className="page"><ErrorBox message="没有指定批次。请从首页或批次列表进入培育与验收。" /></View>;
  return (
    <DeskShell active="funded">
      <View className="page admin-funded">
        <View className="card funded-batch">
          <View className="card-title">
            <Text className="funded-batch-name">{here?.batch.name ?? '培育与验收'}</Text>
          </View>
          {batchOptions.length > 1 ? (
            desk ? (
              <select className="funded-batch-switch" aria-label="批次" value={batchId} onChange={(e) => switchTo(e.target.value)}>
                {batchOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <SelectField className="funded-batch-switch" label="批次" options={batchOptions} value={batchId} onChange={switchTo} />
            )
          ) : null}
          {elsewhere.length ? (
            <View className="warn-box funded-elsewhere">
              {elsewhere.map((w) => (
                <View key={w.batch._id} className="link-text funded-elsewhere-item" onClick={() => switchTo(w.batch._id)}>
                  {w.batch.name}：{waitingText(w)} ›
                </View>
              ))}
            </View>
          ) : null}
        </View>
        <View className="card">
          <View className="card-title">本批次待办</View>
          <View className="muted funded-todo">{summary ? `待拨付 ${summary.due} 项 · 中期验收待审 ${summary.midterm} 项 · 结项验收待审 ${summary.final} 项` : '正在加载…'}</View>
          <View style={{ marginTop: '12px' }}>
            <ExportButton label="导出经费情况（Excel）" make={() => call('export.funding', { batchId })} />
          </View>
        </View>
        <View className="card funded-list">
          <View className="card-title">
            <Text>已立项项目</Text>
            <Text className="muted funded-total">{list.total} 项</Text>
          </View>
          {desk ? (
            <div className="desk-toolbar funded-filters">
              <DeskSearch className="funded-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
              <button type="button" onClick={search}>搜索</button>
              <select className="funded-filter-state" aria-label="项目状态" value={list.query.state ?? ''} onChange={(e) => set({ state: FUNDED_STATES.find((s) => s === e.target.value) })}>
                <option value="">全部状态</option>
                {FUNDED_STATES.map((s) => <option key={s} value={s}>{PROJECT_STATE_LABELS[s]}</option>)}
              </select>
              <select className="funded-filter-committee" aria-label="基层党委" value={list.query.committeeId ?? ''} onChange={(e) => set({ committeeId: e.target.value || undefined })}>
                <option value="">全部基层党委</option>
                {(summary?.committees ?? []).map((c) => <option key={c.committeeId} value={c.committeeId}>{c.name}（{c.count}）</option>)}
              </select>
              <select className="funded-filter-due" aria-label="拨付" value={dueValue(list.query)} onChange={(e) => set(dueQuery(e.target.value))}>
                {DUE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
              <PageSizeSelect value={pageSize} onChange={(n) => (setPageSize(n), list.goTo(0))} />
            </div>
          ) : (
            <>
              <View className="filter-row funded-phone-filters">
                <SelectField className="funded-phone-state" label="状态" options={[{ value: '', label: '全部状态' }, ...FUNDED_STATES.map((st) => ({ value: st, label: PROJECT_STATE_LABELS[st] }))]} value={list.query.state ?? ''} onChange={(v) => set({ state: FUNDED_STATES.find((st) => st === v) })} />
                <SelectField className="funded-phone-committee" label="基层党委" options={[{ value: '', label: '全部党委' }, ...(summary?.committees ?? []).map((c) => ({ value: c.committeeId, label: `${c.name}（${c.count}）` }))]} value={list.query.committeeId ?? ''} onChange={(v) => set({ committeeId: v || undefined })} />
                <SelectField className="funded-phone-due" label="拨付" options={DUE_OPTIONS} value={dueValue(list.query)} onChange={(v) => set(dueQuery(v))} />
              </View>
              <View className="row funded-search-row">
                <PhoneSearch className="funded-search" placeholder="项目名称、编号或主持人" value={text} onChange={setText} onSearch={search} />
              </View>
            </>
          )}
          {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
          {desk && loading && rows.length === 0 ? (
            <Loading />
          ) : desk ? (
            <View className="desk-split">
              <View className="desk-list">
                <FundedTable
                  items={list.rows}
                  paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: list.goTo, filtered }}
                  activeKey={active?.projectId ?? null}
                  onOpen={setActive}
                  busy={bulk.busy}
                  error={bulk.error}
                  empty={empty}
                  onDisburse={onDisburse}
                />
              </View>
              <View className="desk-detail">
                {active ? <FundedDetail key={active.projectId} p={active} onChanged={list.reload} /> : <View className="card muted">点击左侧一行，在这里查看经费、中期和结项验收并办理。</View>}
              </View>
            </View>
          ) : (
            <FundedCards rows={list.rows} total={list.total} loading={list.loading} empty={empty} onMore={list.loadMore} />
          )}
        </View>
      </View>
    </DeskShell>
  );
}
