/**
 * The router's way to a procedure's contract: each area's schemas are built on the first call
 * into that area, not when the function loads. A cold `api` function otherwise builds all ~130
 * procedures' zod schemas before its first answer (about a tenth of its cold start); the bundler
 * keeps a module reached only through `import()` unevaluated until then.
 *
 * `AREA_OF` names each procedure's area; the compiler checks every procedure is listed, and
 * under the area that defines it. The phone and the tests keep using `contracts` (index.ts).
 */
import type { Contracts, ProcedureName } from './index';
import type { brandContracts } from './brand';
import type { batchContracts } from './batch';
import type { peopleContracts } from './people';
import type { peopleListContracts } from './people-list';
import type { committeeContracts } from './committee';
import type { teamContracts } from './team';
import type { fundingContracts } from './funding';
import type { reviewContracts } from './review';
import type { roundContracts } from './round';
import type { applicationsContracts } from './applications';
import type { profileContracts } from './profile';
import type { homeContracts } from './home';
import type { projectContracts } from './project';
import type { remindersContracts } from './reminders';
import type { documentsContracts } from './documents';
import type { sheetsContracts } from './sheets';
import type { dashboardContracts } from './dashboard';
import type { messagesContracts } from './messages';
import type { paperworkContracts } from './paperwork';
import type { pcContracts } from './pc';
import type { bulkContracts } from './bulk';
import type { orgContracts } from './org';
import type { influenceContracts } from './influence';

interface AreaContracts {
  brand: typeof brandContracts;
  batch: typeof batchContracts;
  people: typeof peopleContracts;
  'people-list': typeof peopleListContracts;
  committee: typeof committeeContracts;
  team: typeof teamContracts;
  funding: typeof fundingContracts;
  review: typeof reviewContracts;
  round: typeof roundContracts;
  applications: typeof applicationsContracts;
  profile: typeof profileContracts;
  home: typeof homeContracts;
  project: typeof projectContracts;
  reminders: typeof remindersContracts;
  documents: typeof documentsContracts;
  sheets: typeof sheetsContracts;
  dashboard: typeof dashboardContracts;
  messages: typeof messagesContracts;
  paperwork: typeof paperworkContracts;
  pc: typeof pcContracts;
  bulk: typeof bulkContracts;
  org: typeof orgContracts;
  influence: typeof influenceContracts;
}
type Area = keyof AreaContracts;
/** The one area whose contracts define P. */
type AreaOf<P extends ProcedureName> = { [A in Area]: P extends keyof AreaContracts[A] ? A : never }[Area];

const AREAS: { [A in Area]: () => Promise<AreaContracts[A]> } = {
  brand: () => import('./brand').then((m) => m.brandContracts),
  batch: () => import('./batch').then((m) => m.batchContracts),
  people: () => import('./people').then((m) => m.peopleContracts),
  'people-list': () => import('./people-list').then((m) => m.peopleListContracts),
  committee: () => import('./committee').then((m) => m.committeeContracts),
  team: () => import('./team').then((m) => m.teamContracts),
  funding: () => import('./funding').then((m) => m.fundingContracts),
  review: () => import('./review').then((m) => m.reviewContracts),
  round: () => import('./round').then((m) => m.roundContracts),
  applications: () => import('./applications').then((m) => m.applicationsContracts),
  profile: () => import('./profile').then((m) => m.profileContracts),
  home: () => import('./home').then((m) => m.homeContracts),
  project: () => import('./project').then((m) => m.projectContracts),
  reminders: () => import('./reminders').then((m) => m.remindersContracts),
  documents: () => import('./documents').then((m) => m.documentsContracts),
  sheets: () => import('./sheets').then((m) => m.sheetsContracts),
  dashboard: () => import('./dashboard').then((m) => m.dashboardContracts),
  messages: () => import('./messages').then((m) => m.messagesContracts),
  paperwork: () => import('./paperwork').then((m) => m.paperworkContracts),
  pc: () => import('./pc').then((m) => m.pcContracts),
  bulk: () => import('./bulk').then((m) => m.bulkContracts),
  org: () => import('./org').then((m) => m.orgContracts),
  influence: () => import('./influence').then((m) => m.influenceContracts),
};

