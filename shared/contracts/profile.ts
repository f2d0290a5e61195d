import { z } from 'zod';
import { PERSON_KINDS } from '../domain/person';
import { POLITICAL_STATUSES } from '../domain/political-status';
import { ROLES } from '../domain/roles';
import { COMMITTEE_KINDS } from '../domain/org';
import { charCount, stripControlChars } from '../domain/text';
import { empty, idSchema } from './common';
import { everyProblem } from './zod-zh';

export const profileInput = z
  .object({
    name: z
      .string({ error: '姓名须为文字' })
      .transform((s) => stripControlChars(s).trim())
      .refine((s) => s !== '', '请填写姓名')
      .refine((s) => s === '' || (charCount(s) >= 2 && charCount(s) <= 20), '姓名须为2至20个字'),
    staffNo: z
      .string({ error: '工号/学号须为文字' })
      .trim()
      .refine((s) => s !== '', '请填写工号/学号')
      .refine((s) => s === '' || /^[A-Za-z0-9]{4,20}$/.test(s), '工号/学号须为4至20位字母或数字'),
    kind: z.enum(PERSON_KINDS, { error: '请选择身份（教职工/学生）' }),
    committeeId: idSchema,
    branchId: idSchema,
    politicalStatus: z.enum(POLITICAL_STATUSES, { error: '请选择政治面貌' }),
    isPartyWorker: z.boolean({ error: '请选择是否为党务工作者' }),
  })
  .strict();

const roleGrant = z.object({ role: z.enum(ROLES), committeeId: z.string().optional() });

export const meOutput = z.object({
  userId: z.string(),
  bound: z.boolean(),
  profile: profileInput.nullable(),
  profileStatus: z.enum(['pending', 'confirmed', 'rejected']).nullable(),
  /** Why the committee returned the profile (when rejected). */
  rejectReason: z.string().nullable(),
  roles: z.array(roleGrant),
  committeeName: z.string().nullable(),
  branchName: z.string().nullable(),
  /**
   * The line under the name: the role the person acts in (党委组织部, a committee's 书记/组织员,
   * 评审专家), then their own committee (greetingLine); '' unbound. The home page and its early view print it.
   */
  greeting: z.string(),
});
export type Me = z.infer<typeof meOutput>;

export const orgOutput = z.object({
  /** Closed (撤销) units are listed, marked, so old records still name them; new choices skip them. */
  committees: z.array(z.object({ _id: z.string(), name: z.string(), kind: z.enum(COMMITTEE_KINDS), closed: z.boolean().optional() })),
  branches: z.array(z.object({ _id: z.string(), committeeId: z.string(), name: z.string(), closed: z.boolean().optional() })),
});
export type OrgTree = z.infer<typeof orgOutput>;

export const profileContracts = {
  'session.me': { input: empty, output: meOutput },
  'org.tree': { input: empty, output: orgOutput },
  'profile.bind': { input: profileInput, output: meOutput },
} as const;

/** What a person has filled in on the bind page so far (a choice not made yet is null). */
export interface BindDraft {
  name: string;
  staffNo: string;
  kind: string | null;
  committeeId: string | null;
  branchId: string | null;
  politicalStatus: string | null;
  isPartyWorker: boolean | null;
}

/** Every problem of a bind form, in the form's order, as one message; null when it can be sent. */
export function bindProblems(d: BindDraft): string | null {
  const typed = profileInput.pick({ name: true, staffNo: true }).safeParse({ name: d.name, staffNo: d.staffNo });
  const messages = typed.success ? [] : typed.error.issues.map((i) => i.message);
  if (!d.kind) messages.push('请选择身份（教职工/学生）');
  if (!d.committeeId) messages.push('请选择所在基层党委（总支）');
  if (!d.branchId) messages.push('请选择所在党支部');
  if (!d.politicalStatus) messages.push('请选择政治面貌');
  if (d.isPartyWorker === null) messages.push('请选择是否为党务工作者');
  return messages.length ? everyProblem(messages) : null;
}
