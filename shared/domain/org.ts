/** The organisation: university → 基层党委/党总支 → 党支部. */
export const COMMITTEE_KINDS = ['committee', 'general_branch'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  committee: '基层党委',
  general_branch: '党总支',
};

/**
 * A unit's 单位代码 is its `_id`: stable for life (a rename keeps it), so every reference — a
 * profile, a project, a brand, an import sheet — survives renames, and a code can never be given
 * to a second unit. Letters, digits, "-" and "_", starting with a letter or digit.
 */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const UNIT_CODE_HINT = '单位代码须为1至32位字母、数字、“-”或“_”，以字母或数字开头';

export function isUnitCode(code: string): boolean {
  return UNIT_CODE_PATTERN.test(code);
}

export interface Committee {
  _id: string;
  name: string;
  kind: CommitteeKind;
  /** Display order in lists. */
  order: number;
  /**
   * Closed (撤销): a unit that people, projects or brands refer to is never deleted. It accepts no
   * new binding, application or brand; its history stays readable under its last name.
   */
  closed?: boolean;
}

export interface Branch {
  _id: string;
  committeeId: string;
  name: string;
  /** Display order within the committee (absent on older data: by name). */
  order?: number | null;
  closed?: boolean;
}

export function branchBelongsTo(branch: Pick<Branch, 'committeeId'>, committeeId: string): boolean {
  return branch.committeeId === committeeId;
}

export const isOpen = (unit: { closed?: boolean } | null | undefined): boolean => Boolean(unit) && unit?.closed !== true;

/** Branches in display order, by `order` (a stable sort of a list read by name keeps ties and older, unordered branches by name). */
export function compareBranches(a: Pick<Branch, 'order'>, b: Pick<Branch, 'order'>): number {
  return (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER);
}

/** Unit names: what the person sees everywhere, exports included. */
export const UNIT_NAME_MAX = 40;
