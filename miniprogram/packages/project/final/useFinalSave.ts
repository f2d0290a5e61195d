import { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome, ReportsView } from '@shared/contracts/funding';
import { ApiError, call, errorText } from '../../../api/client';

export interface FinalDraft {
  summary: string;
  outcomes: Outcome[];
}

export type FinalSaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DELAY_MS = 2500;

/**
 * The 结项 materials saved with the report's version: a moment after the last change and on
 * 保存; one save at a time. CONFLICT (another device saved first) stops saving until a reload.
 */
export function useFinalSave(projectId: string, initialVersion: number | null, onSaved: (r: ReportsView) => void) {
  const [state, setState] = useState<FinalSaveState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const version = useRef<number | null>(initialVersion);
  const draft = useRef<FinalDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const stateRef = useRef<FinalSaveState>('idle');
  const set = (s: FinalSaveState) => {
    stateRef.current = s;
    setState(s);
  };

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    if (!draft.current || (stateRef.current !== 'dirty' && stateRef.current !== 'error')) return;
    const sending = draft.current;
    set('saving');
    running.current = (async () => {
      try {
        const saved = await call('final.save', { projectId, reportVersion: version.current, summary: sending.summary, outcomes: sending.outcomes });
        version.current = saved.final?.version ?? version.current;
        setMessage(null);
        set(draft.current === sending ? 'saved' : 'dirty');
        onSaved(saved);
      } catch (err) {
        setMessage(errorText(err));
        set(err instanceof ApiError && err.code === 'CONFLICT' ? 'conflict' : 'error');
      } finally {
        running.current = null;
      }
    })();
    await running.current;
    if (stateRef.current === 'dirty') timer.current = setTimeout(() => void saveNow(), DELAY_MS);
  }, [projectId, onSaved]);

  const change = useCallback(
    (next: FinalDraft) => {
      draft.current = next;
      if (stateRef.current === 'conflict') return;
      set('dirty');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), DELAY_MS);
    },
    [saveNow],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { state, message, change, saveNow, version };
}
