import { z } from 'zod';
import { PERSON_KINDS } from '../domain/person';
import { POLITICAL_STATUSES } from '../domain/political-status';
import { idSchema } from './common';

const token = z.string({ error: '邀请码须为文字' }).regex(/^[A-Za-z0-9]{16,64}$/, '邀请链接无效，请向项目主持人重新索取');

export const teamMemberView = z.object({
  userId: z.string(),
  name: z.string(),
  kind: z.enum(PERSON_KINDS),
  committeeName: z.string(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  joinedAt: z.string(),
});
export type TeamMemberView = z.infer<typeof teamMemberView>;

export const teamContracts = {
  /** The host makes an invitation to share as a card (WeChat) or a link (web). */
  'team.invite': {
    input: z.object({ projectId: idSchema }).strict(),
    output: z.object({ token: z.string(), expiresAt: z.string(), path: z.string(), title: z.string() }),
  },
  /** What an invitee sees before confirming. */
  'team.preview': {
    input: z.object({ token }).strict(),
    output: z.object({
      projectId: z.string(),
      title: z.string(),
      hostName: z.string(),
      committeeName: z.string(),
      batchName: z.string(),
      open: z.boolean(),
      reason: z.string().nullable(),
      alreadyMember: z.boolean(),
    }),
  },
  /** The invitee confirms from their own WeChat and joins. */
  'team.join': { input: z.object({ token }).strict(), output: z.object({ projectId: z.string(), members: z.array(teamMemberView) }) },
  'team.list': { input: z.object({ projectId: idSchema }).strict(), output: z.object({ hostId: z.string(), members: z.array(teamMemberView), open: z.boolean() }) },
  /** The host removes a member, or a member leaves, while the team is open. */
  'team.remove': { input: z.object({ projectId: idSchema, userId: idSchema }).strict(), output: z.object({ members: z.array(teamMemberView) }) },
  /** Projects the caller is a member of (not host). */
  'project.listJoined': {
    input: z.object({}).strict(),
    output: z.array(z.object({ _id: z.string(), title: z.string(), hostName: z.string(), state: z.string(), batchName: z.string() })),
  },
} as const;
