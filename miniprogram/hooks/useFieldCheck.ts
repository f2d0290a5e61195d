import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

/** One problem of a form: the field it belongs to (its anchor is `#${anchorPrefix}${field}`), named and explained. */
export interface FieldProblem {
  field: string;
  label: string;
  reason: string;
}

/** "项目名称未填写；进度安排至少填写一项": every problem, named. */
export const problemsText = (problems: readonly FieldProblem[]): string => problems.map((p) => `${p.label}${p.reason}`).join('；');

/**
 * Validation at the field, the one mechanism every form uses. `live` is what is wrong with the form
 * right now (the shared rule run on what is on screen). Until a submit fails nothing is marked;
 * `check()` on a failed submit scrolls to the first field with a problem and marks every such field;
 * from then on the marks follow `live`, so each clears as it is fixed and the summary names every
 * problem still left (and disappears when none is).
 */
export function useFieldCheck(live: readonly FieldProblem[], anchorPrefix = 'field-') {
  const [tried, setTried] = useState(false);
  const shown = tried ? live : [];
  const check = useCallback((): boolean => {
    if (live.length === 0) return true;
    setTried(true);
    void Taro.pageScrollTo({ selector: `#${anchorPrefix}${live[0].field}`, duration: 200 }).catch(() => undefined);
    return false;
  }, [live, anchorPrefix]);
  const reasons = (field: string) => shown.filter((p) => p.field === field).map((p) => p.reason);
  return {
    check,
    /** The problems now marked (empty before a failed submit, and once everything is fixed). */
    shown,
    /** A sentence naming every marked problem, or null. */
    summary: shown.length ? `请先完成以下 ${shown.length} 处：${problemsText(shown)}` : null,
    /** ' field-invalid' on a marked field's wrapper. */
    mark: (field: string) => (reasons(field).length ? ' field-invalid' : ''),
    reasons,
    anchor: (field: string) => `${anchorPrefix}${field}`,
  };
}

export type FieldCheck = ReturnType<typeof useFieldCheck>;
