import { describe, expect, it } from 'vitest';
import { canEditApplication, nextState, PROJECT_STATES } from './state';

describe('the project state machine (this slice)', () => {
  it('submits a draft or a returned application', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('returned', 'submit')).toBe('submitted');
  });

  it('withdraws only an undecided submission, back to a draft', () => {
    expect(nextState('submitted', 'withdraw')).toBe('draft');
    for (const s of PROJECT_STATES.filter((s) => s !== 'submitted')) expect(nextState(s, 'withdraw')).toBeNull();
  });

  it('cannot submit twice or from a decided state', () => {
    for (const s of PROJECT_STATES.filter((s) => s !== 'draft' && s !== 'returned')) expect(nextState(s, 'submit')).toBeNull();
  });

  it('lets the host edit only drafts and returned applications', () => {
    expect(PROJECT_STATES.filter(canEditApplication)).toEqual(['draft', 'returned']);
  });
});
