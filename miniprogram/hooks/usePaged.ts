import { useEffect, useRef, useState } from 'react';
import { errorText } from '../api/client';

export interface Paged<Q, R> {
  query: Q;
  /** A new filter or sort starts again at the first page. */
  setQuery: (next: Q) => void;
  rows: R[];
  total: number;
  page: number;
  /** Desk: another page instead of this one. */
  goTo: (page: number) => void;
  /** Phone: the next page below the rows already shown (加载更多). */
  loadMore: () => void;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * A list the server sorts, filters and pages. At a desk (`page`) one page replaces the last; on
 * the phone (`more`) pages are appended. A change in `scope` (the batch, the page size, a key
 * that changes after an action) reloads what is shown, keeping the phone's place.
 */
export function usePaged<Q, R>(
  load: (query: Q, page: number) => Promise<{ items: R[]; total: number }>,
  initial: Q,
  mode: 'page' | 'more',
  scope: readonly unknown[],
  enabled = true,
): Paged<Q, R> {
  const [query, setQueryState] = useState<Q>(initial);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<R[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const seq = useRef(0);
  /** What the rows shown were read for (all but the page): a 加载更多 with the same key appends. */
  const shownFor = useRef<{ key: unknown[]; page: number } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++seq.current;
    setLoading(true);
    const key = [mode, query, again, ...scope];
    const before = shownFor.current;
    const appending = mode === 'more' && before !== null && before.page === page - 1 && before.key.length === key.length && before.key.every((k, i) => k === key[i]);
    // The phone shows pages 0..page one under another: a refresh reloads them all, so it keeps the place.
    const pages = mode === 'page' || appending ? [page] : Array.from({ length: page + 1 }, (_, i) => i);
    Promise.all(pages.map((p) => loader.current(query, p)))
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, mode, query, page, again, ...scope]);

  return {
    query,
    setQuery: (next) => {
      setQueryState(next);
      setPage(0);
    },
    rows,
    total,
    page,
    goTo: setPage,
    loadMore: () => setPage((p) => p + 1),
    loading,
    error,
    reload: () => setAgain((n) => n + 1),
  };
}
