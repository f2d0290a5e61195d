import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectView } from '@shared/contracts';
import type { ApplicationFields } from '@shared/domain/project/application';
import { ApiError, call, errorText } from '../../../api/client';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DELAY_MS = 1200;

/**
 * Saves the draft a moment after the last keystroke, one save at a time, with the version the
 * server last gave. A CONFLICT (another device saved first) stops autosaving until the person
 * reloads, so nothing is silently overwritten.
 */
export function useAutosave(project: ProjectView | null, onSaved: (p: ProjectView) => void) {
  const [state, setState] = useState<SaveState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const fields = useRef<ApplicationFields | null>(null);
  const version = useRef<number>(project?.version ?? 0);
  const inFlight = useRef<Promise<void> | null>(null);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef<SaveState>('idle');
  const id = project?._id;

  const set = (s: SaveState) => {
    stateRef.current = s;
    setState(s);
  };

  useEffect(() => {
    if (project) version.current = project.version;
  }, [project]);

  const saveNow = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!id || !fields.current || stateRef.current === 'conflict') return;
    if (inFlight.current) {
      pending.current = true;
      return inFlight.current;
    }
    if (!pending.current && stateRef.current !== 'dirty' && stateRef.current !== 'error') return;
    pending.current = false;
    set('saving');
    const run = (async () => {
      try {
        const saved = await call('project.saveDraft', { id, version: version.current, fields: fields.current as ApplicationFields });
        version.current = saved.version;
        setSavedAt(new Date());
        setMessage(null);
        set(pending.current ? 'dirty' : 'saved');
        onSaved(saved);
      } catch (err) {
        setMessage(errorText(err));
        set(err instanceof ApiError && err.code === 'CONFLICT' ? 'conflict' : 'error');
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    await run;
    if (pending.current && stateRef.current === 'dirty') await saveNow();
  }, [id, onSaved]);

  const change = useCallback(
    (next: ApplicationFields) => {
      fields.current = next;
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

  return { state, message, savedAt, change, saveNow, version };
}
