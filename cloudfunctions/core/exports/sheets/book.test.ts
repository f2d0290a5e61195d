import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '@shared/domain/money';
import { XlsxBook, columnLetter, sheetName } from './book';
import { beijingText, cellValue, yuanOf } from './columns';
import { LINE_PT, MAX_ROW_PT, textUnits, wrappedLines, wrappedRowHeight } from './height';

describe('sheet cells', () => {
  it('writes yuan from integer fen as the number Excel reads from the two-decimal text', () => {
    for (const fen of [0, 1, 5, 10, 99, 100, 10_001, 120_050, 123_456_789, 9_999_999_999]) {
      expect(yuanOf(fen)).toBe(Number(formatYuan(fen).replace(/,/g, '')));
    }
    expect(() => yuanOf(0.5)).toThrow(RangeError);
    expect(cellValue('yuan', 120_050)).toBe(1200.5);
  });

  it('shows instants in Beijing time whatever the server zone', () => {
    expect(beijingText('2026-11-27T16:30:00.000Z')).toBe('2026-11-28 00:30');
    expect(cellValue('instant', null)).toBeNull();
  });

  it('names columns and tabs the way Excel accepts', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(sheetName('a/b:c*d?[e]\u0001')).toBe('a_b_c_d__e_');
    expect(sheetName('长'.repeat(40))).toHaveLength(31);
  });
});

describe('XlsxBook', () => {
  it('writes several sheets with frozen headers, widths, filters and number formats that open back', async () => {
    const book = new XlsxBook({ title: '测试', now: new Date('2026-11-27T02:00:00Z') });
    const one = book.sheet({ name: '一', title: '标题一', subtitle: '说明', columns: [{ header: '序号', width: 6, kind: 'int' }, { header: '金额（元）', width: 9, kind: 'yuan' }] });
    one.add([1, 120_050]);
    one.total(['合计', 120_050]);
    const two = book.sheet({ name: '二', title: '标题二', columns: [{ header: '名称', width: 20, wrap: true }] });
    two.note('暂无数据');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.finish()) as unknown as ArrayBuffer);
    const [a, b] = wb.worksheets;
    expect(a.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(b.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(a.getColumn(2).width).toBe(9.5);
    expect(a.autoFilter).toBe('A3:B3');
    expect(a.getCell('B4').value).toBe(1200.5);
    expect(a.getCell('B4').numFmt).toBe('#,##0.00');
    expect(a.getCell('A5').value).toBe('合计');
    expect(a.getCell('B5').font?.bold).toBe(true);
    expect(b.getCell('A3').value).toBe('暂无数据');
    expect(one.rows).toBe(1);
    expect(two.rows).toBe(0);
  });
});

describe('row heights', () => {
  it('gives a wrapped row the height of its lines, and leaves one-line rows and the default height free', async () => {
    const book = new XlsxBook({ title: '测试', now: new Date('2026-11-27T02:00:00Z') });
    const sheet = book.sheet({ name: '一', title: '标题', columns: [{ header: '序号', width: 6, kind: 'int' }, { header: '项目名称', width: 21, wrap: true }, { header: '支撑材料', width: 36, wrap: true }] });
    sheet.add([1, '短名称', '一份']);
    // 30 Han characters in a column of 20 usable units: 60 units, three lines; the next cell has two paragraphs.
    sheet.add([2, '党'.repeat(30), '材料一.pdf\n材料二.pdf']);
    sheet.add([3, 'x'.repeat(15), '甲\n乙\n丙\n丁\n戊']);
    const bytes = await book.finish();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).height).toBeUndefined();
    expect(ws.getRow(4).height).toBe(3 * LINE_PT + 3);
    expect(ws.getRow(5).height).toBe(5 * LINE_PT + 3);
    // No fixed default height for the sheet: Excel would otherwise show every row at it.
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml.match(/<sheetFormatPr[^>]*>/)?.[0]).not.toContain('customHeight');
  });

  it('counts wide characters twice, wraps each paragraph, and stops at Excel’s tallest row', () => {
    expect(textUnits('ab党建，（）')).toBe(2 + 2 * 5);
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('党'.repeat(5), 11)).toBe(1);
    expect(wrappedLines('党'.repeat(6), 11)).toBe(2);
    expect(wrappedLines('一\n\n二', 10)).toBe(3);
    expect(wrappedRowHeight([{ text: '短', width: 20 }])).toBeNull();
    expect(wrappedRowHeight([{ text: '党'.repeat(10_000), width: 20 }])).toBe(MAX_ROW_PT);
  });
});
