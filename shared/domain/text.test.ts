import { describe, expect, it } from 'vitest';
import { charCount, stripControlChars } from './text';

describe('stripControlChars', () => {
  it('drops control characters and lone surrogate halves, keeps tabs, line breaks, Chinese and emoji', () => {
    expect(stripControlChars('党建\u0000品牌\u0007\u007f')).toBe('党建品牌');
    expect(stripControlChars('一\t二\n三')).toBe('一\t二\n三');
    expect(stripControlChars('红旗🚩')).toBe('红旗🚩');
    expect(stripControlChars('a\uD83Db')).toBe('ab');
    expect(stripControlChars('a\uDEA9b')).toBe('ab');
    expect(stripControlChars('\uDEA9\uD83D')).toBe('');
  });
  it('counts code points', () => {
    expect(charCount('党建🚩')).toBe(3);
  });
});
