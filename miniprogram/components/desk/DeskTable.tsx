import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Empty } from '../Feedback';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** The value to sort by; a column without one does not sort. */
  sort?: (row: T) => string | number | null;
}

interface Props<T> {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
  /** Text a row is found by (the search box); no box without it. */
  search?: (row: T) => string;
  /** Checkboxes for bulk actions. */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void; selectable?: (row: T) => boolean };
  /** Opens a row in the detail pane (click or Enter). */
  onOpen?: (row: T) => void;
  activeKey?: string | null;
  empty: ReactNode;
  pageSize?: number;
  className?: string;
  label: string;
  /**
   * Sorted, filtered and paged on the server: `rows` is the page as the server answered it, the
   * headers and the pager ask for another (no local search box, sort or slicing).
   */
  paged?: ServerPaging;
}

/** A list the server sorts, filters and pages (total across every page). */
export interface ServerPaging {
  total: number;
  page: number;
  pageSize: number;
  sortKey: string | null;
  desc: boolean;
  onSort: (key: string) => void;
  onPage: (page: number) => void;
  /** Shown instead of the empty text when filters hide every row. */
  filtered?: boolean;
}

const compare = (a: string | number | null, b: string | number | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
};

/**
 * A wide table for the desk layout (browser only; the phone keeps its card list): sort by a
 * column header, search, pages, checkboxes for bulk actions, a row opens the detail pane.
 * Keyboard: Tab moves through rows, Enter opens one, Space ticks it.
 */
export function DeskTable<T>({ rows, rowKey, columns, search, selection, onOpen, activeKey, empty, pageSize = 50, className, label, paged }: Props<T>) {
  const [sortKey, setSortKey] = useState<string | null>(null);
  const [desc, setDesc] = useState(false);
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);

  const shown = useMemo(() => {
    if (paged) return [...rows];
    const q = text.trim().toLowerCase();
    const found = q && search ? rows.filter((r) => search(r).toLowerCase().includes(q)) : [...rows];
    const col = columns.find((c) => c.key === sortKey);
    if (col?.sort) {
      const by = col.sort;
      found.sort((a, b) => (desc ? -1 : 1) * compare(by(a), by(b)));
    }
    return found;
  }, [rows, text, search, columns, sortKey, desc, paged]);
  const pages = paged ? Math.max(1, Math.ceil(paged.total / paged.pageSize)) : Math.max(1, Math.ceil(shown.length / pageSize));
  const at = paged ? paged.page : Math.min(page, pages - 1);
  const visible = paged ? shown : shown.slice(at * pageSize, (at + 1) * pageSize);
  const goTo = (n: number) => (paged ? paged.onPage(n) : setPage(n));
  const sortedBy = paged ? paged.sortKey : sortKey;
  const descending = paged ? paged.desc : desc;
  const selectable = (r: T) => selection?.selectable?.(r) ?? true;

  const toggle = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };
  const allKeys = visible.filter(selectable).map(rowKey);
  const allOn = allKeys.length > 0 && allKeys.every((k) => selection?.selected.has(k));
  const toggleAll = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const k of allKeys) {
      if (allOn) next.delete(k);
      else next.add(k);
    }
    selection.onChange(next);
  };
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') onOpen?.(row);
    if (e.key === ' ' && selection && selectable(row)) {
      e.preventDefault();
      toggle(rowKey(row));
    }
  };
  const sortBy = (key: string) => {
    if (paged) return paged.onSort(key);
    if (sortKey === key) setDesc(!desc);
    else {
      setSortKey(key);
      setDesc(false);
    }
    setPage(0);
  };

  return (
    <div className={`desk-table-wrap ${className ?? ''}`}>
      {search && !paged ? (
        <div className="desk-toolbar">
          <input type="search" className="desk-search" aria-label={`搜索${label}`} placeholder="搜索…" value={text} onChange={(e) => (setText(e.target.value), setPage(0))} />
          <span className="muted">共 {shown.length} 项</span>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <Empty>{(paged ? !paged.filtered : rows.length === 0) ? empty : '没有符合搜索条件的项目，请换个关键词。'}</Empty>
      ) : (
        <table className="desk-table" aria-label={label}>
          <thead>
            <tr>
              {selection ? (
                <th>
                  <input type="checkbox" className="desk-select-all" aria-label="全选本页" checked={allOn} onChange={toggleAll} />
                </th>
              ) : null}
              {columns.map((c) => (
                <th key={c.key} aria-sort={sortedBy === c.key ? (descending ? 'descending' : 'ascending') : undefined}>
                  {c.sort ? (
                    <button type="button" className={`desk-sort desk-sort-${c.key}`} onClick={() => sortBy(c.key)}>
                      {c.label}
                      {sortedBy === c.key ? (descending ? ' ↓' : ' ↑') : ''}
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => {
              const key = rowKey(row);
              return (
                <tr key={key} data-key={key} tabIndex={0} className={key === activeKey ? 'active' : ''} onClick={() => onOpen?.(row)} onKeyDown={(e) => onKey(e, row)}>
                  {selection ? (
                    <td onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" className="desk-select" aria-label="选择" disabled={!selectable(row)} checked={selection.selected.has(key)} onChange={() => toggle(key)} />
                    </td>
                  ) : null}
                  {columns.map((c) => (
                    <td key={c.key}>{c.render(row)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <div className="desk-pager">
          <button type="button" className="desk-page-prev" disabled={at === 0} onClick={() => goTo(at - 1)}>上一页</button>
          <span className="desk-page-at">
            第 {at + 1} / {pages} 页
          </span>
          <button type="button" className="desk-page-next" disabled={at >= pages - 1} onClick={() => goTo(at + 1)}>下一页</button>
        </div>
      ) : null}
    </div>
  );
}
