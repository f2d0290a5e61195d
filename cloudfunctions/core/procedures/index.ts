import type { ProcedureTable } from '../router/procedure';
import { listBatches } from './batch/list';
import { committeeInbox } from './committee/inbox';
import { bindProfile } from './profile/bind';
import { describeMe } from './profile/me';
import { orgTree } from './profile/org';
import { createProject } from './project/create';
import { getProject, listMine } from './project/read';
import { saveDraft } from './project/save-draft';
import { submitProject, withdrawProject } from './project/transition';

/** Every procedure, who may call it, and its handler. */
export const procedures: ProcedureTable = {
  'session.me': { access: 'identified', handler: describeMe },
  'org.tree': { access: 'identified', handler: orgTree },
  'profile.bind': { access: 'identified', handler: bindProfile },
  'batch.list': { access: 'bound', handler: listBatches },
  'project.create': { access: ['member'], handler: createProject },
  'project.get': { access: 'bound', handler: getProject },
  'project.listMine': { access: 'bound', handler: listMine },
  'project.saveDraft': { access: ['member'], handler: saveDraft },
  'project.submit': { access: ['member'], handler: submitProject },
  'project.withdraw': { access: ['member'], handler: withdrawProject },
  'committee.inbox': { access: ['secretary', 'admin'], handler: committeeInbox },
};
