import { useCallback, useState } from 'react';
import { ApiError, errorText } from '../api/client';
import { useTapGuard } from './useTapGuard';

/**
 * One button's call: busy while it runs, the error to show when it fails. A tap while the call
 * runs is ignored (useTapGuard). On CONFLICT (someone else changed the record first) `onConflict`
 * reloads the latest state and the message says so. `onError` may take over an error (return
 * true), e.g. to offer an override form.
 */
export function useAction(onConflict?: () => void) {
  const { busy, guard } = useTapGuard();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    <T,>(fn: () => Promise<T>, onError?: (err: unknown) => boolean): Promise<T | null> =>
      guard(async () => {
        setError(null);
        try {
          return await fn();
        } catch (err) {
          if (onError?.(err)) return null;
          if (err instanceof ApiError && err.code === 'CONFLICT') {
            setError(`${err.message}（已为您加载最新内容，请确认后再操作）`);
            onConflict?.();
          } else setError(err instanceof ApiError ? err.message : err instanceof Error && err.message ? err.message : errorText(err));
          return null;
        }
      }),
    [guard, onConflict],
  );
  return { busy, error, setError, run };
}
