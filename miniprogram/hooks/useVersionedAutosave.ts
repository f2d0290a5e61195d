import { useDidHide, useUnload } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, errorText } from '../api/client';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DELAY_MS = 1200;
const RETRY_MS = 8000;

interface Versioned {
  _id: string;
  version: number;
}

/**
 * Saves a record's editable part a moment after the last change, one save at a time, with the
 * version the server last gave. A CONFLICT (another device saved first) stops autosaving until
 * the person reloads, so nothing is silently overwritten; a lost connection retries by itself.
 * `save` must be stable (defined outside the component).
 */
export function useVersionedAutosave<R extends Versioned, T>(
  record: R | null,
  save: (id: string, version: number, value: T) => Promise<R>,
  onSaved: (saved: R) => void,
) {
  const [state, setState] = useState<SaveState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  // Whether a failed save will be tried again by itself (a lost connection), or waits for an edit.
  const [retrying, setRetrying] = useState(false);
  const value = useRef<T | null>(null);
  const version = useRef<number>(record?.version ?? 0);
  const inFlight = useRef<Promise<void> | null>(null);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef<SaveState>('idle');
  const id = record?._id;

  const set = (s: SaveState) => {
    stateRef.current = s;
    setState(s);
  };

  useEffect(() => {
    if (record) version.current = record.version;
  }, [record]);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!id || value.current === null || stateRef.current === 'conflict') return;
    if (inFlight.current) {
      pending.current = true;
      return inFlight.current;
    }
    if (!pending.current && stateRef.current !== 'dirty' && stateRef.current !== 'error') return;
    pending.current = false;
    set('saving');
    const run = (async () => {
      try {
        const saved = await save(id, version.current, value.current as T);
        version.current = saved.version;
        setSavedAt(new Date());
        setMessage(null);
        setRetrying(false);
        set(pending.current ? 'dirty' : 'saved');
        onSaved(saved);
      } catch (err) {
        setMessage(errorText(err));
        const code = err instanceof ApiError ? err.code : 'INTERNAL';
        set(code === 'CONFLICT' ? 'conflict' : 'error');
        // A lost connection heals by itself: try again a little later (a refused value waits for the next edit).
        const retry = code === 'INTERNAL' || code === 'RATE_LIMITED';
        setRetrying(retry);
        if (retry) timer.current = setTimeout(() => void saveNow(), RETRY_MS);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    await run;
    if (pending.current && stateRef.current === 'dirty') await saveNow();
  }, [id, save, onSaved]);

  const change = useCallback(
    (next: T) => {
      value.current = next;
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

  // Leaving the page (or the app) saves what is pending, so nothing typed is lost.
  useDidHide(() => void saveNow());
  useUnload(() => void saveNow());

  /** The state right now (after an awaited saveNow), not the one of the last render. */
  const current = useCallback(() => stateRef.current, []);

  return { state, message, savedAt, retrying, change, saveNow, version, current };
}

/** What the save status line says. */
export function saveStatusText(state: SaveState, savedAt: Date | null, retrying = false): string {
  switch (state) {
    case 'dirty':
      return '有未保存的修改…';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return savedAt ? `已自动保存 ${formatInstant(savedAt).slice(-5)}` : '已保存';
    case 'error':
      // "Will try again" only when trying again can succeed; a refused value waits for the person.
      return retrying ? '保存失败，稍后会再试' : '未能保存：请按提示修改';
    case 'conflict':
      return '已在其他设备修改';
    default:
      return '内容会自动保存';
  }
}
