import { z } from 'zod';
import { empty } from './common';
import { meOutput } from './profile';
import { batchView, projectSummary } from './project';
import { teamContracts } from './team';

/**
 * The home tab's first view in one call: who the caller is and, once bound, the batches, their
 * own projects, the projects they joined, the count of open to-dos and of unread 消息. One cloud call instead
 * of `session.me` followed by five more.
 */
export const homeContracts = {
  'home.open': {
    input: empty,
    output: z.object({
      me: meOutput,
      batches: z.array(batchView),
      mine: z.array(projectSummary),
      joined: teamContracts['project.listJoined'].output,
      /** Open to-dos; null when they could not be counted (the home page works without them). */
      todoCount: z.number().nullable(),
      /** Unread 消息; null when they could not be counted. */
      unread: z.number().nullable(),
      /** Unbound callers only: a new environment still without a 组织部 administrator (offer 系统初始化). */
      setupNeeded: z.boolean().optional(),
    }),
  },
} as const;
