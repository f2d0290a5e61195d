/**
 * 结项材料: one rule for "ready to submit" (须有结项总结并至少登记一项有名称的成果), used by the
 * host's page, the secretary's 提交结项材料, the server's final.submit and the 待办. Pure.
 */

/** What the rule looks at: the summary and each outcome's name (a draft on screen or a stored report). */
export interface FinalMaterials {
  summary: string;
  outcomes: ReadonlyArray<{ title: string }>;
}

/** A field of the 结项 form: the summary, the outcome list, or outcome i's name. */
export type FinalField = 'summary' | 'outcomes' | `outcome-${number}`;

export interface FinalProblem {
  field: FinalField;
  label: string;
  reason: string;
}

/** Everything that keeps the materials from being ready, in the order of the form; empty when ready. */
export function finalProblems(m: FinalMaterials | null): FinalProblem[] {
  const problems: FinalProblem[] = [];
  if (!m || m.summary.trim() === '') problems.push({ field: 'summary', label: '结项总结', reason: '未填写' });
  const outcomes = m?.outcomes ?? [];
  outcomes.forEach((o, i) => {
    if (o.title.trim() === '') problems.push({ field: `outcome-${i}`, label: `第 ${i + 1} 项成果的成果名称`, reason: '未填写' });
  });
  if (!outcomes.some((o) => o.title.trim() !== '')) problems.push({ field: 'outcomes', label: '建设成果', reason: '至少登记一项' });
  return problems;
}

/** Ready for the committee to submit: the same answer for the host, the secretary, the server and the 待办. */
export const finalReady = (m: FinalMaterials | null): boolean => finalProblems(m).length === 0;

/** "结项总结未填写；建设成果至少登记一项": every problem, named. */
export const finalProblemsText = (problems: readonly FinalProblem[]): string => problems.map((p) => `${p.label}${p.reason}`).join('；');

/** Nothing entered at all: no summary and no outcome, named or not. */
export const finalIsEmpty = (m: FinalMaterials): boolean => m.summary.trim() === '' && m.outcomes.length === 0;
