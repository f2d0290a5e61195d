import { describe, expect, it } from 'vitest';
import { nestQuotes, officialSpans, unbreakableSpans, WORD_JOINER } from './typography';

describe('nestQuotes (GB/T 15834)', () => {
  it('makes quotes inside quotes single, and inside those double again', () => {
    expect(nestQuotes('决定对““红色引擎”党建与科研融合工程”等2个项目')).toBe('决定对“‘红色引擎’党建与科研融合工程”等2个项目');
    expect(nestQuotes('“甲“乙“丙”乙”甲”')).toBe('“甲‘乙“丙”乙’甲”');
  });
  it('reads straight quotes as pairs, inside Chinese ones too', () => {
    expect(nestQuotes('"红色引擎"工程')).toBe('“红色引擎”工程');
    expect(nestQuotes('对“"红色引擎"工程”立项')).toBe('对“‘红色引擎’工程”立项');
  });
  it('leaves text alone when its quotes do not pair up, and text without quotes', () => {
    expect(nestQuotes('“红色引擎党建')).toBe('“红色引擎党建');
    expect(nestQuotes('红色”引擎')).toBe('红色”引擎');
    expect(nestQuotes('有目标、有计划')).toBe('有目标、有计划');
    expect(nestQuotes('“有目标、有计划、有成效”')).toBe('“有目标、有计划、有成效”');
  });
});

describe('unbreakableSpans', () => {
  it('keeps each number whole with its unit, joined by a word joiner', () => {
    expect(unbreakableSpans('共计24,691.34元，分两次拨付：立项后拨付50%')).toEqual([
      { text: '共计', whole: false },
      { text: `24,691.34${WORD_JOINER}元`, whole: true },
      { text: '，分两次拨付：立项后拨付', whole: false },
      { text: `50${WORD_JOINER}%`, whole: true },
    ]);
    expect(unbreakableSpans('组〔2027〕3号').map((s) => s.text)).toEqual(['组〔', '2027', '〕', '3', '号']);
    expect(unbreakableSpans('1.5万元').map((s) => s.text)).toEqual([`1.5${WORD_JOINER}万元`]);
  });
  it('gives back text without numbers as one plain span, and nothing for nothing', () => {
    expect(unbreakableSpans('分两次拨付')).toEqual([{ text: '分两次拨付', whole: false }]);
    expect(unbreakableSpans('')).toEqual([]);
  });
  it('changes nothing a reader sees but the quotes', () => {
    const text = '对““红色引擎”工程”拨付10,000.00元';
    expect(officialSpans(text).map((s) => s.text).join('').replaceAll(WORD_JOINER, '')).toBe('对“‘红色引擎’工程”拨付10,000.00元');
  });
});