export const AREA_OF: { readonly [P in ProcedureName]: AreaOf<P> } = {
  'brand.mine': 'brand',
  'brand.create': 'brand',
  'brand.get': 'brand',
  'brand.save': 'brand',
  'brand.submit': 'brand',
  'brand.review': 'brand',
  'brand.library': 'brand',
  'brand.setCultivation': 'brand',
  'brand.addProgress': 'brand',
  'brand.promote': 'brand',
  'brand.addEvent': 'brand',
  'brand.public': 'brand',
  'brand.posterCode': 'brand',
  'brand.publicList': 'brand',
  'influence.share': 'influence',
  'influence.like': 'influence',
  'influence.likes': 'influence',
  'brand.influence': 'influence',
  'project.influence': 'influence',
  'brand.wall': 'influence',
  'branchFeature.list': 'brand',
  'branchFeature.save': 'brand',
  'batch.create': 'batch',
  'batch.update': 'batch',
  'batch.extendDeadline': 'batch',
  'batch.get': 'batch',
  'people.pending': 'people',
  'people.confirm': 'people',
  'people.find': 'people',
  'people.grant': 'people',
  'people.revoke': 'people',
  'people.withRole': 'people',
  'people.list': 'people-list',
  'committee.inbox': 'committee',
  'committee.decide': 'committee',
  'committee.progress': 'committee',
  'team.invite': 'team',
  'team.preview': 'team',
  'team.join': 'team',
  'team.list': 'team',
  'team.remove': 'team',
  'project.listJoined': 'team',
  'funding.list': 'funding',
  'funding.status': 'funding',
  'funding.disburse': 'funding',
  'funding.setMatching': 'funding',
  'funding.addExpense': 'funding',
  'guidance.add': 'funding',
  'guidance.list': 'funding',
  'midterm.submit': 'funding',
  'midterm.decide': 'funding',
  'final.save': 'funding',
  'final.submit': 'funding',
  'final.recordDefense': 'funding',
  'final.decide': 'funding',
  'project.reports': 'funding',
  'review.roundStatus': 'review',
  'review.setRubric': 'review',
  'review.open': 'review',
  'review.assign': 'review',
  'review.autoAssign': 'review',
  'review.myAssignments': 'review',
  'review.score': 'review',
  'review.publicize': 'review',
  'review.publicityList': 'review',
  'review.object': 'review',
  'review.objections': 'review',
  'review.findObjection': 'review',
  'review.finalize': 'review',
  'review.roundList': 'round',
  'review.roundApplication': 'round',
  'review.roundReviewers': 'round',
  'committee.applications': 'applications',
  'session.me': 'profile',
  'org.tree': 'profile',
  'profile.bind': 'profile',
  'home.open': 'home',
  'batch.list': 'project',
  'project.create': 'project',
  'project.get': 'project',
  'project.listMine': 'project',
  'project.saveDraft': 'project',
  'project.submit': 'project',
  'project.withdraw': 'project',
  'todo.mine': 'reminders',
  'subscribe.record': 'reminders',
  'subscribe.templates': 'reminders',
  'scheduler.run': 'reminders',
  'export.application': 'documents',
  'export.brandReport': 'documents',
  'export.applications': 'sheets',
  'export.recommendations': 'sheets',
  'export.reviewScores': 'sheets',
  'export.publicity': 'sheets',
  'export.funding': 'sheets',
  'export.brands': 'sheets',
  'dashboard.university': 'dashboard',
  'dashboard.committee': 'dashboard',
  'messages.list': 'messages',
  'messages.unreadCount': 'messages',
  'messages.markRead': 'messages',
  'messages.markAllRead': 'messages',
  'release.preview': 'messages',
  'release.run': 'messages',
  'nudge.candidates': 'messages',
  'nudge.send': 'messages',
  'notice.issue': 'paperwork',
  'notice.get': 'paperwork',
  'notice.public': 'paperwork',
  'export.packet': 'paperwork',
  'export.packetProgress': 'paperwork',
  'batch.nextYear': 'paperwork',
  'batch.grantExtension': 'paperwork',
  'batch.withdrawExtension': 'paperwork',
  'batch.extensions': 'paperwork',
  'pcLogin.start': 'pc',
  'pcLogin.describe': 'pc',
  'pcLogin.answer': 'pc',
  'pcLogin.poll': 'pc',
  'pcSession.mine': 'pc',
  'pcSession.signOut': 'pc',
  'pcSession.ofPerson': 'pc',
  'pcSession.signOutAll': 'pc',
  'review.assignMany': 'bulk',
  'review.stagePublicity': 'bulk',
  'funding.disburseMany': 'bulk',
  'people.confirmMany': 'bulk',
  'committee.reorderRanks': 'bulk',
  'setup.status': 'org',
  'setup.claim': 'org',
  'org.units': 'org',
  'org.saveCommittee': 'org',
  'org.saveBranch': 'org',
  'org.setClosed': 'org',
  'orgImport.template': 'org',
  'orgImport.export': 'org',
  'orgImport.preview': 'org',
  'orgImport.apply': 'org',
};

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(AREA_OF, name);
}

const loading = new Map<Area, Promise<Record<string, unknown>>>();

/** P's input and output schemas, its area loaded (once) if this is the area's first call. */
export async function contractOf<P extends ProcedureName>(name: P): Promise<Contracts[P]> {
  const area: Area = AREA_OF[name];
  let load = loading.get(area);
  if (!load) {
    load = (AREAS[area]() as Promise<Record<string, unknown>>).catch((err: unknown) => {
      loading.delete(area); // a failed load is tried again by the next call
      throw err;
    });
    loading.set(area, load);
  }
  return (await load)[name] as Contracts[P];
}
