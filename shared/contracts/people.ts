import { z } from 'zod';
import { POLITICAL_STATUSES } from '../domain/political-status';
import { ROLES } from '../domain/roles';
import { idSchema } from './common';

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

export const peopleContracts = {
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
