import { charCount } from '../text';
import { PERSON_KIND_LABELS, type PersonKind } from '../person';
import { POLITICAL_STATUS_LABELS, type PoliticalStatus } from '../political-status';
import { isOpen, UNIT_CODE_HINT } from '../org';
import { rosterId, type RosterEntry } from '../roster';
import { planOp, type ImportDiff, type OrgState } from './org-sheet';
import { columnLetter, place, problem, readTable, type ImportProblem, type SheetCell, type SheetRules, type TableRow } from './table';

const YES = '是';
const NO = '否';
const byLabel = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const KINDS = byLabel<PersonKind>(PERSON_KIND_LABELS);
const STATUSES = byLabel<PoliticalStatus>(POLITICAL_STATUS_LABELS);

export const STAFF_NO_PATTERN = /^[A-Za-z0-9]{4,20}$/;

export const ROSTER_RULES: SheetRules = {
  sheet: '人员名册',
  title: '人员名册（预登记：本人绑定时信息一致即确认）',
  maxRows: 50_000,
  columns: [
    { key: 'name', header: '姓名', kind: 'text', required: true, note: '2至20个字，与本人绑定时填写的一致', width: 12 },
    { key: 'staffNo', header: '工号/学号', kind: 'staffNo', required: true, note: "4至20位字母或数字；本列为文本格式，开头的0会保留（从别处粘贴时请“粘贴为数值”）", width: 16 },
    { key: 'kind', header: '身份', kind: 'choice', required: true, choices: Object.values(PERSON_KIND_LABELS), note: '教职工或学生（下拉选择）', width: 10 },
    { key: 'committee', header: '基层党委代码', kind: 'code', required: true, note: `所在基层党委/党总支的单位代码（见“组织机构”导出）。${UNIT_CODE_HINT}`, width: 16 },
    { key: 'branch', header: '党支部代码', kind: 'code', required: true, note: '所在党支部的单位代码，须属于上一列的党委', width: 16 },
    { key: 'status', header: '政治面貌', kind: 'choice', required: true, choices: Object.values(POLITICAL_STATUS_LABELS), note: '下拉选择', width: 14 },
    { key: 'partyWorker', header: '党务工作者', kind: 'choice', required: true, choices: [YES, NO], note: '是或否', width: 12 },
    { key: 'secretary', header: '书记/组织员', kind: 'choice', required: true, choices: [YES, NO], note: '是：绑定后即为本党委的书记/组织员', width: 12 },
    { key: 'reviewer', header: '评审专家', kind: 'choice', required: true, choices: [YES, NO], note: '是：绑定后即为评审专家', width: 10 },
  ],
};

export type RosterFields = Omit<RosterEntry, '_id' | 'version' | 'claimedBy'>;
export type StoredRoster = RosterEntry;

const colOf = (key: string) => ROSTER_RULES.columns.findIndex((c) => c.key === key);
function bad(out: ImportProblem[], row: number, key: string, code: ImportProblem['code'], text: string): void {
  const i = colOf(key);
  out.push(problem(code, row, columnLetter(i + 1), `${place(row, ROSTER_RULES.columns[i], i)}：${text}`));
}

function choice<K>(map: Map<string, K>, value: unknown, problems: ImportProblem[], row: number, key: string): K | null {
  const got = map.get(String(value));
  if (got === undefined) bad(problems, row, key, 'BAD_VALUE', `应为${[...map.keys()].join('、')}之一`);
  return got ?? null;
}

const YES_NO = new Map([[YES, true], [NO, false]]);

export function toRosterFields(t: TableRow, problems: ImportProblem[]): (RosterFields & { row: number }) | null {
  const before = problems.length;
  const v = t.values;
  const name = String(v.name ?? '');
  if (charCount(name) < 2 || charCount(name) > 20 || /[\r\n]/.test(name)) bad(problems, t.row, 'name', 'BAD_VALUE', '姓名须为2至20个字');
  const staffNo = String(v.staffNo ?? '');
  if (!STAFF_NO_PATTERN.test(staffNo)) bad(problems, t.row, 'staffNo', 'BAD_VALUE', '工号/学号须为4至20位字母或数字');
  const kind = choice(KINDS, v.kind, problems, t.row, 'kind');
  const committeeId = String(v.committee ?? '');
  const branchId = String(v.branch ?? '');
  const politicalStatus = choice(STATUSES, v.status, problems, t.row, 'status');
  const isPartyWorker = choice(YES_NO, v.partyWorker, problems, t.row, 'partyWorker');
  const secretary = choice(YES_NO, v.secretary, problems, t.row, 'secretary');
  const reviewer = choice(YES_NO, v.reviewer, problems, t.row, 'reviewer');
  if (problems.length > before || kind === null || politicalStatus === null || isPartyWorker === null || secretary === null || reviewer === null) return null;
  return { row: t.row, staffNo, name, kind, committeeId, branchId, politicalStatus, isPartyWorker, secretary, reviewer };
}

