// Filled-in import sheets, written with exceljs as a university's staff would fill the template:
// a title row, the template's header, data from row 3, 工号 as text. Used by the unit tests, the
// go-live browser test and the import benchmark.
import ExcelJS from 'exceljs';
import { ORG_RULES } from '@shared/domain/import/org-sheet';
import { ROSTER_RULES } from '@shared/domain/import/roster-sheet';
import type { SheetRules } from '@shared/domain/import/table';

export type CellIn = string | number | null | { formula: string };

export async function sheetBytes(rules: SheetRules, rows: CellIn[][], tweak?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(rules.sheet);
  ws.addRow([rules.title]);
  ws.addRow(rules.columns.map((c) => c.header));
  for (const r of rows) ws.addRow(r.map((v) => (v !== null && typeof v === 'object' ? { formula: v.formula, result: '' } : v)));
  tweak?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const committeeCode = (c: number) => `C${String(c + 1).padStart(3, '0')}`;
export const branchCode = (c: number, b: number) => `${committeeCode(c)}B${String(b + 1).padStart(3, '0')}`;

/** `committees` committees of `branchesEach` branches each, in the org sheet's layout. */
export function orgRowsFor(committees: number, branchesEach: number): CellIn[][] {
  const rows: CellIn[][] = [];
  for (let c = 0; c < committees; c += 1) {
    rows.push([c % 7 === 6 ? '党总支' : '基层党委', committeeCode(c), `第${c + 1}学院党委`, null, c + 1, '正常']);
    for (let b = 0; b < branchesEach; b += 1) rows.push(['党支部', branchCode(c, b), `第${c + 1}学院第${b + 1}党支部`, committeeCode(c), b + 1, '正常']);
  }
  return rows;
}

export interface RosterPerson {
  name: string;
  staffNo: string;
  kind: '教职工' | '学生';
  committee: string;
  branch: string;
  secretary: boolean;
  reviewer: boolean;
}

/** `n` people spread over the units: one secretary per committee (its first person), every 50th a reviewer. */
export function rosterPeople(n: number, committees: number, branchesEach: number): RosterPerson[] {
  const out: RosterPerson[] = [];
  for (let i = 0; i < n; i += 1) {
    const c = i % committees;
    const b = Math.floor(i / committees) % branchesEach;
    out.push({
      name: `名册人员${i + 1}`,
      staffNo: String(i + 1).padStart(8, '0'),
      kind: i % 3 === 0 ? '教职工' : '学生',
      committee: committeeCode(c),
      branch: branchCode(c, b),
      secretary: i < committees,
      reviewer: i % 50 === 49,
    });
  }
  return out;
}

export const rosterRowsFor = (people: RosterPerson[]): CellIn[][] =>
  people.map((p) => [p.name, p.staffNo, p.kind, p.committee, p.branch, '中共正式党员', p.kind === '教职工' ? '是' : '否', p.secretary ? '是' : '否', p.reviewer ? '是' : '否']);

export const orgBook = (committees: number, branchesEach: number) => sheetBytes(ORG_RULES, orgRowsFor(committees, branchesEach));
export const rosterBook = (people: RosterPerson[]) => sheetBytes(ROSTER_RULES, rosterRowsFor(people));
