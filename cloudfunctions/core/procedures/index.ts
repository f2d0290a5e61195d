import type { ProcedureTable } from '../router/procedure';
import { listBatches } from './batch/list';
import { createBatch, extendDeadline, getBatch, updateBatch } from './batch/manage';
import { fundingProcedures } from './funding';
import { reviewProcedures, roundProcedures } from './review';
import { remindersProcedures } from './reminders';
import { documentsProcedures } from './documents';
import { sheetsProcedures } from './sheets';
import { dashboardProcedures } from './dashboard';
import { messagesProcedures } from './messages';
import { paperworkProcedures } from './paperwork';
import { pcProcedures } from './pc';
import { bulkProcedures } from './bulk';
import { orgProcedures } from './org';
import { influenceProcedures } from './influence';
import { listBranchFeatures, saveBranchFeature } from './brand/branch-feature';
import { addEvent, addProgress, setCultivation } from './brand/cultivation';
import { brandLibrary } from './brand/library';
import { posterCode, publicBrand, publicBrandList } from './brand/public';
import { createBrand, getBrand, myBrand, saveBrand } from './brand/report';
import { promoteBrand, reviewBrand, submitBrand } from './brand/workflow';
import { decide } from './committee/decide';
import { committeeInbox } from './committee/inbox';
import { committeeApplications } from './committee/applications';
import { committeeProgress } from './committee/progress';
import { findPeople, grantRole, revokeRole, withRole } from './people/people';
import { confirmPerson, pendingPeople } from './people/confirm';
import { listPeople } from './people/list';
import { invite, join, list as listTeam, listJoined, preview, remove as removeMember } from './team/team';
import { bindProfile } from './profile/bind';
import { describeMe } from './profile/me';
import { openHome } from './home/open';
import { orgTree } from './profile/org';
import { createProject } from './project/create';
import { getProject, listMine } from './project/read';
import { saveDraft } from './project/save-draft';
import { submitProject, withdrawProject } from './project/transition';

/** Every procedure, who may call it, and its handler. */
export const procedures: ProcedureTable = {
  'session.me': { access: 'identified', handler: describeMe },
  'home.open': { access: 'identified', handler: openHome },
  'org.tree': { access: 'identified', handler: orgTree },
  'profile.bind': { access: 'identified', handler: bindProfile },
  'batch.list': { access: 'bound', handler: listBatches },
  'batch.create': { access: ['admin', 'secretary'], handler: createBatch },
  'batch.update': { access: ['admin', 'secretary'], handler: updateBatch },
  'batch.extendDeadline': { access: ['admin', 'secretary'], handler: extendDeadline },
  'batch.get': { access: 'bound', handler: getBatch },
  'project.create': { access: ['member'], handler: createProject },
  'project.get': { access: 'bound', handler: getProject },
  'project.listMine': { access: 'bound', handler: listMine },
  'project.saveDraft': { access: ['member'], handler: saveDraft },
  'project.submit': { access: ['member'], handler: submitProject, claim: 'withAnswer' },
  'project.withdraw': { access: ['member'], handler: withdrawProject },
  'committee.inbox': { access: ['secretary', 'admin'], handler: committeeInbox },
  'committee.decide': { access: ['secretary'], handler: decide },
  'committee.progress': { access: ['secretary', 'admin'], handler: committeeProgress },
  'committee.applications': { access: ['admin'], handler: committeeApplications },
  'team.invite': { access: ['member'], handler: invite },
  'team.preview': { access: 'bound', handler: preview },
  'team.join': { access: 'bound', handler: join },
  'team.list': { access: 'bound', handler: listTeam },
  'team.remove': { access: 'bound', handler: removeMember },
  'project.listJoined': { access: 'bound', handler: listJoined },
  'people.find': { access: ['admin'], handler: findPeople },
  'people.list': { access: ['admin'], handler: listPeople },
  'people.grant': { access: ['admin'], handler: grantRole },
  'people.revoke': { access: ['admin'], handler: revokeRole },
  'people.withRole': { access: ['admin'], handler: withRole },
  'people.pending': { access: ['secretary', 'admin'], handler: pendingPeople },
  'people.confirm': { access: ['secretary', 'admin'], handler: confirmPerson },
  'brand.mine': { access: ['secretary', 'admin'], handler: myBrand },
  'brand.create': { access: ['secretary', 'admin'], handler: createBrand },
  'brand.get': { access: ['secretary', 'admin'], handler: getBrand },
  'brand.save': { access: ['secretary', 'admin'], handler: saveBrand },
  'brand.submit': { access: ['secretary', 'admin'], handler: submitBrand },
  'brand.review': { access: ['admin'], handler: reviewBrand },
  'brand.library': { access: ['secretary', 'admin'], handler: brandLibrary },
  'brand.setCultivation': { access: ['secretary', 'admin'], handler: setCultivation },
  'brand.addProgress': { access: ['secretary', 'admin'], handler: addProgress },
  'brand.promote': { access: ['admin'], handler: promoteBrand },
  'brand.addEvent': { access: ['admin'], handler: addEvent },
  'brand.public': { access: 'public', handler: publicBrand },
  'brand.publicList': { access: 'public', handler: publicBrandList },
  'brand.posterCode': { access: 'public', handler: posterCode },
  ...reviewProcedures,
  ...roundProcedures,
  ...fundingProcedures,
  ...remindersProcedures,
  ...documentsProcedures,
  ...sheetsProcedures,
  ...dashboardProcedures,
  ...messagesProcedures,
  ...paperworkProcedures,
  ...pcProcedures,
  ...bulkProcedures,
  ...orgProcedures,
  ...influenceProcedures,
  'branchFeature.list': { access: ['secretary', 'admin'], handler: listBranchFeatures },
  'branchFeature.save': { access: ['secretary', 'admin'], handler: saveBranchFeature },
};
