import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { InputOf } from '@shared/contracts';
import type { RowReport } from '@shared/contracts/bulk';
import type { PersonView } from '@shared/contracts/people';
import { LISTED_ROLES, type PersonRow } from '@shared/contracts/people-list';
import { PEOPLE_SORT_DEFAULT_DIRECTION, PEOPLE_SORTS } from '@shared/contracts/lists';
import { PROFILE_STATUS_LABELS, PROFILE_STATUSES } from '@shared/domain/person';
import { ROLE_LABELS } from '@shared/domain/roles';
import { dateIn } from '@shared/time/deadline';
import { call } from '../../../api/client';
import { Empty, ErrorBox, Loading } from '../../../components/Feedback';
import { LoadMore } from '../../../components/LoadMore';
import { DeskTable, type Column } from '../../../components/desk/DeskTable';
import { useAction } from '../../../hooks/useAction';
import { useDesk } from '../../../hooks/useDesk';
import { usePaged } from '../../../hooks/usePaged';
import { PersonDetail, ProfileTag } from './PersonDetail';
import { DeskSearch, PageSizeSelect, PhoneSearch } from '../../../components/desk/ListControls';

type Query = Omit<InputOf<'people.list'>, 'page' | 'pageSize'>;
type Committee = { _id: string; name: string };

/** Short names for a table cell; the pane beside it names them in full. */
const SHORT: Record<string, string> = { secretary: '书记/组织员', reviewer: '评审专家', admin: '组织部' };
const rolesText = (p: PersonRow) =>
  p.roles
    .filter((r) => r.role !== 'member')
    .map((r) => `${SHORT[r.role] ?? ROLE_LABELS[r.role]}${r.committeeName ? `（${r.committeeName}）` : ''}`)
    .join('、');

// Keys the server sorts by carry a sort; the others show only.
const COLUMNS: Column<PersonRow>[] = [
  { key: 'name', label: '姓名', render: (p) => p.name, sort: (p) => p.name },
  { key: 'staffNo', label: '工号/学号', render: (p) => p.staffNo, sort: (p) => p.staffNo },
  { key: 'committee', label: '基层党委', render: (p) => p.committeeName, sort: (p) => p.committeeName },
  { key: 'roles', label: '角色', render: (p) => rolesText(p) || '—' },
  { key: 'status', label: '身份', render: (p) => <ProfileTag status={p.profileStatus} /> },
  { key: 'bound', label: '绑定日期', render: (p) => dateIn(new Date(p.boundAt)), sort: (p) => p.boundAt },
];
const sortOf = (key: string) => PEOPLE_SORTS.find((k) => k === key);

/** The person as the page shows them after a grant or a revoke (a grant confirms a waiting profile). */
const changed = (p: PersonRow, next: PersonView, confirmed: boolean): PersonRow => ({ ...p, roles: next.roles, profileStatus: confirmed ? 'confirmed' : p.profileStatus });

/**
 * 人员与角色's list (people.list): every bound person, sorted, filtered and paged on the server.
 * At a desk a wide table with the person beside it, and 批量确认 of ticked waiting profiles; on
 * the phone cards with 加载更多, a tap opening the same actions under the card.
 */
