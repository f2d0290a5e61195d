import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ExportedFile } from '@shared/contracts/common';
import type { User } from '@shared/domain/person';
import type { Project } from '@shared/domain/project/project';
import type { TeamMember } from '@shared/domain/project/team';
import { indexRoles } from '../../services/role-index';
import { COMPLETE_FIELDS, type Harness } from '../../../../test/support/harness';

/** Test fixtures for the sheets area (used by its *.test.ts files only). */

export const uid = (openid: string) => `u_${openid}`;

export const HOST_ME = 'host-me';
export const HOST_CS3 = 'host-cs3';
export const REVIEWER_ART = 'dev-reviewer';
export const REVIEWER_PE = 'rev-pe';

function person(openid: string, name: string, committeeId: string, branchId: string, reviewer = false): Omit<User, 'version'> {
  return {
    _id: uid(openid),
    openid,
    profile: { name, staffNo: `S-${openid}`, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed',
    roles: reviewer ? [{ role: 'member' }, { role: 'reviewer' }] : [{ role: 'member' }],
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

export async function addPeople(h: Harness): Promise<void> {
  for (const u of [
    person(HOST_ME, '吴机电', 'c-me', 'b-me-s1'),
    person(HOST_CS3, '何草稿', 'c-cs', 'b-cs-s2'),
    person(REVIEWER_PE, '周健', 'c-pe', 'b-pe-t1', true),
  ]) {
    await h.store.insert<User>('users', u);
    await indexRoles(h.store, u._id, u.roles);
  }
}

export function tick(h: Harness, minutes = 1): void {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

/** A project drafted and (unless `draft`) submitted through the procedures. */
export async function application(h: Harness, openid: string, title: string, opts: { budgetFen?: number; draft?: boolean } = {}): Promise<Project> {
  tick(h);
  const p = await h.ok(openid, 'project.create', { batchId: 'batch-2026-open' });
  const budget = opts.budgetFen === undefined ? COMPLETE_FIELDS.budget : [{ item: '资料印制费', amountFen: opts.budgetFen }];
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title, budget } });
  if (opts.draft) return stored(h, saved._id);
  const s = await h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
  return stored(h, s._id);
}

export async function stored(h: Harness, id: string): Promise<Project> {
  const p = await h.store.get<Project>('projects', id);
  if (!p) throw new Error(`project ${id} missing`);
  return p;
}

/** A team member who joined (the invitation flow is the team area's; the document is what counts). */
export async function addMember(h: Harness, project: Project, openid: string, name: string, joinedAt: string): Promise<void> {
  await h.store.insert<TeamMember>('teamMembers', {
    _id: `${project._id}:${uid(openid)}`,
    projectId: project._id,
    userId: uid(openid),
    name,
    kind: 'student',
    committeeId: project.committeeId,
    politicalStatus: 'full_member',
    joinedAt,
  });
}

export interface Table {
  ws: ExcelJS.Worksheet;
  /** Row number of the header (the last frozen row). */
  headerRow: number;
  header: string[];
  /** Data rows as header → value, up to the first row without a 序号/排名 or name. */
  rows: Array<Record<string, ExcelJS.CellValue>>;
  /** The cell of a data row (0-based) under a header, to look at its format. */
  cell(row: number, header: string): ExcelJS.Cell;
}

/** Opens an exported .xlsx back with exceljs, as Excel would, and checks what every export shares. */
export async function openExport(h: Harness, file: ExportedFile): Promise<ExcelJS.Workbook> {
  expect(file.fileName).toMatch(/\.xlsx$/);
  const bytes = h.files.bytes(file.url);
  expect(file.size).toBe(bytes.length);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A sheet read as a table: the header is the last frozen row; data rows follow until a blank first column. */
export function table(wb: ExcelJS.Workbook, name: string, dataRows: number): Table {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  expect(view?.state).toBe('frozen');
  const headerRow = view?.ySplit ?? 0;
  expect(headerRow).toBeGreaterThanOrEqual(1);
  const header: string[] = [];
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    header[col - 1] = String(cell.value);
    expect(cell.font?.bold, `header ${cell.value} is bold`).toBe(true);
    expect((cell.fill as ExcelJS.FillPattern | undefined)?.pattern, `header ${cell.value} is filled`).toBe('solid');
  });
  header.forEach((_h, i) => expect(ws.getColumn(i + 1).width, `width of ${header[i]}`).toBeGreaterThan(5));
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let r = headerRow + 1; r < headerRow + 1 + dataRows; r += 1) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(header.map((hd, i) => [hd, row.getCell(i + 1).value])));
  }
  return { ws, headerRow, header, rows, cell: (row, hd) => ws.getRow(headerRow + 1 + row).getCell(header.indexOf(hd) + 1) };
}
