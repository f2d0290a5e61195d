/**
 * 公示异议 and its handling (异议处理): the 组织部 records a finding on each objection — 成立 or
 * 不成立, with a reason. An objection that stands (成立) leads either to 不予立项 or to a
 * correction (the project goes on, corrected); the objector is told the outcome. 立项 waits while
 * any objection on the project has no finding. Pure.
 */

export const OBJECTION_VERDICTS = ['upheld', 'dismissed'] as const;
export type ObjectionVerdict = (typeof OBJECTION_VERDICTS)[number];
export const OBJECTION_VERDICT_LABELS: Record<ObjectionVerdict, string> = { upheld: '异议成立', dismissed: '异议不成立' };

/** What an upheld objection leads to. */
export const OBJECTION_REMEDIES = ['reject', 'correct'] as const;
export type ObjectionRemedy = (typeof OBJECTION_REMEDIES)[number];
export const OBJECTION_REMEDY_LABELS: Record<ObjectionRemedy, string> = { reject: '不予立项', correct: '予以更正后继续' };

export const FINDING_REASON_MAX = 500;

/** The finding, stored as `finding` on the objection document. */
export interface ObjectionFinding {
  verdict: ObjectionVerdict;
  /** 成立 only: 不予立项 or a correction; null when 不成立. */
  remedy: ObjectionRemedy | null;
  reason: string;
  /** The 组织部 member who recorded it (user id). */
  by: string;
  at: string;
}

/** Waits for the 组织部's finding: no finding recorded yet. */
export const objectionAwaitsFinding = (o: { finding?: ObjectionFinding | null }): boolean => !o.finding;

/** Why a finding as entered cannot be recorded; every problem named; empty when it can. */
export function findingProblems(input: { verdict: ObjectionVerdict | null; remedy: ObjectionRemedy | null; reason: string }): string[] {
  const problems: string[] = [];
  if (!input.verdict) problems.push('请选择异议成立或不成立');
  if (input.verdict === 'upheld' && !input.remedy) problems.push('异议成立时请选择不予立项或予以更正');
  if (input.verdict === 'dismissed' && input.remedy) problems.push('异议不成立时不需选择处理方式');
  if (input.reason.trim() === '') problems.push('请写明核实情况和理由');
  else if (Array.from(input.reason.trim()).length > FINDING_REASON_MAX) problems.push(`理由不超过${FINDING_REASON_MAX}字`);
  return problems;
}

/** How the finding reads, e.g. «异议成立，不予立项» / «异议不成立». */
export function findingText(f: Pick<ObjectionFinding, 'verdict' | 'remedy'>): string {
  return f.verdict === 'upheld' && f.remedy ? `${OBJECTION_VERDICT_LABELS.upheld}，${OBJECTION_REMEDY_LABELS[f.remedy]}` : OBJECTION_VERDICT_LABELS[f.verdict];
}

/** The objector's message: the outcome and the reason. */
export function findingMessage(projectTitle: string, f: Pick<ObjectionFinding, 'verdict' | 'remedy' | 'reason'>): { title: string; body: string } {
  return { title: `您对「${projectTitle}」的公示异议已核实处理`, body: `核实结果：${findingText(f)}。理由：${f.reason.trim()}` };
}

/** 立项 of a project with objections still waiting is refused: the message names how many. */
export function pendingObjectionsText(projectTitle: string, waiting: number): string {
  return `「${projectTitle}」有 ${waiting} 条公示异议尚未核实处理，请先在公示异议中作出核实结论（成立或不成立）再立项`;
}
