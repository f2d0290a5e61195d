import { useState } from 'react';
import type { RoundStatus } from '@shared/contracts/review';
import { ROUND_PROGRESS, ROUND_PROGRESS_LABELS } from '@shared/contracts/round';
import { ROUND_STATES } from '@shared/contracts/lists';
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS } from '@shared/domain/project/application';
import { PROJECT_STATE_LABELS } from '@shared/domain/project/state';
import type { RoundQuery } from './useRoundList';
import { PageSizeSelect } from '../../../components/desk/ListControls';

interface Props {
  s: RoundStatus;
  query: RoundQuery;
  onQuery: (next: RoundQuery) => void;
  pageSize: 20 | 50;
  onPageSize: (n: 20 | 50) => void;
  total: number;
}

const pick = <T extends string>(all: readonly T[], v: string): T | undefined => all.find((x) => x === v);

/** The round's filters at a desk (browser only): search, state, committee, category, 评审进度, the staged list, page size. */
export function RoundFilters({ s, query, onQuery, pageSize, onPageSize, total }: Props) {
  const [text, setText] = useState(query.q ?? '');
  const set = (patch: Partial<RoundQuery>) => onQuery({ ...query, ...patch });
  const search = () => set({ q: text.trim() || undefined });
  return (
    <div className="desk-toolbar round-filters">
      <input
        type="search"
        className="desk-search round-search"
        aria-label="搜索项目名称、编号或主持人"
        placeholder="项目名称、编号或主持人"
        value={text}
        maxLength={40}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && search()}
      />
      <button type="button" className="round-search-go" onClick={search}>搜索</button>
      <select className="round-filter-state" aria-label="状态" value={query.state ?? ''} onChange={(e) => set({ state: pick(ROUND_STATES, e.target.value) })}>
        <option value="">全部状态</option>
        {ROUND_STATES.map((st) => (
          <option key={st} value={st}>{PROJECT_STATE_LABELS[st]}</option>
        ))}
      </select>
      <select className="round-filter-committee" aria-label="基层党委" value={query.committeeId ?? ''} onChange={(e) => set({ committeeId: e.target.value || undefined })}>
        <option value="">全部基层党委</option>
        {s.committees.map((c) => (
          <option key={c._id} value={c._id}>{c.name}（{c.count}）</option>
        ))}
      </select>
      <select className="round-filter-category" aria-label="项目类别" value={query.category ?? ''} onChange={(e) => set({ category: pick(PROJECT_CATEGORIES, e.target.value) })}>
        <option value="">全部类别</option>
        {PROJECT_CATEGORIES.map((c) => (
          <option key={c} value={c}>{PROJECT_CATEGORY_LABELS[c]}</option>
        ))}
      </select>
      <select className="round-filter-progress" aria-label="评审进度" value={query.progress ?? ''} onChange={(e) => set({ progress: pick(ROUND_PROGRESS, e.target.value) })}>
        <option value="">全部评审进度</option>
        {ROUND_PROGRESS.map((p) => (
          <option key={p} value={p}>{ROUND_PROGRESS_LABELS[p]}</option>
        ))}
      </select>
      <label>
        <input type="checkbox" className="round-filter-staged" checked={query.staged === true} onChange={(e) => set({ staged: e.target.checked ? true : undefined })} />
        只看拟公示
      </label>
      <PageSizeSelect className="round-page-size" value={pageSize} onChange={onPageSize} />
      <span className="muted round-total">共 {total} 项</span>
    </div>
  );
}
