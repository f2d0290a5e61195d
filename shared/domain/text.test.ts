import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charCount, stripControlChars } from './text';

/** The rule, written another way: walk the code points, drop controls and unpaired halves. */
function byCodePoints(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      const control = (c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
      const strayHalf = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
      return !control && !strayHalf;
    })
    .join('');
}

describe('stripControlChars', () => {
  it('drops control characters and lone surrogate halves, keeps tabs, line breaks, Chinese and emoji', () => {
    expect(stripControlChars('党建\u0000品牌\u0007\u007f')).toBe('党建品牌');
    expect(stripControlChars('一\t二\n三')).toBe('一\t二\n三');
    expect(stripControlChars('一\r\n二')).toBe('一\r\n二');
    expect(stripControlChars('红旗🚩')).toBe('红旗🚩');
    expect(stripControlChars('a\uD83Db')).toBe('ab');
    expect(stripControlChars('a\uDEA9b')).toBe('ab');
    expect(stripControlChars('\uDEA9\uD83D')).toBe('');
  });

  it('keeps a pair after a stray high half, and drops a stray low half after a pair', () => {
    expect(stripControlChars('\uD83D\uD83D\uDEA9')).toBe('🚩');
    expect(stripControlChars('🚩\uDEA9')).toBe('🚩');
    expect(stripControlChars('🚩\uD83D')).toBe('🚩');
    expect(stripControlChars('\uDEA9🚩\uD83D')).toBe('🚩');
  });

  it('drops lone halves at either end and keeps rare characters outside the BMP', () => {
    expect(stripControlChars('\uD83D党')).toBe('党');
    expect(stripControlChars('党\uDEA9')).toBe('党');
    expect(stripControlChars('\uD842\uDFB7野家')).toBe('𠮷野家');
    expect(stripControlChars('\u0000\uD842\u0000\uDFB7')).toBe('');
  });

  it('agrees with a walk over code points on any mix of halves, controls and text', () => {
    const unit = fc.oneof(
      fc.constantFrom('\uD83D', '\uDEA9', '\uD842', '\uDFB7', '\u0000', '\u001F', '\u007F', '\t', '\n', '\r', '党', 'a', '🚩'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), (text) => {
        const out = stripControlChars(text);
        expect(out).toBe(byCodePoints(text));
        expect(byCodePoints(out)).toBe(out);
        expect(stripControlChars(out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });

  it('counts code points', () => {
    expect(charCount('党建🚩')).toBe(3);
  });
});
