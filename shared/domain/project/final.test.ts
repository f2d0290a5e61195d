import { describe, expect, it } from 'vitest';
import { finalIsEmpty, finalProblems, finalProblemsText, finalReady } from './final';

describe('结项 ready', () => {
  it('needs a summary and at least one named outcome', () => {
    expect(finalReady({ summary: '总结', outcomes: [{ title: '案例' }] })).toBe(true);
    expect(finalReady(null)).toBe(false);
    expect(finalReady({ summary: ' ', outcomes: [{ title: '案例' }] })).toBe(false);
    expect(finalReady({ summary: '总结', outcomes: [] })).toBe(false);
  });

  it('an outcome whose name was cleared is not ready, and the problem names that outcome', () => {
    const problems = finalProblems({ summary: '总结', outcomes: [{ title: '' }] });
    expect(problems.map((p) => p.field)).toEqual(['outcome-0', 'outcomes']);
    expect(finalProblemsText(problems)).toBe('第 1 项成果的成果名称未填写；建设成果至少登记一项');
    expect(finalReady({ summary: '总结', outcomes: [{ title: '案例' }, { title: '' }] })).toBe(false);
  });

  it('names every problem of an empty report', () => {
    expect(finalProblemsText(finalProblems({ summary: '', outcomes: [] }))).toBe('结项总结未填写；建设成果至少登记一项');
    expect(finalIsEmpty({ summary: '', outcomes: [] })).toBe(true);
    expect(finalIsEmpty({ summary: '', outcomes: [{ title: '' }] })).toBe(false);
  });
});
