import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '@shared/contracts';
import type { RoundRow } from '@shared/contracts/round';
import { call, errorText } from '../../../api/client';

/** What the list is asked for, page and batch aside. */
export type RoundQuery = Omit<InputOf<'review.roundList'>, 'batchId' | 'page' | 'pageSize'>;

export interface RoundListState {
  query: RoundQuery;
  /** A new filter or sort starts again at the first page. */
  setQuery: (next: RoundQuery) => void;
  rows: RoundRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Desk: another page instead of this one. */
  goTo: (page: number) => void;
  /** Phone: the next page below the rows already shown (加载更多). */
  loadMore: () => void;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * The round's applications as review.roundList pages them. At a desk one page replaces the
 * last; on the phone pages are appended. `refreshKey` reloads what is shown (after an action).
 */
export function useRoundList(batchId: string, mode: 'page' | 'more', pageSize: 20 | 50, refreshKey: unknown): RoundListState {
  const [query, setQueryState] = useState<RoundQuery>({ sort: 'average' });
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<RoundRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  const seq = useRef(0);
  /** What the rows shown were read for (all but the page): a 加载更多 with the same key appends. */
  const shownFor = useRef<{ key: unknown[]; page: number } | null>(null);

  useEffect(() => {
    if (!batchId) return;
    const mine = ++seq.current;
    setLoading(true);
    const key = [batchId, mode, pageSize, query, refreshKey, again];
    const before = shownFor.current;
    const appending = mode === 'more' && before !== null && before.page === page - 1 && before.key.every((k, i) => k === key[i]);
    // The phone shows pages 0..page one under another: a refresh reloads them all, so it keeps the place.
    const pages = mode === 'page' ? [page] : appending ? [page] : Array.from({ length: page + 1 }, (_, i) => i);
    Promise.all(pages.map((p) => call('review.roundList', { batchId, ...query, page: p, pageSize })))
      .then((answers) => {
        if (mine !== seq.current) return;
        const items = answers.flatMap((a) => a.items);
        setRows((shown) => (appending ? [...shown, ...items] : items));
        shownFor.current = { key, page };
        setTotal(answers[answers.length - 1]?.total ?? 0);
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === seq.current) setError(errorText(err));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [batchId, mode, pageSize, query, page, refreshKey, again]);

  return {
    query,
    setQuery: (next) => {
      setQueryState(next);
      setPage(0);
    },
    rows,
    total,
    page,
    pageSize,
    goTo: setPage,
    loadMore: () => setPage((p) => p + 1),
    loading,
    error,
    reload: () => setAgain((n) => n + 1),
  };
}
