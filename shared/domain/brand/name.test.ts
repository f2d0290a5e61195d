import { describe, expect, it } from 'vitest';
import { BRAND_NAME_MAX, BRAND_NAME_MESSAGES, brandNameProblem } from './name';

const han = (n: number) => '党'.repeat(n);

describe('brand name length: at most 20 Unicode code points', () => {
  it('is 20', () => {
    expect(BRAND_NAME_MAX).toBe(20);
  });

  it('passes 20 Chinese characters and refuses 21', () => {
    expect(brandNameProblem(han(20))).toBeNull();
    expect(brandNameProblem(han(21))).toBe('too_long');
  });

  it('passes a one-character name', () => {
    expect(brandNameProblem('党')).toBeNull();
  });

  it('counts an emoji outside the BMP as one (not two UTF-16 units)', () => {
    const flag = '🚩';
    expect(flag.length).toBe(2);
    expect(brandNameProblem(flag.repeat(20))).toBeNull();
    expect(brandNameProblem(flag.repeat(21))).toBe('too_long');
    expect(brandNameProblem(han(19) + flag)).toBeNull();
    expect(brandNameProblem(han(20) + flag)).toBe('too_long');
  });

  it('counts an emoji with a skin-tone modifier as two code points', () => {
    const thumb = '👍🏽'; // U+1F44D U+1F3FD
    expect(Array.from(thumb)).toHaveLength(2);
    expect(brandNameProblem(thumb.repeat(10))).toBeNull(); // 20 code points
    expect(brandNameProblem(thumb.repeat(10) + '党')).toBe('too_long'); // 21
    expect(brandNameProblem(han(18) + thumb)).toBeNull(); // 20
    expect(brandNameProblem(han(19) + thumb)).toBe('too_long'); // 21
  });

  it('counts a ZWJ family emoji by its code points (5)', () => {
    const family = '👨‍👩‍👧'; // man ZWJ woman ZWJ girl
    expect(Array.from(family)).toHaveLength(5);
    expect(brandNameProblem(han(15) + family)).toBeNull();
    expect(brandNameProblem(han(16) + family)).toBe('too_long');
  });

  it('mixes Latin letters, digits and Chinese by code point', () => {
    expect(brandNameProblem('AI+党建2026红色引擎工作室先锋行')).toBeNull();
    expect(brandNameProblem('a'.repeat(20))).toBeNull();
    expect(brandNameProblem('a'.repeat(21))).toBe('too_long');
  });
});

describe('brand name trimming', () => {
  it('trims surrounding whitespace before counting', () => {
    expect(brandNameProblem(`   ${han(20)}   `)).toBeNull();
    expect(brandNameProblem(`\t${han(20)}\t`)).toBeNull();
    expect(brandNameProblem(`\u3000${han(20)}\u3000`)).toBeNull(); // full-width space
    expect(brandNameProblem(`  ${han(21)}  `)).toBe('too_long');
  });

  it('trims surrounding line breaks: only a break inside the name is refused', () => {
    expect(brandNameProblem(`${han(5)}\n`)).toBeNull();
    expect(brandNameProblem(`\r\n${han(5)}\r\n`)).toBeNull();
  });

  it('counts inner spaces', () => {
    expect(brandNameProblem(`${han(10)} ${han(9)}`)).toBeNull(); // 20
    expect(brandNameProblem(`${han(10)} ${han(10)}`)).toBe('too_long'); // 21
  });
});

describe('empty names', () => {
  it.each(['', ' ', '   ', '\t', '\u3000', '\n', '\r\n \u2028'])('%j is empty', (raw) => {
    expect(brandNameProblem(raw)).toBe('empty');
  });
});

describe('line breaks inside the name', () => {
  it.each([
    ['\\n', '红色\n引擎'],
    ['\\r\\n', '红色\r\n引擎'],
    ['\\r', '红色\r引擎'],
    ['\\u2028', '红色\u2028引擎'],
    ['\\u2029', '红色\u2029引擎'],
  ])('refuses %s', (_label, raw) => {
    expect(brandNameProblem(raw)).toBe('line_break');
  });

  it('reports the line break before the length', () => {
    expect(brandNameProblem(`${han(20)}\n${han(20)}`)).toBe('line_break');
  });
});

describe('messages', () => {
  it('has a Chinese message for each problem', () => {
    expect(BRAND_NAME_MESSAGES).toEqual({
      empty: '请填写品牌名称',
      too_long: '品牌名称不能超过20个字',
      line_break: '品牌名称不能换行',
    });
  });
});
