import type { remindersContracts } from '@shared/contracts/reminders';
import type { AreaTable } from '../../router/procedure';
import { schedulerRun } from './run';
import { subscribeRecord, subscribeTemplates } from './subscribe';
import { todoMine } from './todo';

/** 我的待办, subscription grants, and the reminder job on demand (组织部 / local host). */
export const remindersProcedures: AreaTable<typeof remindersContracts> = {
  'todo.mine': { access: 'bound', handler: todoMine },
  'subscribe.record': { access: 'bound', handler: subscribeRecord },
  'subscribe.templates': { access: 'bound', handler: subscribeTemplates },
  'scheduler.run': { access: ['admin'], handler: schedulerRun },
};
