import { z } from 'zod';
import { PERSON_KINDS, PROFILE_STATUSES } from '../domain/person';
import { idSchema } from './common';
import { directionField, pageField, pageOf, pageSizeField, searchField } from './paging';
import { personView } from './people';
import { PEOPLE_SORTS } from './lists';

/** 人员与角色: the 组织部's list of bound people, sorted, filtered and paged on the server. */

export const LISTED_ROLES = ['secretary', 'reviewer', 'admin'] as const;

/** One person of the list: the roles, and the profile as they bound it (with its version, for 批量确认). */
export const personRow = personView.extend({
  version: z.number(),
  kind: z.enum(PERSON_KINDS),
  committeeId: z.string(),
  branchName: z.string(),
  isPartyWorker: z.boolean(),
  profileStatus: z.enum(PROFILE_STATUSES),
  rejectReason: z.string().nullable(),
  boundAt: z.string(),
});
export type PersonRow = z.infer<typeof personRow>;

export const peopleListInput = z
  .object({
    /** The start of a name, or of a 工号/学号 (letters and digits only). */
    q: searchField.optional(),
    committeeId: idSchema.optional(),
    role: z.enum(LISTED_ROLES, { error: '角色只能是书记/组织员、评审专家或组织部' }).optional(),
    profileStatus: z.enum(PROFILE_STATUSES, { error: '身份状态只能是待确认、已确认或已退回' }).optional(),
    sort: z.enum(PEOPLE_SORTS, { error: '排序方式只能是姓名、基层党委、工号/学号或绑定时间' }).default('name'),
    direction: directionField.optional(),
    page: pageField,
    pageSize: pageSizeField,
  })
  .strict();

export const peopleListContracts = {
  'people.list': { input: peopleListInput, output: pageOf(personRow) },
} as const;
