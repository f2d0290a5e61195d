import { describe, expect, it } from 'vitest';
import { phoneProblem } from './phone';

describe('phoneProblem', () => {
  it('accepts numbers as people write them, hyphens, spaces and extensions included', () => {
    for (const ok of ['0755-86930000', '075586930000', '(0755) 8693 0000', '010-12345678', '0755-86930000-123', '0755-86930000转123', '13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '']) {
      expect(phoneProblem(ok), ok).toBeNull();
    }
  });
  it('names what is wrong with anything else', () => {
    for (const bad of ['12345', '1380013800', '8693000', '0755-869', '电话0755', '0755-86930000-1234567', '23800138000']) {
      expect(phoneProblem(bad), bad).toMatch(/联系电话/);
    }
    expect(phoneProblem('电话0755')).toContain('只能含数字');
  });
});
