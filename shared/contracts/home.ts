import { z } from 'zod';
import { empty } from './common';
import { meOutput } from './profile';
import { batchView, projectSummary } from './project';
import { teamContracts } from './team';

/**
 * The home tab's first view in one call: who the caller is and, once bound, the batches, their
 * own projects, the projects they joined and the count of unread 消息. One cloud call instead of
 * `session.me` followed by four more. The queue (我的待办) is todo.mine, called beside it: the
 * home card, the badge and the desk's queue all show its one answer, and each call stays within
 * its round trips.
 */
export const homeContracts = {
  'home.open': {
    input: empty,
    output: z.object({
      me: meOutput,
      batches: z.array(batchView),
      mine: z.array(projectSummary),
      joined: teamContracts['project.listJoined'].output,
      /** Unread 消息; null when they could not be counted. */
      unread: z.number().nullable(),
      /** Unbound callers only: a new environment still without a 组织部 administrator (offer 系统初始化). */
      setupNeeded: z.boolean().optional(),
    }),
  },
} as const;
