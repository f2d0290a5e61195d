import { describe, expect, it } from 'vitest';
import { formatYuan, MIN_GRANT_FEN, MIN_GRANT_MESSAGE, parseYuan, splitTranches, sumFen } from './money';

describe('money in fen', () => {
  it('splits a grant into tranches that always add up, the first rounded down', () => {
    expect(splitTranches(2_000_000)).toEqual([1_000_000, 1_000_000]);
    expect(splitTranches(1_000_001)).toEqual([500_000, 500_001]);
    expect(splitTranches(1)).toEqual([0, 1]);
    for (const grant of [0, 3, 99, 12_345_67, 99_999_999]) {
      const [a, b] = splitTranches(grant);
      expect(a + b).toBe(grant);
      expect(a).toBe(Math.floor(grant / 2));
    }
  });

  it('formats yuan with two decimals and thousands separators', () => {
    expect(formatYuan(120_050)).toBe('1,200.50');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(100_000_000)).toBe('1,000,000.00');
  });

  it('parses what people type as yuan into exact fen', () => {
    expect(parseYuan('1200.5')).toBe(120_050);
    expect(parseYuan('1,200.50')).toBe(120_050);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(parseYuan('¥ 30')).toBe(3_000);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('sums without drift', () => {
    expect(sumFen([10, 20, 30])).toBe(60);
    expect(sumFen([])).toBe(0);
  });
});

describe('the smallest grant', () => {
  it('splits into two tranches of at least 1 fen each, and the message names it', () => {
    const [first, second] = splitTranches(MIN_GRANT_FEN);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBeGreaterThanOrEqual(1);
    expect(splitTranches(MIN_GRANT_FEN - 1)[0]).toBe(0);
    expect(MIN_GRANT_MESSAGE).toContain(`${formatYuan(MIN_GRANT_FEN)} 元`);
  });
});
