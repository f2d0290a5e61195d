import { charCount } from '../text';
import { COMMITTEE_KIND_LABELS, compareBranches, isUnitCode, UNIT_CODE_HINT, UNIT_NAME_MAX, type Branch, type Committee, type CommitteeKind } from '../org';
import { columnLetter, place, problem, readTable, type ImportProblem, type SheetCell, type SheetRules, type TableRow } from './table';

export const UNIT_KIND_LABELS = { ...COMMITTEE_KIND_LABELS, branch: '党支部' } as const;
export type UnitKind = keyof typeof UNIT_KIND_LABELS;
const KIND_BY_LABEL = new Map(Object.entries(UNIT_KIND_LABELS).map(([k, v]) => [v, k as UnitKind]));
export const OPEN_LABEL = '正常';
export const CLOSED_LABEL = '已撤销';

export const ORG_RULES: SheetRules = {
  sheet: '组织机构',
  title: '组织机构（基层党委/党总支及其党支部）',
  maxRows: 5_000,
  columns: [
    { key: 'kind', header: '类别', kind: 'choice', required: true, choices: Object.values(UNIT_KIND_LABELS), note: '基层党委、党总支或党支部（下拉选择）', width: 12 },
    { key: 'code', header: '单位代码', kind: 'code', required: true, note: `${UNIT_CODE_HINT}；全表不重复，导入后不能修改（改名请只改名称）`, width: 16 },
    { key: 'name', header: '单位名称', kind: 'text', required: true, note: `2至${UNIT_NAME_MAX}个字，如“计算机与软件学院党委”`, width: 36 },
    { key: 'parent', header: '所属基层党委代码', kind: 'code', required: false, note: '党支部必填：所属基层党委/党总支的单位代码（可在本表中，也可已在系统中）；党委/总支留空', width: 18 },
    { key: 'order', header: '排序', kind: 'int', required: false, note: '整数，越小越靠前；留空则按表中顺序', width: 8 },
    { key: 'status', header: '状态', kind: 'choice', required: false, choices: [OPEN_LABEL, CLOSED_LABEL], note: '正常或已撤销（下拉选择），留空为正常。已撤销的单位不再接受绑定、申报和品牌，历史记录保留', width: 10 },
  ],
};

/** One row of the org sheet, checked. */
export interface OrgRow {
  row: number;
  kind: UnitKind;
  code: string;
  name: string;
  parent: string | null;
  order: number | null;
  closed: boolean;
}

const colOf = (key: string) => ORG_RULES.columns.findIndex((c) => c.key === key);
const at = (row: number, key: string) => ({ row, letter: columnLetter(colOf(key) + 1), where: place(row, ORG_RULES.columns[colOf(key)], colOf(key)) });

function bad(out: ImportProblem[], row: number, key: string, code: ImportProblem['code'], text: string): void {
  const p = at(row, key);
  out.push(problem(code, row, p.letter, `${p.where}：${text}`));
}

export function toOrgRow(t: TableRow, problems: ImportProblem[]): OrgRow | null {
  const before = problems.length;
  const v = t.values;
  const kind = KIND_BY_LABEL.get(String(v.kind));
  if (!kind) bad(problems, t.row, 'kind', 'BAD_VALUE', `应为${Object.values(UNIT_KIND_LABELS).join('、')}之一`);
  const code = String(v.code ?? '');
  if (!isUnitCode(code)) bad(problems, t.row, 'code', 'BAD_VALUE', UNIT_CODE_HINT);
  const name = String(v.name ?? '');
  if (charCount(name) < 2 || charCount(name) > UNIT_NAME_MAX || /[\r\n]/.test(name)) bad(problems, t.row, 'name', 'BAD_VALUE', `单位名称须为2至${UNIT_NAME_MAX}个字，不能换行`);
  const parent = v.parent === null ? null : String(v.parent);
  if (kind === 'branch' && parent === null) bad(problems, t.row, 'parent', 'REQUIRED', '党支部须填写所属基层党委代码');
  if (kind && kind !== 'branch' && parent !== null) bad(problems, t.row, 'parent', 'BAD_VALUE', '基层党委/党总支不填所属党委代码，请留空');
  if (parent !== null && !isUnitCode(parent)) bad(problems, t.row, 'parent', 'BAD_VALUE', UNIT_CODE_HINT);
  const order = v.order;
  const orderNumber = order === null ? null : Number(order);
  if (orderNumber !== null && !(Number.isSafeInteger(orderNumber) && orderNumber >= 0 && orderNumber <= 1_000_000)) bad(problems, t.row, 'order', 'BAD_VALUE', '排序须为0至1000000的整数');
  const status = v.status === null ? OPEN_LABEL : String(v.status);
  if (status !== OPEN_LABEL && status !== CLOSED_LABEL) bad(problems, t.row, 'status', 'BAD_VALUE', `状态应为“${OPEN_LABEL}”或“${CLOSED_LABEL}”`);
  if (problems.length > before || !kind) return null;
  return { row: t.row, kind, code, name, parent, order: orderNumber, closed: status === CLOSED_LABEL };
}

