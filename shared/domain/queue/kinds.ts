/**
 * 我的待办: every kind of work that can wait on a person (DESIGN.md "Work waiting on a person").
 * Adding a kind is one entry here, its rule in rules.ts, and its reader on the server
 * (cloudfunctions/core/procedures/reminders/queue.ts).
 */
export const QUEUE_KINDS = [
  // With a deadline, and reminded before it (shared/domain/reminders/duty.ts).
  'submitDraft',
  'decideApplications',
  'scoreReviews',
  'midtermMaterials',
  'finalMaterials',
  'submitBrandReport',
  // The 组织部, without a calendar date (or with the acceptance's own date).
  'recognizeBrand',
  'payFirstTranche',
  'paySecondTranche',
  'acceptMidterm',
  'acceptFinal',
  'answerObjection',
  'confirmIdentityLate',
  // A secretary.
  'confirmIdentity',
  // A host.
  'recordExpenses',
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** The places of the desk's side navigation a queue item counts towards (nav.ts keys); null: only 我的待办. */
export type QueuePlace = 'library' | 'funded' | 'round' | 'members' | 'inbox' | 'review' | null;

export interface QueueKindInfo {
  /** What the work is, as a group heading on the desk home. */
  label: string;
  /** Who does it, for ordering the desk home (the role the person acts in first). */
  role: 'admin' | 'secretary' | 'reviewer' | 'member';
  place: QueuePlace;
}

export const QUEUE_KIND_INFO: Record<QueueKind, QueueKindInfo> = {
  recognizeBrand: { label: '品牌认定', role: 'admin', place: 'library' },
  payFirstTranche: { label: '拨付第一笔经费', role: 'admin', place: 'funded' },
  paySecondTranche: { label: '拨付第二笔经费', role: 'admin', place: 'funded' },
  acceptMidterm: { label: '中期验收', role: 'admin', place: 'funded' },
  acceptFinal: { label: '结项验收与答辩', role: 'admin', place: 'funded' },
  answerObjection: { label: '公示异议', role: 'admin', place: 'round' },
  confirmIdentityLate: { label: '超过 7 天未确认的身份', role: 'admin', place: 'members' },
  decideApplications: { label: '审核申报', role: 'secretary', place: 'inbox' },
  confirmIdentity: { label: '人员身份确认', role: 'secretary', place: 'members' },
  submitBrandReport: { label: '党建品牌报告', role: 'secretary', place: null },
  scoreReviews: { label: '评审打分', role: 'reviewer', place: 'review' },
  submitDraft: { label: '提交申报', role: 'member', place: null },
  midtermMaterials: { label: '中期验收材料', role: 'member', place: null },
  finalMaterials: { label: '结项验收材料', role: 'member', place: null },
  recordExpenses: { label: '登记经费支出', role: 'member', place: null },
};

const ROLE_ORDER = ['admin', 'secretary', 'reviewer', 'member'] as const;

/** Kinds in the order the desk home shows their groups: the 组织部's first, a member's last. */
export const QUEUE_KIND_ORDER: readonly QueueKind[] = ROLE_ORDER.flatMap((role) => QUEUE_KINDS.filter((k) => QUEUE_KIND_INFO[k].role === role));