export function PeopleList({ committees, onRolesChanged }: { committees: readonly Committee[]; onRolesChanged: () => void }) {
  const desk = useDesk();
  const [pageSize, setPageSize] = useState<20 | 50>(20);
  const [text, setText] = useState('');
  const [active, setActive] = useState<PersonRow | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<RowReport | null>(null);
  const versions = useRef(new Map<string, number>());
  const list = usePaged<Query, PersonRow>(
    (query, page) => call('people.list', { ...query, page, pageSize: desk ? pageSize : 20 }),
    { sort: 'name' },
    desk ? 'page' : 'more',
    [pageSize, desk],
  );
  for (const p of list.rows) versions.current.set(p.userId, p.version);
  const bulk = useAction(list.reload);
  const sortKey = list.query.sort ?? 'name';
  const desc = (list.query.direction ?? PEOPLE_SORT_DEFAULT_DIRECTION[sortKey]) === 'desc';
  const set = (patch: Partial<Query>) => list.setQuery({ ...list.query, ...patch });
  const filtered = Boolean(list.query.q || list.query.committeeId || list.query.role || list.query.profileStatus);
  const empty = filtered ? '没有符合条件的人员。搜索按姓名或工号/学号的开头查找，也可换个筛选条件。' : '还没有人绑定身份。人员在小程序中绑定后会显示在这里。';
  const search = () => set({ q: text.trim() || undefined });
  const onSort = (key: string) => {
    const sort = sortOf(key);
    if (sort) set({ sort, direction: sort === sortKey ? (desc ? 'asc' : 'desc') : undefined });
  };
  const onChanged = (next: PersonView, confirmed: boolean) => {
    setActive((a) => (a && a.userId === next.userId ? changed(a, next, confirmed) : a));
    list.reload();
    onRolesChanged();
  };
  const confirmSelected = async () => {
    const items = [...selected].map((userId) => ({ userId, version: versions.current.get(userId) ?? 0 }));
    const r = await bulk.run(() => call('people.confirmMany', { items }));
    if (r) {
      setReport(r);
      setSelected(new Set());
      list.reload();
    }
  };
  const activeRow = active ? (list.rows.find((p) => p.userId === active.userId) ?? active) : null;

  return (
    <View className="card people-list">
      <View className="card-title">
        <Text>人员与角色</Text>
        <Text className="muted people-total">{list.total} 人</Text>
      </View>
      {desk ? (
        <div className="desk-toolbar people-filters">
          <DeskSearch className="people-search" placeholder="姓名或工号/学号的开头" value={text} onChange={setText} onSearch={search} />
          <button type="button" onClick={search}>搜索</button>
          <select className="people-filter-committee" aria-label="基层党委" value={list.query.committeeId ?? ''} onChange={(e) => set({ committeeId: e.target.value || undefined })}>
            <option value="">全部基层党委</option>
            {committees.map((c) => <option key={c._id} value={c._id}>{c.name}</option>)}
          </select>
          <select className="people-filter-role" aria-label="角色" value={list.query.role ?? ''} onChange={(e) => set({ role: LISTED_ROLES.find((r) => r === e.target.value) })}>
            <option value="">全部角色</option>
            {LISTED_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
          <select className="people-filter-status" aria-label="身份状态" value={list.query.profileStatus ?? ''} onChange={(e) => set({ profileStatus: PROFILE_STATUSES.find((s) => s === e.target.value) })}>
            <option value="">全部身份状态</option>
            {PROFILE_STATUSES.map((s) => <option key={s} value={s}>{PROFILE_STATUS_LABELS[s]}</option>)}
          </select>
          <PageSizeSelect unit="人" value={pageSize} onChange={(n) => (setPageSize(n), list.goTo(0))} />
        </div>
      ) : (
        <>
          <View className="row people-search-row">
            <PhoneSearch className="people-search" placeholder="姓名或工号/学号的开头" value={text} onChange={setText} onSearch={search} goClassName="people-search-go" />
          </View>
          <View className="chips people-status-chips">
            {[undefined, ...PROFILE_STATUSES].map((s) => (
              <Text key={s ?? 'all'} className={`chip people-status-${s ?? 'all'}${list.query.profileStatus === s ? ' selected' : ''}`} onClick={() => set({ profileStatus: s })}>
                {s ? PROFILE_STATUS_LABELS[s] : '全部'}
              </Text>
            ))}
          </View>
        </>
      )}
      {list.error ? <ErrorBox message={list.error} onRetry={list.reload} /> : null}
      {desk ? (
        <View className="desk-split people-desk">
          <View className="desk-list">
            <View className="desk-bulk">
              <span>已选 {selected.size} 人</span>
              <button type="button" className="primary people-bulk-confirm" disabled={bulk.busy || selected.size === 0} onClick={() => void confirmSelected()}>
                确认所选人员的身份
              </button>
              <span className="muted">只能勾选待确认的人员；可先筛选“待确认”。</span>
            </View>
            {bulk.error ? <ErrorBox message={bulk.error} /> : null}
            {report ? (
              <View className="card bulk-report">
                <Text>已确认 {report.done.length} 人{report.refused.length ? `，${report.refused.length} 人未确认：` : '。'}</Text>
                {report.refused.map((r) => <View key={r.id} className="error-text">{r.title}：{r.message}</View>)}
              </View>
            ) : null}
            <DeskTable
              label="人员"
              className="people-table"
              rows={list.rows}
              rowKey={(p) => p.userId}
              columns={COLUMNS}
              selection={{ selected, onChange: setSelected, selectable: (p) => p.profileStatus === 'pending' }}
              onOpen={setActive}
              activeKey={active?.userId ?? null}
              paged={{ total: list.total, page: list.page, pageSize, sortKey, desc, onSort, onPage: list.goTo, filtered }}
              empty={empty}
            />
          </View>
          <View className="desk-detail">
            {activeRow ? (
              <View className="card"><PersonDetail key={activeRow.userId} person={activeRow} committees={committees} onChanged={onChanged} /></View>
            ) : (
              <View className="card muted">点击左侧一行，在这里查看人员信息、授予或撤销角色。</View>
            )}
          </View>
        </View>
      ) : list.rows.length === 0 ? (
        list.loading ? <Loading /> : <Empty>{empty}</Empty>
      ) : (
        <>
          {list.rows.map((p) => (
            <View key={p.userId} className="list-item people-item" data-user-id={p.userId}>
              <View className="row" onClick={() => setActive(activeRow?.userId === p.userId ? null : p)}>
                <Text className="list-item-title">
                  {p.name} <Text className="muted">{p.staffNo}</Text>
                </Text>
                <ProfileTag status={p.profileStatus} />
              </View>
              <View className="muted">{p.committeeName}{rolesText(p) ? ` · ${rolesText(p)}` : ''}</View>
              {activeRow?.userId === p.userId ? <PersonDetail inline person={activeRow} committees={committees} onChanged={onChanged} /> : null}
            </View>
          ))}
          <LoadMore className="people-more" shown={list.rows.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
        </>
      )}
    </View>
  );
}
