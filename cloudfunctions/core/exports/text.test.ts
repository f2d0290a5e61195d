import { describe, expect, it } from 'vitest';
import { EXCEL_CELL_MAX, exportFileName, officeText } from './text';

describe('officeText', () => {
  it('drops characters XML forbids and keeps Chinese, emoji, tabs and line breaks', () => {
    expect(officeText('党建\u0000品牌\u0007\u001f\uFFFE')).toBe('党建品牌');
    expect(officeText('第一行\r\n第二行\t甲')).toBe('第一行\n第二行\t甲');
    expect(officeText('红旗🚩')).toBe('红旗🚩');
    expect(officeText('a\uD800b\uDC00c')).toBe('abc');
    expect(officeText('一\n二', { keepBreaks: false })).toBe('一 二');
  });
  it('turns null and numbers into text and cuts long text on a code point', () => {
    expect(officeText(null)).toBe('');
    expect(officeText(12.5)).toBe('12.5');
    const long = officeText('🚩'.repeat(EXCEL_CELL_MAX));
    expect(long.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(long)).toBe(false);
  });
  it('makes file names without path characters', () => {
    expect(exportFileName('2026年/第一批 申报汇总', 'xlsx')).toBe('2026年_第一批 申报汇总.xlsx');
    expect(exportFileName('\u0000', 'docx')).toBe('导出.docx');
  });
});
