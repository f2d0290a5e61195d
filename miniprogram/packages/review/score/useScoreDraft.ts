import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MyAssignment, RubricCriterionView } from '@shared/contracts/review';
import { scoreOf } from '@shared/domain/project/review';
import { formatInstant } from '@shared/time/deadline';
import { ApiError, call, errorText } from '../../../api/client';
import { platform } from '../../../platform';
import { scoresOf } from './ScoreSheet';

export type ScoreSaveState = 'idle' | 'dirty' | 'incomplete' | 'saving' | 'saved' | 'error';

export interface ScoreDraft {
  texts: Record<string, string>;
  comment: string;
}

const DELAY_MS = 1200;
const LEAVE_WARNING = '评分尚未保存：离开后未填完的评分只保留在本机，请填完后保存。确定离开吗？';
const keyOf = (projectId: string) => `score-draft:${projectId}`;

/** The draft kept on this device for a project, if any. */
export function storedDraft(projectId: string): ScoreDraft | null {
  try {
    const raw: unknown = Taro.getStorageSync(keyOf(projectId));
    if (raw && typeof raw === 'object' && 'texts' in raw && 'comment' in raw) return raw as ScoreDraft;
  } catch {
    // storage unreadable: no draft
  }
  return null;
}

/**
 * The score sheet saves itself like the 申报书: a moment after the last change, a complete sheet
 * goes to the server (review.score, with the version it last gave); an incomplete one is kept on
 * this device so back and return finds it as it was. While anything is unsaved the page asks
 * before it is left.
 */
export function useScoreDraft(projectId: string, a: MyAssignment | null, rubric: RubricCriterionView[], onSaved: (review: NonNullable<MyAssignment['myReview']>) => void) {
  const [state, setState] = useState<ScoreSaveState>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const draft = useRef<ScoreDraft | null>(null);
  const version = useRef<number | null>(a?.myReview?.version ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  const stateRef = useRef<ScoreSaveState>('idle');
  const set = (s: ScoreSaveState) => {
    stateRef.current = s;
    setState(s);
  };
  useEffect(() => {
    version.current = a?.myReview?.version ?? null;
  }, [a]);

  const unsaved = state === 'dirty' || state === 'incomplete' || state === 'error' || state === 'saving';
  useEffect(() => {
    platform.warnBeforeLeaving(unsaved ? LEAVE_WARNING : null);
  }, [unsaved]);
  useEffect(() => () => platform.warnBeforeLeaving(null), []);

  /** Saves a complete sheet now; true when the server has it. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) await running.current;
    const sending = draft.current;
    if (!sending || (stateRef.current !== 'dirty' && stateRef.current !== 'error' && stateRef.current !== 'incomplete')) return stateRef.current === 'saved' || stateRef.current === 'idle';
    const result = scoreOf(rubric, scoresOf(sending.texts));
    if (!result.ok) {
      set('incomplete');
      return false;
    }
    set('saving');
    running.current = (async () => {
      try {
        const review = await call('review.score', { projectId, scores: scoresOf(sending.texts), comment: sending.comment.trim(), ...(version.current !== null ? { version: version.current } : {}) });
        version.current = review.version;
        setMessage(null);
        onSaved(review);
        if (draft.current === sending) {
          set('saved');
          Taro.removeStorageSync(keyOf(projectId));
        } else {
          // Changed while saving: save again a moment later.
          set('dirty');
          timer.current = setTimeout(() => void saveNow(), DELAY_MS);
        }
        return true;
      } catch (err) {
        setMessage(err instanceof ApiError && err.code === 'CONFLICT' ? `${err.message}（请刷新后核对再保存）` : errorText(err));
        set('error');
        return false;
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, [projectId, rubric, onSaved]);

  const change = useCallback(
    (next: ScoreDraft) => {
      draft.current = next;
      try {
        Taro.setStorageSync(keyOf(projectId), next);
      } catch {
        // storage full: the server save still runs when the sheet is complete
      }
      set(scoreOf(rubric, scoresOf(next.texts)).ok ? 'dirty' : 'incomplete');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), DELAY_MS);
    },
    [projectId, rubric, saveNow],
  );

  useDidHide(() => void saveNow());
  useUnload(() => void saveNow());

  const statusText = (savedAt: string | null): string =>
    ({
      idle: savedAt ? `已保存 · ${formatInstant(savedAt)}` : '尚未评分',
      dirty: '有未保存的修改…',
      incomplete: '评分未填完：已在本机暂存，填完后自动保存',
      saving: '正在保存…',
      saved: savedAt ? `已自动保存 · ${formatInstant(savedAt)}` : '已自动保存',
      error: '保存失败',
    })[state];

  // Stable: the page's load depends on it.
  const restore = useCallback((d: ScoreDraft) => {
    draft.current = d;
    set('incomplete');
  }, []);

  return { state, message, change, saveNow, statusText, restore };
}
