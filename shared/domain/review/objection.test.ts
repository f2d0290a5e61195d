import { describe, expect, it } from 'vitest';
import { findingMessage, findingProblems, findingText, objectionAwaitsFinding } from './objection';

describe('异议处理', () => {
  it('an objection waits until a finding is recorded', () => {
    expect(objectionAwaitsFinding({})).toBe(true);
    expect(objectionAwaitsFinding({ finding: null })).toBe(true);
    expect(objectionAwaitsFinding({ finding: { verdict: 'dismissed', remedy: null, reason: '经核实不属实', by: 'u', at: '2027-01-10T00:00:00Z' } })).toBe(false);
  });

  it('names every problem of a finding as entered', () => {
    expect(findingProblems({ verdict: null, remedy: null, reason: '' })).toEqual(['请选择异议成立或不成立', '请写明核实情况和理由']);
    expect(findingProblems({ verdict: 'upheld', remedy: null, reason: '属实' })).toEqual(['异议成立时请选择不予立项或予以更正']);
    expect(findingProblems({ verdict: 'dismissed', remedy: 'reject', reason: '不属实' })).toEqual(['异议不成立时不需选择处理方式']);
    expect(findingProblems({ verdict: 'upheld', remedy: 'correct', reason: '团队成员已调整' })).toEqual([]);
  });

  it('tells the objector the outcome and the reason', () => {
    expect(findingText({ verdict: 'upheld', remedy: 'reject' })).toBe('异议成立，不予立项');
    expect(findingText({ verdict: 'dismissed', remedy: null })).toBe('异议不成立');
    expect(findingMessage('康复', { verdict: 'dismissed', remedy: null, reason: '成员仍在读' }).body).toBe('核实结果：异议不成立。理由：成员仍在读');
  });
});
