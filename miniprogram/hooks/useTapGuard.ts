import { useCallback, useRef, useState } from 'react';

/**
 * One state-changing tap at a time: while a tap's work runs (its question, its call, its answer),
 * further taps are ignored — a ref, so a second tap before React re-renders the disabled button is
 * ignored too. `busy` drives the button's loading look. Every state-changing button goes through
 * this: directly (`guard(fn)`, or `enter()` … `finally leave()`), through `useAction`, or through
 * `ActionButton`.
 */
export function useTapGuard() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  /** Claims the button; false when a tap is already running (ignore this one). */
  const enter = useCallback((): boolean => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    return true;
  }, []);
  const leave = useCallback(() => {
    running.current = false;
    setBusy(false);
  }, []);
  const guard = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | null> => {
      if (!enter()) return null;
      try {
        return await fn();
      } finally {
        leave();
      }
    },
    [enter, leave],
  );
  return { busy, guard, enter, leave };
}
