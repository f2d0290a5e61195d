import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorText } from '../api/client';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Loads data when the page shows (again), with loading and error states for the screen. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    run()
      .then((d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === seq.current) setError(errorText(err));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [run]);

  useEffect(reload, [reload]);
  // The first show is the page opening, which the effect above loads: only a return reloads
  // (otherwise every page made its first call twice).
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && seq.current > 0) reload();
    shown.current = true;
  });
  return { data, error, loading, reload };
}
