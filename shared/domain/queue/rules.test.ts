import { describe, expect, it } from 'vitest';
import { objectionAwaitsFinding } from '../review/objection';
import { awaitsConfirmation, awaitsFinalDecision, awaitsMidtermDecision, awaitsRecognition, confirmationLate, confirmationLateBefore, expensesToRecord, trancheOwed } from './rules';
import { waitedDays, waitedText } from './wait';

describe('the rules of waiting work', () => {
  it('认定: only a report sent to the 组织部 waits', () => {
    expect(awaitsRecognition({ state: 'submitted' })).toBe(true);
    for (const state of ['draft', 'returned', 'accepted', 'promoted'] as const) expect(awaitsRecognition({ state }), state).toBe(false);
  });

  it('拨付: tranche 1 once approved, tranche 2 only after a passed midterm, none after termination or when paid', () => {
    expect(trancheOwed({ state: 'approved', grantFen: 10_000, tranchesPaid: 0 })).toBe(1);
    expect(trancheOwed({ state: 'approved', grantFen: 10_000 })).toBe(1);
    expect(trancheOwed({ state: 'cultivating', grantFen: 10_000, tranchesPaid: 1, midtermPassed: false })).toBeNull();
    expect(trancheOwed({ state: 'cultivating', grantFen: 10_000, tranchesPaid: 1, midtermPassed: true })).toBe(2);
    expect(trancheOwed({ state: 'final_review', grantFen: 10_000, tranchesPaid: 1, midtermPassed: true })).toBe(2);
    expect(trancheOwed({ state: 'cultivating', grantFen: 10_000, tranchesPaid: 2, midtermPassed: true })).toBeNull();
    expect(trancheOwed({ state: 'terminated', grantFen: 10_000, tranchesPaid: 1 })).toBeNull();
  });

  it('中期 and 结项: the projects whose materials are in', () => {
    expect(awaitsMidtermDecision({ state: 'midterm_review' })).toBe(true);
    expect(awaitsMidtermDecision({ state: 'cultivating' })).toBe(false);
    expect(awaitsFinalDecision({ state: 'final_review' })).toBe(true);
    expect(awaitsFinalDecision({ state: 'concluded' })).toBe(false);
  });

  it('异议: waits until a finding is recorded', () => {
    expect(objectionAwaitsFinding({})).toBe(true);
    expect(objectionAwaitsFinding({ finding: null })).toBe(true);
    expect(objectionAwaitsFinding({ finding: { verdict: 'dismissed', remedy: null, reason: '经核实不属实', by: 'u1', at: '2026-12-01T00:00:00.000Z' } })).toBe(false);
  });

  it('身份: pending waits for the committee; the 组织部 sees it from the 7th calendar day in Beijing time', () => {
    expect(awaitsConfirmation({ profileStatus: 'pending' })).toBe(true);
    expect(awaitsConfirmation({ profileStatus: 'rejected' })).toBe(false);
    // 2026-12-08 09:00 in Beijing: bound on 12-01 (any hour, Beijing) is late, 12-02 is not.
    const now = new Date('2026-12-08T01:00:00Z');
    expect(confirmationLateBefore(now)).toBe('2026-12-01T15:59:59.999Z');
    expect(confirmationLate({ profileStatus: 'pending', createdAt: '2026-12-01T15:59:00.000Z' }, now)).toBe(true);
    expect(confirmationLate({ profileStatus: 'pending', createdAt: '2026-12-01T16:00:00.000Z' }, now)).toBe(false);
    expect(confirmationLate({ profileStatus: 'confirmed', createdAt: '2026-01-01T00:00:00.000Z' }, now)).toBe(false);
  });

  it('支出: a running project that has money and no expense recorded', () => {
    expect(expensesToRecord({ state: 'cultivating', paidFen: 5_000, spentFen: 0 })).toBe(true);
    expect(expensesToRecord({ state: 'cultivating', paidFen: 5_000, spentFen: 10 })).toBe(false);
    expect(expensesToRecord({ state: 'approved', paidFen: 0 })).toBe(false);
    expect(expensesToRecord({ state: 'concluded', paidFen: 5_000, spentFen: 0 })).toBe(false);
  });

  it('counts the wait in Beijing calendar days', () => {
    const now = new Date('2026-12-08T01:00:00Z'); // 09:00 on the 8th in Beijing
    expect(waitedDays('2026-12-07T16:30:00Z', now)).toBe(0); // 00:30 on the 8th there
    expect(waitedDays('2026-12-07T15:30:00Z', now)).toBe(1);
    expect(waitedText(0)).toBe('今天送达');
    expect(waitedText(3)).toBe('已等待 3 天');
  });
});
