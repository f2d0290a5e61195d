import { describe, expect, it } from 'vitest';
import { checkDisbursement, checkExpense, fundingStatus, trancheNote, tranchesFor, type Tranche } from './funding';
import { PROJECT_STATES, type ProjectState } from './state';

const GRANT = 10_001;

describe('tranches', () => {
  it('pays a grant of 10 001 fen as 5 000 then 5 001', () => {
    expect(tranchesFor(GRANT)).toEqual({ 1: 5_000, 2: 5_001 });
    expect(tranchesFor(2_000_000)).toEqual({ 1: 1_000_000, 2: 1_000_000 });
  });

  it('always adds up to the grant', () => {
    for (const grant of [0, 1, 3, 99, 10_001, 1_234_567]) {
      const t = tranchesFor(grant);
      expect(t[1] + t[2]).toBe(grant);
    }
  });
});

describe('disbursements', () => {
  const base = { grant: GRANT, midtermPassed: false, alreadyPaid: [] as Tranche[] };

  it('pays tranche 1 exactly, once, when approved or cultivating', () => {
    expect(checkDisbursement({ ...base, tranche: 1, amountFen: 5_000, state: 'approved' })).toEqual({ ok: true });
    expect(checkDisbursement({ ...base, tranche: 1, amountFen: 5_000, state: 'cultivating' })).toEqual({ ok: true });
    expect(checkDisbursement({ ...base, tranche: 1, amountFen: 5_000, state: 'approved', alreadyPaid: [1] })).toMatchObject({
      ok: false,
      code: 'ALREADY_EXISTS',
    });
  });

  it('refuses tranche 1 in every other state', () => {
    for (const state of PROJECT_STATES.filter((s) => s !== 'approved' && s !== 'cultivating')) {
      expect(checkDisbursement({ ...base, tranche: 1, amountFen: 5_000, state })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    }
  });

  it('refuses an amount that is not exactly the tranche', () => {
    for (const amountFen of [4_999, 5_001, 10_001, 0, -5_000, 5_000.5]) {
      expect(checkDisbursement({ ...base, tranche: 1, amountFen, state: 'approved' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(checkDisbursement({ ...base, tranche: 1, amountFen: 5_001, state: 'approved' })).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '第一笔经费（立项拨付）应为 50.00 元，50.01 元与之不符。',
    });
  });

  it('pays tranche 2 (5 001 fen) only after the midterm passed and tranche 1 was paid', () => {
    const paid1 = { ...base, alreadyPaid: [1] as Tranche[] };
    expect(checkDisbursement({ ...paid1, tranche: 2, amountFen: 5_001, state: 'cultivating' })).toEqual({
      ok: false,
      code: 'TOO_EARLY',
      message: '中期验收通过后才能拨付第二笔经费。',
    });
    expect(checkDisbursement({ ...paid1, tranche: 2, amountFen: 5_001, state: 'midterm_review' })).toMatchObject({ ok: false });
    expect(checkDisbursement({ ...paid1, tranche: 2, amountFen: 5_001, state: 'cultivating', midtermPassed: true })).toEqual({ ok: true });
    expect(checkDisbursement({ ...paid1, tranche: 2, amountFen: 5_001, state: 'final_review', midtermPassed: true })).toEqual({ ok: true });
    expect(checkDisbursement({ ...paid1, tranche: 2, amountFen: 5_000, state: 'cultivating', midtermPassed: true })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(checkDisbursement({ ...base, tranche: 2, amountFen: 5_001, state: 'cultivating', midtermPassed: true })).toEqual({
      ok: false,
      code: 'TOO_EARLY',
      message: '请先拨付第一笔经费。',
    });
    expect(
      checkDisbursement({ ...base, tranche: 2, amountFen: 5_001, state: 'cultivating', midtermPassed: true, alreadyPaid: [1, 2] }),
    ).toMatchObject({ ok: false, code: 'ALREADY_EXISTS' });
  });

  it('never pays after termination', () => {
    for (const tranche of [1, 2] as const) {
      for (const midtermPassed of [false, true]) {
        expect(
          checkDisbursement({ grant: GRANT, tranche, amountFen: tranchesFor(GRANT)[tranche], state: 'terminated', midtermPassed, alreadyPaid: [1] }),
        ).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: '项目未通过中期验收已终止，不再拨付余下经费。' });
      }
    }
  });
});

describe('funding status', () => {
  const status = (state: ProjectState, midtermPassed: boolean, paid: Tranche[], spent: number[] = [], matchingFen?: number) =>
    fundingStatus({
      grant: GRANT,
      disbursements: paid.map((tranche) => ({ tranche, amountFen: tranchesFor(GRANT)[tranche] })),
      expenses: spent.map((amountFen) => ({ amountFen })),
      ...(matchingFen === undefined ? {} : { matchingFen }),
      state,
      midtermPassed,
    });

  it('has nothing due before approval', () => {
    expect(status('in_publicity', false, []).dueTranche).toBeNull();
  });

  it('owes tranche 1 at approval', () => {
    expect(status('approved', false, [])).toMatchObject({ dueTranche: 1, paid: 0, unpaid: 10_001, available: 0 });
  });

  it('owes nothing while cultivating before the midterm, then tranche 2 once it passed', () => {
    expect(status('cultivating', false, [1]).dueTranche).toBeNull();
    expect(status('midterm_review', false, [1]).dueTranche).toBeNull();
    expect(status('cultivating', true, [1]).dueTranche).toBe(2);
    expect(status('cultivating', true, [1, 2])).toMatchObject({ dueTranche: null, paid: 10_001, unpaid: 0 });
  });

  it('owes nothing after termination, and the rest is never paid', () => {
    expect(status('terminated', false, [1])).toMatchObject({ dueTranche: null, paid: 5_000, unpaid: 5_001 });
  });

  it('counts paid, matching, spent and available in fen', () => {
    expect(status('cultivating', true, [1, 2], [1_000, 2_500], 3_000)).toMatchObject({
      paid: 10_001,
      matching: 3_000,
      spent: 3_500,
      available: 9_501,
      paidTranches: [1, 2],
      tranches: { 1: 5_000, 2: 5_001 },
    });
  });
});

describe('expenses (专款专用)', () => {
  it('records spending up to what has been paid', () => {
    expect(checkExpense({ amountFen: 5_000, paidFen: 5_000, spentFen: 0 })).toEqual({ ok: true, overridden: false });
    expect(checkExpense({ amountFen: 1, paidFen: 5_000, spentFen: 4_999 })).toEqual({ ok: true, overridden: false });
  });

  it('refuses spending beyond what has been paid without an override', () => {
    expect(checkExpense({ amountFen: 5_001, paidFen: 5_000, spentFen: 0 })).toMatchObject({ ok: false, code: 'EXCEEDS_PAID' });
    const check = checkExpense({ amountFen: 2, paidFen: 5_000, spentFen: 4_999 });
    expect(check).toEqual({
      ok: false,
      code: 'EXCEEDS_PAID',
      message: '本笔支出 0.02 元超出可用经费 0.01 元（已拨付 50.00 元，已支出 49.99 元）。经费专款专用，超出部分须说明理由后方可记录。',
    });
  });

  it('accepts it with an explicit override that gives a reason, and reports the excess', () => {
    expect(checkExpense({ amountFen: 5_001, paidFen: 5_000, spentFen: 0, override: { reason: ' 第二笔经费在途，先行垫付 ' } })).toEqual({
      ok: true,
      overridden: true,
      reason: '第二笔经费在途，先行垫付',
      excessFen: 1,
    });
    expect(checkExpense({ amountFen: 5_001, paidFen: 5_000, spentFen: 0, override: { reason: '  ' } })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('refuses amounts that are not positive whole fen', () => {
    for (const amountFen of [0, -1, 1.5, Number.NaN]) {
      expect(checkExpense({ amountFen, paidFen: 5_000, spentFen: 0 })).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });
});

describe('trancheNote', () => {
  it('says a note once: nothing when the tranche name says it already', () => {
    expect(trancheNote('第一笔经费（立项拨付）', '立项拨付')).toBe('');
    expect(trancheNote('第一笔经费（立项拨付）', ' 财务凭证 记-0315 ')).toBe('财务凭证 记-0315');
    expect(trancheNote('第二笔经费（中期验收通过后拨付）', '')).toBe('');
  });
});
