import { z } from 'zod';
import { POLITICAL_STATUSES } from '../domain/political-status';
import { ROLES } from '../domain/roles';
import { PERSON_KINDS } from '../domain/person';
import { charCount, stripControlChars } from '../domain/text';
import { idSchema, versionSchema } from './common';

export const personView = z.object({
  userId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  committeeName: z.string(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  roles: z.array(z.object({ role: z.enum(ROLES), committeeId: z.string().optional(), committeeName: z.string().optional() })),
});
export type PersonView = z.infer<typeof personView>;

const grant = z
  .object({
    userId: idSchema,
    role: z.enum(['secretary', 'reviewer', 'admin'], { error: '请选择角色' }),
    committeeId: idSchema.optional(),
  })
  .strict()
  .refine((g) => g.role !== 'secretary' || g.committeeId !== undefined, { message: '书记/组织员须指定基层党委', path: ['committeeId'] });

/** A bound profile waiting for its committee's confirmation. */
export const pendingPersonView = z.object({
  userId: z.string(),
  version: z.number(),
  name: z.string(),
  staffNo: z.string(),
  kind: z.enum(PERSON_KINDS),
  committeeId: z.string(),
  committeeName: z.string(),
  branchName: z.string(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  isPartyWorker: z.boolean(),
  boundAt: z.string(),
  /** Someone else already bound this 工号/学号 (a mistake or an impersonation to look at). */
  sameStaffNo: z.array(z.object({ name: z.string(), committeeName: z.string() })),
  /** How the binding differs from the 组织部's roster entry with the same number ([] when none). */
  rosterDifferences: z.array(z.string()),
  /** The name's pinyin order and what a search may start (derived on the server): the desk table sorts and searches by them. */
  nameSort: z.string(),
  searchKeys: z.array(z.string()),
});
export type PendingPersonView = z.infer<typeof pendingPersonView>;

export const peopleContracts = {
  /** Bound profiles waiting for confirmation: a secretary's own committees, or (组织部) one or all. */
  'people.pending': {
    input: z
      .object({
        committeeId: idSchema.optional(),
        /** Only those waiting at least this many calendar days (我的待办's 超过 7 天未确认). */
        waitedDays: z.number({ error: '等待天数须为数字' }).int('等待天数须为整数').min(1, '等待天数至少为1').max(365, '等待天数不能超过365').optional(),
      })
      .strict(),
    output: z.object({ items: z.array(pendingPersonView), more: z.boolean() }),
  },
  /** The committee confirms a bound profile, or returns it with a reason for the person to correct. */
  'people.confirm': {
    input: z
      .object({
        userId: idSchema,
        version: versionSchema,
        accept: z.boolean({ error: '请选择确认或退回' }),
        reason: z
          .string({ error: '退回原因须为文字' })
          .transform(stripControlChars)
          .refine((s) => charCount(s) <= 200, '退回原因不能超过200字')
          .default(''),
      })
      .strict()
      .refine((c) => c.accept || c.reason.trim() !== '', { message: '退回时请写明原因，方便本人修改', path: ['reason'] }),
    output: z.object({ userId: z.string(), profileStatus: z.enum(['confirmed', 'rejected']) }),
  },
  /** The 组织部 finds a bound person by 工号/学号. */
  'people.find': {
    input: z.object({ staffNo: z.string().trim().regex(/^[A-Za-z0-9]{4,20}$/, '工号/学号须为4至20位字母或数字') }).strict(),
    output: z.array(personView),
  },
  /** Grants a role (书记/组织员 of a committee, 评审专家, 组织部): audited. */
  'people.grant': { input: grant, output: personView },
  'people.revoke': { input: grant, output: personView },
  /** Role holders, e.g. the reviewer pool. */
  'people.withRole': { input: z.object({ role: z.enum(['secretary', 'reviewer', 'admin']) }).strict(), output: z.array(personView) },
} as const;
