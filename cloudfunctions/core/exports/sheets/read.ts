import { problem, type ImportProblem, type SheetCell, type SheetRules } from '@shared/domain/import/table';
import { ExcelJS } from './excel';

/**
 * An uploaded .xlsx turned into plain cells for the import rules (shared/domain/import). Only the
 * sheet named in the rules is read; a file that is not an .xlsx (whatever its name says) or lacks
 * that sheet answers a problem instead.
 */
export type ReadSheet = { cells: SheetCell[][]; problem: null } | { cells: null; problem: ImportProblem };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const notXlsx = (why: string): ReadSheet => ({ cells: null, problem: problem('NOT_XLSX', null, null, `${why}。请上传用本系统模板填写、以 Excel（.xlsx）格式保存的文件`) });

function cellOf(cell: ExcelJS.Cell): SheetCell {
  const V = ExcelJS.ValueType;
  if (cell.type === V.Merge) return { t: 'merged' };
  if (cell.isMerged) return { t: 'merged' };
  switch (cell.type) {
    case V.Null:
      return { t: 'empty' };
    case V.Number:
      return { t: 'number', v: cell.value as number };
    case V.String:
    case V.SharedString:
    case V.RichText:
    case V.Hyperlink:
      return { t: 'text', v: cell.text };
    case V.Formula:
      return { t: 'formula' };
    case V.Boolean:
      return { t: 'bool', v: cell.value === true };
    default:
      return { t: 'other' };
  }
}

export async function readSheet(bytes: Uint8Array, rules: SheetRules): Promise<ReadSheet> {
  if (!ZIP.every((b, i) => bytes[i] === b)) return notXlsx('这不是 .xlsx 文件（可能是改了扩展名的其他文件，或旧版 .xls）');
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types want an ArrayBuffer; it reads any Node buffer (JSZip underneath).
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return notXlsx('文件无法作为 Excel 工作簿打开');
  }
  const ws = wb.getWorksheet(rules.sheet);
  if (!ws) {
    return { cells: null, problem: problem('NO_SHEET', null, null, `文件中没有名为「${rules.sheet}」的工作表。请下载本系统的模板，在「${rules.sheet}」表中填写，不要改工作表的名字`) };
  }
  const width = rules.columns.length;
  const cells: SheetCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    // The header row is read past the template's width, so an added column is reported.
    const n = r === 2 ? Math.max(width, row.cellCount) : width;
    const out: SheetCell[] = [];
    for (let c = 1; c <= n; c += 1) out.push(r === 1 ? { t: 'empty' } : cellOf(row.getCell(c)));
    cells.push(out);
  }
  return { cells, problem: null };
}
