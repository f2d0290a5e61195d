import type { InputOf } from '@shared/contracts';
import type { DemoDriver } from './driver';

/**
 * The demo university's other people: they bind their profile on the phone as anyone would, their
 * committee's secretary (or the 组织部) confirms them, and the 组织部 grants the roles. They cannot
 * sign in on the dev page; the demo identities work with what they did.
 */
export const ADMIN = 'dev-admin';
export const HOST = 'dev-member-1';
export const MEMBER2 = 'dev-member-2';
export const SECRETARY_CS = 'dev-secretary-cs';
export const SECRETARY_ME = 'dev-secretary-me';
export const REVIEWER = 'dev-reviewer';

type Profile = InputOf<'profile.bind'>;
const teacher = (name: string, staffNo: string, committeeId: string, branchId: string): Profile => ({ name, staffNo, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: false });
const student = (name: string, staffNo: string, committeeId: string, branchId: string): Profile => ({ name, staffNo, kind: 'student', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: false });

export const PEOPLE = {
  cs3: { openid: 'demo-cs-3', profile: teacher('孙伟', 'T2012044', 'c-cs', 'b-cs-t1') },
  cs4: { openid: 'demo-cs-4', profile: student('周敏', '2210351203', 'c-cs', 'b-cs-s2') },
  cs5: { openid: 'demo-cs-5', profile: teacher('吴佳怡', 'T2016077', 'c-cs', 'b-cs-t1') },
  me1: { openid: 'demo-me-1', profile: teacher('郑浩然', 'T2008063', 'c-me', 'b-me-t1') },
  me2: { openid: 'demo-me-2', profile: student('何雨桐', '2310250418', 'c-me', 'b-me-s1') },
  me3: { openid: 'demo-me-3', profile: teacher('冯志远', 'T2014102', 'c-me', 'b-me-t1') },
  med1: { openid: 'demo-med-1', profile: teacher('林静', 'T2010088', 'c-med', 'b-med-t1') },
  med2: { openid: 'demo-med-2', profile: student('高天宇', '2210560731', 'c-med', 'b-med-s1') },
  art1: { openid: 'demo-art-1', profile: teacher('谢文博', 'T2013019', 'c-art', 'b-art-t1') },
  secMed: { openid: 'demo-sec-med', profile: teacher('黄志强', 'T1999021', 'c-med', 'b-med-t1') },
  secArt: { openid: 'demo-sec-art', profile: teacher('罗海燕', 'T2002035', 'c-art', 'b-art-t1') },
  rev2: { openid: 'demo-reviewer-2', profile: teacher('许国平', 'T1996008', 'c-pe', 'b-pe-t1') },
  rev3: { openid: 'demo-reviewer-3', profile: teacher('宋丽华', 'T2000017', 'c-med', 'b-med-t1') },
  /** Bound but not yet confirmed: the 计算机学院 secretary has someone to confirm. */
  waiting: { openid: 'demo-cs-new', profile: student('钱一凡', '2410352209', 'c-cs', 'b-cs-s2') },
} as const;
export type PersonKey = keyof typeof PEOPLE;

export const uid = (openid: string) => `u_${openid}`;

/** Everyone binds; the 组织部 confirms and grants roles; one newcomer waits for the secretary. */
export async function bindPeople(d: DemoDriver): Promise<void> {
  for (const [key, p] of Object.entries(PEOPLE)) {
    await d.as(p.openid, 'profile.bind', { ...p.profile, isPartyWorker: key.startsWith('sec') });
  }
  const pending = await d.as(ADMIN, 'people.pending', {});
  for (const person of pending.items) {
    if (person.userId === uid(PEOPLE.waiting.openid)) continue;
    await d.as(ADMIN, 'people.confirm', { userId: person.userId, version: person.version, accept: true, reason: '' });
  }
  await d.as(ADMIN, 'people.grant', { userId: uid(PEOPLE.secMed.openid), role: 'secretary', committeeId: 'c-med' });
  await d.as(ADMIN, 'people.grant', { userId: uid(PEOPLE.secArt.openid), role: 'secretary', committeeId: 'c-art' });
  await d.as(ADMIN, 'people.grant', { userId: uid(PEOPLE.rev2.openid), role: 'reviewer' });
  await d.as(ADMIN, 'people.grant', { userId: uid(PEOPLE.rev3.openid), role: 'reviewer' });
}

const IDENTITIES = [HOST, MEMBER2, SECRETARY_CS, SECRETARY_ME, ADMIN, REVIEWER];

/** The demo identities read their 消息 (all of them, as of the demo's clock). */
export async function readAll(d: DemoDriver): Promise<void> {
  for (const openid of IDENTITIES) await d.as(openid, 'messages.markAllRead', {});
}

/** The demo identities allow reminders, as the phone asks on their first draft or assignment. */
export async function subscribeAll(d: DemoDriver): Promise<void> {
  for (const openid of IDENTITIES) {
    for (let i = 0; i < 4; i++) await d.as(openid, 'subscribe.record', { results: { deadline: 'accept', task: 'accept' } });
  }
}