export type StoredCommittee = Committee & { version: number };
export type StoredBranch = Branch & { version: number };

export interface OrgState {
  committees: readonly StoredCommittee[];
  branches: readonly StoredBranch[];
}

/** One write an import makes: an insert (expectedVersion null) or a versioned update, and what it replaces. */
export interface ImportOp {
  collection: 'committees' | 'branches' | 'roster';
  id: string;
  expectedVersion: number | null;
  set: Record<string, unknown>;
  /** The same fields as they were (null for an insert): what a rollback writes back. */
  before: Record<string, unknown> | null;
}

export interface ImportDiff {
  rows: number;
  add: number;
  change: number;
  unchanged: number;
  ops: ImportOp[];
  problems: ImportProblem[];
  /** A few of the changes, in words, for the preview. */
  samples: string[];
}

const SAMPLES = 20;

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((k) => a[k] === b[k]);
}

export function describeChange(before: Record<string, unknown>, after: Record<string, unknown>, labels: Record<string, string>): string {
  return Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${labels[k] ?? k}：${String(before[k] ?? '空')} → ${String(after[k] ?? '空')}`)
    .join('；');
}

/** Adds the op (or counts the row unchanged) given the stored document's fields. */
export function planOp(diff: ImportDiff, collection: ImportOp['collection'], id: string, stored: ({ version: number } & Record<string, unknown>) | null, set: Record<string, unknown>, label: string, labels: Record<string, string>): void {
  if (!stored) {
    diff.add += 1;
    diff.ops.push({ collection, id, expectedVersion: null, set, before: null });
    if (diff.samples.length < SAMPLES) diff.samples.push(`新增 ${label}`);
    return;
  }
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, stored[k] ?? null]));
  if (same(before, set)) {
    diff.unchanged += 1;
    return;
  }
  diff.change += 1;
  diff.ops.push({ collection, id, expectedVersion: stored.version, set, before });
  if (diff.samples.length < SAMPLES) diff.samples.push(`修改 ${label}：${describeChange(before, set, labels)}`);
}

const ORG_LABELS = { name: '名称', kind: '类别', order: '排序', closed: '已撤销', committeeId: '所属党委' };

/**
 * The org sheet against the stored organisation: codes unique in the sheet, every branch's
 * committee in the sheet or stored, no branch moved to another committee. Units not in the
 * sheet stay as they are (an import adds and changes, it never closes by omission).
 */
export function diffOrg(state: OrgState, cells: readonly (readonly SheetCell[])[]): ImportDiff {
  const table = readTable(ORG_RULES, cells);
  const diff: ImportDiff = { rows: table.rows.length, add: 0, change: 0, unchanged: 0, ops: [], problems: [...table.problems], samples: [] };
  const rows = table.rows.map((t) => toOrgRow(t, diff.problems)).filter((r): r is OrgRow => r !== null);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const first = seen.get(r.code);
    if (first !== undefined) bad(diff.problems, r.row, 'code', 'DUPLICATE_CODE', `单位代码 ${r.code} 与第${first}行重复`);
    else seen.set(r.code, r.row);
  }
  const committees = new Map(state.committees.map((c) => [c._id, c]));
  const branches = new Map(state.branches.map((b) => [b._id, b]));
  const sheetCommittees = new Map(rows.filter((r) => r.kind !== 'branch').map((r) => [r.code, r]));
  for (const r of rows) {
    if (r.kind !== 'branch' && branches.has(r.code)) bad(diff.problems, r.row, 'code', 'DUPLICATE_CODE', `单位代码 ${r.code} 已是一个党支部的代码`);
    if (r.kind === 'branch' && committees.has(r.code)) bad(diff.problems, r.row, 'code', 'DUPLICATE_CODE', `单位代码 ${r.code} 已是一个基层党委的代码`);
    if (r.kind !== 'branch' || r.parent === null) continue;
    if (!sheetCommittees.has(r.parent) && !committees.has(r.parent)) {
      bad(diff.problems, r.row, 'parent', 'UNKNOWN_COMMITTEE', `所属基层党委代码 ${r.parent} 不存在：请先在本表中列出该党委，或核对代码`);
    }
    const stored = branches.get(r.code);
    if (stored && stored.committeeId !== r.parent) {
      bad(diff.problems, r.row, 'parent', 'BRANCH_MOVED', `党支部 ${r.code} 属于 ${stored.committeeId}，不能改挂到 ${r.parent}。请新建支部并撤销原支部`);
    }
  }
  if (diff.problems.length) return { ...diff, ops: [], samples: [] };

  // New units without an order go after everything stored, in the sheet's order.
  let nextCommittee = Math.max(0, ...state.committees.map((c) => c.order)) + 1;
  const nextBranch = new Map<string, number>();
  for (const b of state.branches) nextBranch.set(b.committeeId, Math.max(nextBranch.get(b.committeeId) ?? 0, b.order ?? 0));
  for (const r of rows) {
    const label = `${UNIT_KIND_LABELS[r.kind]} ${r.code} ${r.name}`;
    if (r.kind !== 'branch') {
      const stored = committees.get(r.code) ?? null;
      const order = r.order ?? stored?.order ?? nextCommittee++;
      const current = stored && { version: stored.version, name: stored.name, kind: stored.kind, order: stored.order, closed: stored.closed === true };
      planOp(diff, 'committees', r.code, current, { name: r.name, kind: r.kind as CommitteeKind, order, closed: r.closed }, label, ORG_LABELS);
    } else {
      const stored = branches.get(r.code) ?? null;
      const parent = r.parent as string;
      const next = (nextBranch.get(parent) ?? 0) + 1;
      // Older branches have no order (shown by name): an empty cell keeps it so.
      const order = r.order ?? (stored ? (stored.order ?? null) : next);
      if (order !== null && order >= next) nextBranch.set(parent, order);
      const current = stored && { version: stored.version, committeeId: stored.committeeId, name: stored.name, order: stored.order ?? null, closed: stored.closed === true };
      planOp(diff, 'branches', r.code, current, { committeeId: parent, name: r.name, order, closed: r.closed }, label, ORG_LABELS);
    }
  }
  return diff;
}

/** The stored organisation as sheet rows (what the export writes): committees in order, each followed by its branches. */
export function orgRows(state: OrgState): Array<[string, string, string, string, number | null, string]> {
  const out: Array<[string, string, string, string, number | null, string]> = [];
  const status = (u: { closed?: boolean }) => (u.closed ? CLOSED_LABEL : OPEN_LABEL);
  const committees = [...state.committees].sort((a, b) => a.order - b.order || a._id.localeCompare(b._id));
  for (const c of committees) {
    out.push([UNIT_KIND_LABELS[c.kind], c._id, c.name, '', c.order, status(c)]);
    for (const b of state.branches.filter((x) => x.committeeId === c._id).sort(compareBranches)) {
      out.push([UNIT_KIND_LABELS.branch, b._id, b.name, c._id, b.order ?? null, status(b)]);
    }
  }
  return out;
}
