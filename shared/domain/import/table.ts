/**
 * Reading an import sheet (.xlsx) once the server has turned it into plain cells: the rules are
 * here, pure, so the phone can show the same wording and tests need no file. Row 1 is the title,
 * row 2 the header (exactly the template's, in order), data from row 3 down with no blank row in
 * the middle. Every problem names its row and column as Excel shows them ("第5行 C列").
 */

/** One cell as the server read it. Rich text arrives as text; dates and errors as 'other'. */
export type SheetCell =
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'formula' }
  /** A cell inside a merged range (other than its top-left one), or the top-left one itself. */
  | { t: 'merged' }
  | { t: 'other' };

export const PROBLEM_CODES = [
  'NO_FILE',
  'NOT_XLSX',
  'NO_SHEET',
  'BAD_HEADER',
  'TOO_MANY_ROWS',
  'EMPTY_SHEET',
  'BLANK_ROW',
  'MERGED_CELL',
  'FORMULA',
  'NUMBER_AS_TEXT',
  'REQUIRED',
  'BAD_VALUE',
  'DUPLICATE_CODE',
  'DUPLICATE_PERSON',
  'UNKNOWN_COMMITTEE',
  'UNKNOWN_BRANCH',
  'CLOSED_UNIT',
  'BRANCH_MOVED',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ProblemCode;
  /** The sheet's row number as Excel shows it; null for the whole file. */
  row: number | null;
  /** The column's letter ("C"); null for a whole row or the file. */
  column: string | null;
  /** Chinese, naming the place and what to do. */
  message: string;
}

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export type ColumnKind = 'text' | 'code' | 'staffNo' | 'int' | 'choice';

export interface ColumnRule {
  key: string;
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** For 'choice': the values a cell may hold (the template offers them as a drop-down). */
  choices?: readonly string[];
  /** Shown in the 说明 sheet. */
  note: string;
  width: number;
}

export interface SheetRules {
  /** The worksheet the data is on (the 说明 sheet beside it is ignored). */
  sheet: string;
  title: string;
  columns: readonly ColumnRule[];
  /** Data rows allowed (documented in the 说明 sheet and the README). */
  maxRows: number;
}

export type CellValue = string | number | null;

export interface TableRow {
  row: number;
  values: Record<string, CellValue>;
}

/** "A", "B", … "AA": the letter of the n-th column (1-based). */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export function place(row: number | null, column: ColumnRule | null, index?: number): string {
  const col = column && index !== undefined ? ` ${columnLetter(index + 1)}列（${column.header}）` : '';
  return row === null ? '' : `第${row}行${col}`;
}

export function problem(code: ProblemCode, row: number | null, column: string | null, message: string): ImportProblem {
  return { code, row, column, message };
}

const isBlank = (c: SheetCell | undefined) => !c || c.t === 'empty' || (c.t === 'text' && c.v.trim() === '');

/** The header row as text, for comparing with the template's. */
function headerText(c: SheetCell | undefined): string {
  if (!c) return '';
  if (c.t === 'text') return c.v.trim();
  if (c.t === 'number') return String(c.v);
  return c.t === 'empty' ? '' : `（${c.t === 'merged' ? '合并单元格' : c.t === 'formula' ? '公式' : '非文字'}）`;
}

/**
 * Checks the header and the cells, and answers the data rows (values trimmed) with every problem
 * found. Rows after the last non-blank one are ignored; a blank one before it is a problem.
 * `rows[i]` is the sheet's row i + 1.
 */
export function readTable(rules: SheetRules, rows: readonly (readonly SheetCell[])[]): { rows: TableRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = rows[HEADER_ROW - 1] ?? [];
  const width = rules.columns.length;
  for (let i = 0; i < Math.max(width, header.length); i += 1) {
    const want = rules.columns[i]?.header ?? '';
    const got = headerText(header[i]);
    if (got !== want) {
      const message = want
        ? `第${HEADER_ROW}行 ${columnLetter(i + 1)}列的表头应为「${want}」，实为「${got || '空'}」。请使用下载的模板，不要修改、增删或调整列的顺序`
        : `第${HEADER_ROW}行 ${columnLetter(i + 1)}列多出了表头「${got}」。请使用下载的模板，不要增加列`;
      problems.push(problem('BAD_HEADER', HEADER_ROW, columnLetter(i + 1), message));
    }
  }
  if (problems.length) return { rows: [], problems };

  let last = rows.length;
  while (last >= FIRST_DATA_ROW && (rows[last - 1] ?? []).every(isBlank)) last -= 1;
  const count = last - FIRST_DATA_ROW + 1;
  if (count <= 0) return { rows: [], problems: [problem('EMPTY_SHEET', FIRST_DATA_ROW, null, `「${rules.sheet}」表中没有数据：请从第${FIRST_DATA_ROW}行起逐行填写`)] };
  if (count > rules.maxRows) {
    return {
      rows: [],
      problems: [problem('TOO_MANY_ROWS', FIRST_DATA_ROW + rules.maxRows, null, `「${rules.sheet}」表最多${rules.maxRows}行数据，这份有${count}行。请分成几份分别导入`)],
    };
  }

  const out: TableRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= last; r += 1) {
    const cells = rows[r - 1] ?? [];
    if (cells.every(isBlank)) {
      problems.push(problem('BLANK_ROW', r, null, `第${r}行是空行：请删除中间的空行，数据须从第${FIRST_DATA_ROW}行起连续填写`));
      continue;
    }
    const values: Record<string, CellValue> = {};
    let ok = true;
    rules.columns.forEach((col, i) => {
      const c = cells[i] ?? { t: 'empty' };
      const at = place(r, col, i);
      const letter = columnLetter(i + 1);
      const fail = (code: ProblemCode, message: string) => {
        ok = false;
        problems.push(problem(code, r, letter, `${at}：${message}`));
      };
      if (c.t === 'merged') return fail('MERGED_CELL', '是合并单元格。请取消合并，每个单元格各填一项');
      if (c.t === 'formula') return fail('FORMULA', '是公式。请复制后“粘贴为数值”，只保留文字');
      if (c.t === 'other' || c.t === 'bool') return fail('BAD_VALUE', '不是文字。请按文本格式重新填写');
      if (c.t === 'number' && col.kind !== 'int') {
        return fail(
          'NUMBER_AS_TEXT',
          col.kind === 'staffNo' || col.kind === 'code'
            ? `是数字格式（${c.v}），开头的0会丢失。请把该列设为“文本”格式后重新输入，或在前面加英文单引号（'）`
            : `是数字（${c.v}），应为文字。请把该列设为“文本”格式后重新输入`,
        );
      }
      const value = c.t === 'number' ? c.v : c.t === 'text' ? c.v.trim() : '';
      if (value === '') {
        if (col.required) fail('REQUIRED', '不能为空');
        values[col.key] = null;
        return;
      }
      values[col.key] = value;
    });
    if (ok) out.push({ row: r, values });
  }
  return { rows: out, problems };
}
