import { Writable } from 'node:stream';
import { ExcelJS } from './excel';
import { officeText } from '../text';
import { cellValue, numFmtOf, type CellInput, type ColumnSpec } from './columns';
import { wrappedRowHeight } from './height';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export interface SheetSpec {
  /** The tab's name (cleaned and cut to Excel's 31 characters). */
  name: string;
  /** The first row, merged across the columns: what the list is. */
  title: string;
  /** A second row: scope, export time, counts. */
  subtitle?: string;
  columns: ColumnSpec[];
}

/** Excel refuses tab names with []:*?/\ or longer than 31 characters. */
export function sheetName(name: string): string {
  return officeText(name, { keepBreaks: false }).replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** "A", "B", … "AA": the letter of the n-th column (1-based). */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * One worksheet written row by row through exceljs's streaming writer: a merged title row, an
 * optional subtitle, a bold filled header frozen with everything above it, an auto-filter, then
 * data rows committed as they come (so a long list never sits in memory as cells).
 */
/** The header's row: after the title and the subtitle. */
export const headerRowOf = (spec: SheetSpec) => (spec.subtitle ? 3 : 2);

export class SheetWriter {
  /** Data rows written (not the title, header, notes or totals). */
  rows = 0;
  private readonly columns: ColumnSpec[];
  constructor(private readonly ws: ExcelJS.Worksheet, spec: SheetSpec) {
    this.columns = spec.columns;
    const last = columnLetter(Math.max(spec.columns.length, 1));
    // exceljs leaves out a column of width 9 (its own default), and Excel would show 8.43 instead.
    ws.columns = spec.columns.map((c, i) => ({ key: `c${i}`, width: c.width === 9 ? 9.5 : c.width, ...(c.textFormat ? { style: { numFmt: '@' } } : {}) }));

    const title = ws.addRow([officeText(spec.title, { keepBreaks: false })]);
    title.font = TITLE_FONT;
    title.height = 24;
    ws.mergeCells(`A1:${last}1`);
    title.commit();
    if (spec.subtitle) {
      const sub = ws.addRow([officeText(spec.subtitle, { keepBreaks: false })]);
      sub.font = { color: { argb: 'FF595959' } };
      ws.mergeCells(`A2:${last}2`);
      sub.commit();
    }
    const header = ws.addRow(spec.columns.map((c) => officeText(c.header, { keepBreaks: false })));
    header.eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    header.height = 30;
    header.commit();
  }

  /** A data row: one value per column, converted by the column's kind (yuan columns take fen). */
  add(values: readonly CellInput[]): void {
    this.write(values, false);
    this.rows += 1;
  }

  /** A bold row that is not data (合计). */
  total(values: readonly CellInput[]): void {
    this.write(values, true);
  }

  /** A line of text under the table, e.g. “暂无数据”. */
  note(text: string): void {
    const row = this.ws.addRow([officeText(text)]);
    row.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    row.commit();
  }

  /** A drop-down of fixed values for a column (0-based), from under the header down to `lastRow`. */
  choices(column: number, values: readonly string[], firstRow: number, lastRow: number): void {
    const letter = columnLetter(column + 1);
    if (!hasValidations(this.ws)) throw new Error('this exceljs worksheet keeps no data validations');
    this.ws.dataValidations.add(`${letter}${firstRow}:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从下拉列表中选择',
      error: `可选：${values.join('、')}`,
    });
  }

  commit(): void {
    this.ws.commit();
  }

  private write(values: readonly CellInput[], bold: boolean): void {
    const cells = this.columns.map((c, i) => cellValue(c.kind ?? 'text', values[i]));
    const row = this.ws.addRow(cells);
    this.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const numFmt = numFmtOf(c.kind);
      if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
      if (c.wrap) cell.alignment = { vertical: 'top', wrapText: true };
      if (bold) cell.font = HEADER_FONT;
    });
    const height = wrappedRowHeight(this.columns.flatMap((c, i) => {
      const text = cells[i];
      return c.wrap && typeof text === 'string' ? [{ text, width: c.width }] : [];
    }));
    if (height) row.height = height;
    row.commit();
  }
}

/** exceljs's worksheets keep range validations at run time; its typings only know them per cell. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}
const hasValidations = (ws: unknown): ws is WithValidations => typeof (ws as Partial<WithValidations>).dataValidations?.add === 'function';

/** Collects the zip's bytes: the file port takes the whole file at the end. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  size = 0;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.chunks.push(b);
    this.size += b.length;
    done();
  }
}

/** An .xlsx made of sheets written one after another; `finish` answers its bytes. */
export class XlsxBook {
  private readonly out = new Collector();
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private current: SheetWriter | null = null;

  constructor(meta: { title: string; now: Date }) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false });
    this.wb.creator = '党建品牌与精品项目';
    this.wb.title = officeText(meta.title, { keepBreaks: false });
    this.wb.created = meta.now;
    this.wb.modified = meta.now;
  }

  /** Starts the next sheet; the one before is committed first (the zip takes one sheet at a time). */
  sheet(spec: SheetSpec): SheetWriter {
    this.current?.commit();
    const headerRow = headerRowOf(spec);
    // The streaming writer takes the frozen panes only when the sheet is created.
    const ws = this.wb.addWorksheet(sheetName(spec.name), {
      // No fixed default row height: with one (customHeight) every row shows at it, wrapped text included.
      // Printed as lists are (the 纸质材料包 is printed): A4 landscape, every column on one page's width.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    });
    ws.autoFilter = `A${headerRow}:${columnLetter(Math.max(spec.columns.length, 1))}${headerRow}`;
    this.current = new SheetWriter(ws, spec);
    return this.current;
  }

  async finish(): Promise<Buffer> {
    this.current?.commit();
    await this.wb.commit();
    return Buffer.concat(this.out.chunks, this.out.size);
  }
}
