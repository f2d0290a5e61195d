/** The organisation: university → 基层党委/党总支 → 党支部. */
export const COMMITTEE_KINDS = ['committee', 'general_branch'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  committee: '基层党委',
  general_branch: '党总支',
};

export interface Committee {
  _id: string;
  name: string;
  kind: CommitteeKind;
  /** Display order in lists. */
  order: number;
}

export interface Branch {
  _id: string;
  committeeId: string;
  name: string;
}

export function branchBelongsTo(branch: Pick<Branch, 'committeeId'>, committeeId: string): boolean {
  return branch.committeeId === committeeId;
}
