import { z } from 'zod';
import { COMMITTEE_KINDS, isUnitCode, UNIT_CODE_HINT, UNIT_NAME_MAX } from '../domain/org';
import { PROBLEM_CODES } from '../domain/import/table';
import { PERSON_KINDS } from '../domain/person';
import { POLITICAL_STATUSES } from '../domain/political-status';
import { charCount, stripControlChars } from '../domain/text';
import { FILE_ID_RE } from '../domain/brand/report';
import { empty, exportedFile, idSchema, versionSchema } from './common';
import { meOutput } from './profile';

const code = z.string({ error: '单位代码须为文字' }).trim().refine(isUnitCode, UNIT_CODE_HINT);
const unitName = z
  .string({ error: '单位名称须为文字' })
  .transform((s) => stripControlChars(s).replace(/[\r\n]/g, '').trim())
  .refine((s) => charCount(s) >= 2 && charCount(s) <= UNIT_NAME_MAX, `单位名称须为2至${UNIT_NAME_MAX}个字`);
const order = z.number({ error: '排序须为数字' }).int('排序须为整数').min(0, '排序不能为负数').max(1_000_000, '排序过大');
/** null: a new unit; a number: the version the edit started from. */
const editVersion = versionSchema.nullable();

export const unitView = z.object({
  _id: z.string(),
  version: z.number(),
  name: z.string(),
  order: z.number().nullable(),
  closed: z.boolean(),
});
export const committeeUnit = unitView.extend({ kind: z.enum(COMMITTEE_KINDS), branches: z.number() });
export const branchUnit = unitView.extend({ committeeId: z.string() });
export type CommitteeUnit = z.infer<typeof committeeUnit>;
export type BranchUnit = z.infer<typeof branchUnit>;

export const IMPORT_SHEETS = ['org', 'roster'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];
const sheet = z.enum(IMPORT_SHEETS, { error: '请选择组织机构或人员名册' });

export const importProblem = z.object({ code: z.enum(PROBLEM_CODES), row: z.number().nullable(), column: z.string().nullable(), message: z.string() });

export const importPreview = z.object({
  /** Set when the sheet has no problem: what `orgImport.apply` takes. */
  importId: z.string().nullable(),
  sheet: z.enum(IMPORT_SHEETS),
  rows: z.number(),
  add: z.number(),
  change: z.number(),
  unchanged: z.number(),
  /** Every problem, by row and column (at most 500 listed; `problemCount` says how many there are). */
  problems: z.array(importProblem),
  problemCount: z.number(),
  samples: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const SETUP_CODE_HINT = '初始化码为12位字母和数字（可带“-”）';

export const orgContracts = {
  /** Whether this environment still needs its first 组织部 administrator. */
  'setup.status': { input: empty, output: z.object({ needed: z.boolean() }) },
  /** The one-time 初始化码 makes the caller the first 组织部 administrator (and binds them, if not yet). */
  'setup.claim': {
    input: z
      .object({
        code: z
          .string({ error: '请输入初始化码' })
          .trim()
          .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, SETUP_CODE_HINT)
          .transform((s) => s.replace(/-/g, '').toUpperCase()),
        name: z
          .string({ error: '姓名须为文字' })
          .transform((s) => stripControlChars(s).trim())
          .refine((s) => charCount(s) >= 2 && charCount(s) <= 20, '姓名须为2至20个字'),
        staffNo: z.string({ error: '工号/学号须为文字' }).trim().regex(/^[A-Za-z0-9]{4,20}$/, '工号/学号须为4至20位字母或数字'),
        kind: z.enum(PERSON_KINDS, { error: '请选择身份（教职工/学生）' }),
        politicalStatus: z.enum(POLITICAL_STATUSES, { error: '请选择政治面貌' }),
      })
      .strict(),
    output: meOutput,
  },
  /** The organisation as the 组织部 keeps it: every unit, closed ones included. */
  'org.units': { input: empty, output: z.object({ committees: z.array(committeeUnit), branches: z.array(branchUnit) }) },
  'org.saveCommittee': {
    input: z.object({ code, version: editVersion, name: unitName, kind: z.enum(COMMITTEE_KINDS, { error: '请选择单位类型（基层党委或党总支）' }), order }).strict(),
    output: committeeUnit,
  },
  'org.saveBranch': {
    input: z.object({ code, version: editVersion, committeeId: idSchema, name: unitName, order: order.nullable() }).strict(),
    output: branchUnit,
  },
  /** Closes (撤销) or reopens a unit; nothing is ever deleted. */
  'org.setClosed': {
    input: z.object({ unit: z.enum(['committee', 'branch']), code, version: versionSchema, closed: z.boolean({ error: '请选择撤销或恢复' }) }).strict(),
    output: z.object({ code: z.string(), version: z.number(), closed: z.boolean() }),
  },
  /** The empty template: a 说明 sheet, the header row and drop-down lists. */
  'orgImport.template': { input: z.object({ sheet }).strict(), output: exportedFile },
  /** The current organisation or roster, in the template's layout (re-importing it changes nothing). */
  'orgImport.export': { input: z.object({ sheet }).strict(), output: exportedFile },
  /** Reads an uploaded sheet and answers what applying it would do, with every problem. Nothing is changed. */
  'orgImport.preview': {
    input: z.object({ sheet, fileId: z.string({ error: '请先选择文件' }).regex(FILE_ID_RE, '文件标识无效，请重新上传') }).strict(),
    output: importPreview,
  },
  /** Applies a previewed sheet, all of it or none of it; calling again finishes an interrupted one. */
  'orgImport.apply': {
    input: z.object({ importId: idSchema }).strict(),
    /** `done: false`: a large import is applied over several calls; call again until done (progress: applied / chunks). */
    output: z.object({ importId: z.string(), sheet: z.enum(IMPORT_SHEETS), add: z.number(), change: z.number(), unchanged: z.number(), done: z.boolean(), applied: z.number(), chunks: z.number() }),
  },
} as const;
