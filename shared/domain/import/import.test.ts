import { describe, expect, it } from 'vitest';
import { diffOrg, ORG_RULES, type OrgState } from './org-sheet';
import { diffRoster, ROSTER_RULES } from './roster-sheet';
import type { SheetCell, SheetRules } from './table';

const text = (v: string): SheetCell => ({ t: 'text', v });
const header = (rules: SheetRules) => rules.columns.map((c) => text(c.header));
const grid = (rules: SheetRules, rows: SheetCell[][]) => [[text(rules.title)], header(rules), ...rows];
const row = (...values: Array<string | null>) => values.map((v) => (v === null ? ({ t: 'empty' } as SheetCell) : text(v)));

const EMPTY: OrgState = { committees: [], branches: [] };
const ORG = [row('基层党委', 'C01', '计算机学院党委', null, '1', null), row('党支部', 'B0101', '计算机教工党支部', 'C01', null, '正常')];
const STORED: OrgState = {
  committees: [{ _id: 'C01', version: 1, name: '计算机学院党委', kind: 'committee', order: 1, closed: false }],
  branches: [{ _id: 'B0101', version: 1, committeeId: 'C01', name: '计算机教工党支部', order: 1, closed: false }],
};
const person = (...over: Array<string | null>) => row(...['王建国', '00123', '教职工', 'C01', 'B0101', '中共正式党员', '是', '是', '否'].map((v, i) => (over[i] === undefined ? v : over[i])));

describe('org sheet', () => {
  it('counts what it adds, and the same sheet again changes nothing', () => {
    const first = diffOrg(EMPTY, grid(ORG_RULES, ORG));
    expect(first).toMatchObject({ problems: [], add: 2, change: 0, unchanged: 0 });
    const again = diffOrg(STORED, grid(ORG_RULES, ORG));
    expect(again).toMatchObject({ problems: [], add: 0, change: 0, unchanged: 2, ops: [] });
    const renamed = diffOrg(STORED, grid(ORG_RULES, [row('基层党委', 'C01', '计算机与软件学院党委', null, '1', null)]));
    expect(renamed).toMatchObject({ change: 1 });
    expect(renamed.ops[0]).toMatchObject({ id: 'C01', expectedVersion: 1, set: { name: '计算机与软件学院党委' }, before: { name: '计算机学院党委' } });
  });

  it('refuses a changed or reordered header, naming the column', () => {
    const cols = header(ORG_RULES);
    const swapped = [cols[1], cols[0], ...cols.slice(2)];
    const d = diffOrg(EMPTY, [[text('标题')], swapped, ...ORG]);
    expect(d.problems[0]).toMatchObject({ code: 'BAD_HEADER', row: 2, column: 'A' });
    expect(d.problems[0].message).toContain('类别');
    const added = diffOrg(EMPTY, [[text('标题')], [...cols, text('备注')], ...ORG]);
    expect(added.problems[0]).toMatchObject({ code: 'BAD_HEADER', row: 2, column: 'G' });
    expect(added.ops).toEqual([]);
  });

  it('refuses merged cells, blank rows in the middle and formulas, by row and column', () => {
    const merged = diffOrg(EMPTY, grid(ORG_RULES, [ORG[0], [text('党支部'), text('B0101'), { t: 'merged' }, text('C01')]]));
    expect(merged.problems).toEqual([expect.objectContaining({ code: 'MERGED_CELL', row: 4, column: 'C' })]);
    const blank = diffOrg(EMPTY, grid(ORG_RULES, [ORG[0], row(null, null), ORG[1]]));
    expect(blank.problems).toEqual([expect.objectContaining({ code: 'BLANK_ROW', row: 4, column: null })]);
    const formula = diffOrg(EMPTY, grid(ORG_RULES, [ORG[0], [text('党支部'), text('B0101'), { t: 'formula' }, text('C01')]]));
    expect(formula.problems).toEqual([expect.objectContaining({ code: 'FORMULA', row: 4, column: 'C' })]);
    for (const d of [merged, blank, formula]) expect(d.ops).toEqual([]);
  });

  it('refuses a duplicate code and a branch whose committee does not exist', () => {
    const dup = diffOrg(EMPTY, grid(ORG_RULES, [...ORG, row('党总支', 'C01', '体育学院党总支', null, null, null)]));
    expect(dup.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_CODE', row: 5, column: 'B' })]);
    expect(dup.problems[0].message).toContain('第3行');
    const orphan = diffOrg(EMPTY, grid(ORG_RULES, [row('党支部', 'B0901', '某党支部', 'C09', null, null)]));
    expect(orphan.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_COMMITTEE', row: 3, column: 'D' })]);
    const moved = diffOrg({ ...STORED, committees: [...STORED.committees, { _id: 'C02', version: 1, name: '医学部党委', kind: 'committee', order: 2 }] }, grid(ORG_RULES, [row('党支部', 'B0101', '计算机教工党支部', 'C02', null, null)]));
    expect(moved.problems).toEqual([expect.objectContaining({ code: 'BRANCH_MOVED', row: 3, column: 'D' })]);
  });

  it('refuses more rows than the documented limit', () => {
    const many = Array.from({ length: ORG_RULES.maxRows + 1 }, (_, i) => row('基层党委', `C${i}`, `第${i}党委`, null, null, null));
    const d = diffOrg(EMPTY, grid(ORG_RULES, many));
    expect(d.problems).toEqual([expect.objectContaining({ code: 'TOO_MANY_ROWS', row: 3 + ORG_RULES.maxRows })]);
  });
});

describe('roster sheet', () => {
  it('keeps a 工号 typed as text with its leading zeros, and refuses one typed as a number', () => {
    const ok = diffRoster(STORED, new Map(), grid(ROSTER_RULES, [person()]));
    expect(ok.problems).toEqual([]);
    expect(ok.ops[0].set).toMatchObject({ staffNo: '00123', secretary: true, reviewer: false });
    const cells = person();
    cells[1] = { t: 'number', v: 123 };
    const bad = diffRoster(STORED, new Map(), grid(ROSTER_RULES, [cells]));
    expect(bad.problems).toEqual([expect.objectContaining({ code: 'NUMBER_AS_TEXT', row: 3, column: 'B' })]);
    expect(bad.problems[0].message).toContain('开头的0');
  });

  it('refuses a person listed twice, an unknown committee and a branch of another committee', () => {
    const twice = diffRoster(STORED, new Map(), grid(ROSTER_RULES, [person(), person('王二')]));
    expect(twice.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_PERSON', row: 4, column: 'B' })]);
    const unknown = diffRoster(STORED, new Map(), grid(ROSTER_RULES, [person(undefined as never, undefined as never, undefined as never, 'C77')]));
    expect(unknown.problems.map((p) => [p.code, p.column])).toContainEqual(['UNKNOWN_COMMITTEE', 'D']);
    const badChoice = diffRoster(STORED, new Map(), grid(ROSTER_RULES, [person(undefined as never, undefined as never, '老师')]));
    expect(badChoice.problems).toEqual([expect.objectContaining({ code: 'BAD_VALUE', row: 3, column: 'C' })]);
    for (const d of [twice, unknown, badChoice]) expect(d.ops).toEqual([]);
  });
});
