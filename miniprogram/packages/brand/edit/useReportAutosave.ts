import { useCallback, useEffect, useRef, useState } from 'react';
import type { BrandView } from '@shared/contracts';
import type { BrandReport } from '@shared/domain/brand/report';
import { ApiError, call, errorText } from '../../../api/client';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DELAY_MS = 1200;
const RETRY_MS = 8000;

/**
 * Saves the brand report a moment after the last change, one save at a time, with the version
 * the server last gave (as the project editor does). A CONFLICT (another device saved first)
 * stops autosaving until the person reloads, so nothing is silently overwritten.
 */
export function useReportAutosave(brand: BrandView | null, onSaved: (b: BrandView) => void) {
  const [state, setState] = useState<SaveState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const report = useRef<BrandReport | null>(null);
  const version = useRef<number>(brand?.version ?? 0);
  const inFlight = useRef<Promise<void> | null>(null);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef<SaveState>('idle');
  const id = brand?._id;

  const set = (s: SaveState) => {
    stateRef.current = s;
    setState(s);
  };

  useEffect(() => {
    if (brand) version.current = brand.version;
  }, [brand]);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!id || !report.current || stateRef.current === 'conflict') return;
    if (inFlight.current) {
      pending.current = true;
      return inFlight.current;
    }
    if (!pending.current && stateRef.current !== 'dirty' && stateRef.current !== 'error') return;
    pending.current = false;
    set('saving');
    const run = (async () => {
      try {
        const saved = await call('brand.save', { id, version: version.current, report: report.current as BrandReport });
        version.current = saved.version;
        setSavedAt(new Date());
        setMessage(null);
        set(pending.current ? 'dirty' : 'saved');
        onSaved(saved);
      } catch (err) {
        setMessage(errorText(err));
        const code = err instanceof ApiError ? err.code : 'INTERNAL';
        set(code === 'CONFLICT' ? 'conflict' : 'error');
        // A lost connection heals by itself: try again a little later (a refused value waits for the next edit).
        if (code === 'INTERNAL' || code === 'RATE_LIMITED') timer.current = setTimeout(() => void saveNow(), RETRY_MS);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    await run;
    if (pending.current && stateRef.current === 'dirty') await saveNow();
  }, [id, onSaved]);

  const change = useCallback(
    (next: BrandReport) => {
      report.current = next;
      if (stateRef.current === 'conflict') return;
      if (inFlight.current) pending.current = true;
      set('dirty');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), DELAY_MS);
    },
    [saveNow],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  /** The state right now (after an awaited saveNow), not the one of the last render. */
  const current = useCallback(() => stateRef.current, []);

  return { state, message, savedAt, change, saveNow, version, current };
}
