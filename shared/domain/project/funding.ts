import { formatYuan, isFen, splitTranches, sumFen, type Fen } from '../money';
import { PROJECT_STATE_LABELS, type ProjectState } from './state';

/**
 * 培育经费 (notice 三(二)2–3): paid in two tranches — 立项拨付50%, 中期验收通过拨付50% — none
 * after a failed midterm; spent 专款专用, never beyond what has been paid without an override.
 */
export const TRANCHES = [1, 2] as const;
export type Tranche = (typeof TRANCHES)[number];

/** The tranches paid when `count` are: they are paid in order (checkDisbursement), tranche 1 first. */
export const firstTranches = (count: number): Tranche[] => TRANCHES.slice(0, Math.max(0, count));

export const TRANCHE_LABELS: Record<Tranche, string> = { 1: '第一笔经费（立项拨付）', 2: '第二笔经费（中期验收通过后拨付）' };

/** Tranche 1 is floor(50%), tranche 2 the rest: they always add up to the grant. */
export function tranchesFor(grant: Fen): Readonly<Record<Tranche, Fen>> {
  const [first, second] = splitTranches(grant);
  return { 1: first, 2: second };
}

const TRANCHE_STATES: Record<Tranche, readonly ProjectState[]> = {
  1: ['approved', 'cultivating'],
  // Owed from the passed midterm until the books close with the 结项 decision.
  2: ['cultivating', 'final_review'],
};

export type DisbursementRefusal = 'INVALID_TRANSITION' | 'TOO_EARLY' | 'ALREADY_EXISTS' | 'VALIDATION';
export type DisbursementCheck = { ok: true } | { ok: false; code: DisbursementRefusal; message: string };

export interface DisbursementRequest {
  tranche: Tranche;
  amountFen: Fen;
  grant: Fen;
  state: ProjectState;
  midtermPassed: boolean;
  /** Tranches already recorded as paid. */
  alreadyPaid: readonly Tranche[];
}

const refuse = (code: DisbursementRefusal, message: string): DisbursementCheck => ({ ok: false, code, message });

/** Whether the 组织部 may record this tranche now, for exactly its amount. */
export function checkDisbursement(req: DisbursementRequest): DisbursementCheck {
  const { tranche, amountFen, grant, state, midtermPassed, alreadyPaid } = req;
  const label = TRANCHE_LABELS[tranche];
  if (state === 'terminated') return refuse('INVALID_TRANSITION', '项目未通过中期验收已终止，不再拨付余下经费。');
  if (alreadyPaid.includes(tranche)) return refuse('ALREADY_EXISTS', `${label}已拨付，不能重复拨付。`);
  if (tranche === 2 && state === 'cultivating' && !midtermPassed) {
    return refuse('TOO_EARLY', '中期验收通过后才能拨付第二笔经费。');
  }
  if (!TRANCHE_STATES[tranche].includes(state)) {
    return refuse('INVALID_TRANSITION', `项目当前为「${PROJECT_STATE_LABELS[state]}」，不能拨付${label}。`);
  }
  if (tranche === 2 && !alreadyPaid.includes(1)) return refuse('TOO_EARLY', '请先拨付第一笔经费。');
  const due = tranchesFor(grant)[tranche];
  if (!isFen(amountFen) || amountFen !== due) {
    const typed = isFen(amountFen) ? `${formatYuan(amountFen)} 元` : '填写的金额';
    return refuse('VALIDATION', `${label}应为 ${formatYuan(due)} 元，${typed}与之不符。`);
  }
  return { ok: true };
}

export interface FundingInput {
  grant: Fen;
  disbursements: readonly { tranche: Tranche; amountFen: Fen }[];
  expenses: readonly { amountFen: Fen }[];
  /** 配套经费 the committee added to the project. */
  matchingFen?: Fen;
  state: ProjectState;
  midtermPassed: boolean;
}

export interface FundingStatus {
  grant: Fen;
  tranches: Readonly<Record<Tranche, Fen>>;
  paidTranches: Tranche[];
  /** Paid by the 组织部 so far. */
  paid: Fen;
  matching: Fen;
  spent: Fen;
  /** paid + matching − spent; negative only after an overridden expense. */
  available: Fen;
  /** Grant not yet paid; after termination it will never be. */
  unpaid: Fen;
  /** The tranche the 组织部 should pay now, if any. */
  dueTranche: Tranche | null;
}

export function fundingStatus(input: FundingInput): FundingStatus {
  const { grant, disbursements, expenses, state, midtermPassed } = input;
  const matching = input.matchingFen ?? 0;
  const tranches = tranchesFor(grant);
  const paidTranches = TRANCHES.filter((t) => disbursements.some((d) => d.tranche === t));
  const paid = sumFen(disbursements.map((d) => d.amountFen));
  const spent = sumFen(expenses.map((e) => e.amountFen));
  const dueTranche = trancheDue({ grant, state, midtermPassed, paidTranches });
  return { grant, tranches, paidTranches, paid, matching, spent, available: paid + matching - spent, unpaid: grant - paid, dueTranche };
}

/** The tranche the 组织部 should pay now, if any: the first one checkDisbursement would accept for its amount. */
export function trancheDue(input: { grant: Fen; state: ProjectState; midtermPassed: boolean; paidTranches: readonly Tranche[] }): Tranche | null {
  const { grant, state, midtermPassed, paidTranches } = input;
  const tranches = tranchesFor(grant);
  return TRANCHES.find((tranche) => checkDisbursement({ tranche, amountFen: tranches[tranche], grant, state, midtermPassed, alreadyPaid: paidTranches }).ok) ?? null;
}

export type ExpenseCheck =
  | { ok: true; overridden: false }
  | { ok: true; overridden: true; reason: string; excessFen: Fen }
  | { ok: false; code: 'VALIDATION' | 'EXCEEDS_PAID'; message: string };

export interface ExpenseRequest {
  amountFen: Fen;
  /** What the project has received: paid tranches plus any matching funds in hand. */
  paidFen: Fen;
  spentFen: Fen;
  /** An explicit, audited decision to record spending beyond what has been paid. */
  override?: { reason: string };
}

/** 专款专用: an expense may not take spending beyond what has been paid unless overridden with a reason. */
export function checkExpense(req: ExpenseRequest): ExpenseCheck {
  const { amountFen, paidFen, spentFen, override } = req;
  if (!isFen(amountFen) || amountFen === 0) {
    return { ok: false, code: 'VALIDATION', message: '支出金额须为大于 0 的金额，精确到分。' };
  }
  const excessFen = spentFen + amountFen - paidFen;
  if (excessFen <= 0) return { ok: true, overridden: false };
  if (override) {
    const reason = override.reason.trim();
    if (!reason) return { ok: false, code: 'VALIDATION', message: '超出已拨付经费记录支出，须填写理由。' };
    return { ok: true, overridden: true, reason, excessFen };
  }
  const left = Math.max(paidFen - spentFen, 0);
  return {
    ok: false,
    code: 'EXCEEDS_PAID',
    message: `本笔支出 ${formatYuan(amountFen)} 元超出可用经费 ${formatYuan(left)} 元（已拨付 ${formatYuan(paidFen)} 元，已支出 ${formatYuan(spentFen)} 元）。经费专款专用，超出部分须说明理由后方可记录。`,
  };
}

/**
 * A tranche's note as people read it after the tranche's name: nothing when the name says it
 * already («第一笔经费（立项拨付）» with the note «立项拨付» is said once).
 */
export function trancheNote(label: string, note: string): string {
  const n = note.trim();
  return n === '' || label.includes(n) ? '' : n;
}
