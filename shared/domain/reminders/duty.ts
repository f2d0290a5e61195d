/** What a person owes before a deadline: the same list drives 我的待办 and the reminders. */
export const DUTY_KINDS = ['submitDraft', 'decideApplications', 'scoreReviews', 'midtermMaterials', 'finalMaterials', 'submitBrandReport'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/** One open item of one person with its deadline (a date in Beijing time). */
export interface Duty {
  personId: string;
  kind: DutyKind;
  deadline: string;
  /** How many things it stands for (drafts, applications, score sheets). */
  count: number;
  title: string;
  detail: string;
  link: string;
  /** The committee it belongs to (a secretary may nudge it); null for the school's reviewers. */
  committeeId?: string | null;
}