const ROSTER_LABELS = { name: '姓名', kind: '身份', committeeId: '基层党委', branchId: '党支部', politicalStatus: '政治面貌', isPartyWorker: '党务工作者', secretary: '书记/组织员', reviewer: '评审专家' };

/**
 * The roster sheet against the stored organisation and roster: every unit exists and is open, the
 * branch belongs to the committee, nobody is listed twice. People not in the sheet stay as they are.
 */
export function diffRoster(org: OrgState, stored: ReadonlyMap<string, StoredRoster>, cells: readonly (readonly SheetCell[])[]): ImportDiff {
  const table = readTable(ROSTER_RULES, cells);
  const diff: ImportDiff = { rows: table.rows.length, add: 0, change: 0, unchanged: 0, ops: [], problems: [...table.problems], samples: [] };
  const committees = new Map(org.committees.map((c) => [c._id, c]));
  const branches = new Map(org.branches.map((b) => [b._id, b]));
  const seen = new Map<string, number>();
  const people: Array<RosterFields & { row: number }> = [];
  for (const t of table.rows) {
    const p = toRosterFields(t, diff.problems);
    if (!p) continue;
    const first = seen.get(p.staffNo);
    if (first !== undefined) {
      bad(diff.problems, p.row, 'staffNo', 'DUPLICATE_PERSON', `工号/学号 ${p.staffNo} 与第${first}行重复：每人只列一行`);
      continue;
    }
    seen.set(p.staffNo, p.row);
    const committee = committees.get(p.committeeId);
    const branch = branches.get(p.branchId);
    if (!committee) bad(diff.problems, p.row, 'committee', 'UNKNOWN_COMMITTEE', `基层党委代码 ${p.committeeId} 不存在：请先导入组织机构，或核对代码（${UNIT_CODE_HINT}）`);
    else if (!isOpen(committee)) bad(diff.problems, p.row, 'committee', 'CLOSED_UNIT', `${committee.name}（${p.committeeId}）已撤销，不能登记新成员`);
    if (!branch) bad(diff.problems, p.row, 'branch', 'UNKNOWN_BRANCH', `党支部代码 ${p.branchId} 不存在：请核对代码`);
    else if (branch.committeeId !== p.committeeId) bad(diff.problems, p.row, 'branch', 'UNKNOWN_BRANCH', `党支部 ${p.branchId}（${branch.name}）不属于基层党委 ${p.committeeId}`);
    else if (!isOpen(branch)) bad(diff.problems, p.row, 'branch', 'CLOSED_UNIT', `${branch.name}（${p.branchId}）已撤销，不能登记新成员`);
    people.push(p);
  }
  if (diff.problems.length) return { ...diff, ops: [], samples: [] };
  for (const { row: _row, ...fields } of people) {
    const id = rosterId(fields.staffNo);
    const current = stored.get(id) ?? null;
    planOp(diff, 'roster', id, current as (RosterEntry & Record<string, unknown>) | null, { ...fields }, `${fields.name}（${fields.staffNo}）`, ROSTER_LABELS);
  }
  return diff;
}

const yesNo = (b: boolean) => (b ? YES : NO);

/** A stored entry as a sheet row (what the export writes). */
export function rosterRow(e: RosterFields): string[] {
  return [e.name, e.staffNo, PERSON_KIND_LABELS[e.kind], e.committeeId, e.branchId, POLITICAL_STATUS_LABELS[e.politicalStatus], yesNo(e.isPartyWorker), yesNo(e.secretary), yesNo(e.reviewer)];
}
