import type { Batch } from '@shared/domain/batch';
import type { Branch, Committee } from '@shared/domain/org';
import type { User } from '@shared/domain/person';
import { addCalendarDays as addDays, dateIn } from '@shared/time/deadline';
import { userIdFor } from '../core/context';
import { nameKeys } from '../core/services/name-keys';
import { indexRoles } from '../core/services/role-index';
import type { Store, StoreOps, StoredDoc } from '../core/ports/store';

/** The demo identities offered by the dev sign-in page. */
export interface DemoIdentity {
  openid: string;
  label: string;
  description: string;
}

const COMMITTEES: Committee[] = [
  { _id: 'c-cs', name: '计算机与软件学院党委', kind: 'committee', order: 1 },
  { _id: 'c-me', name: '机电与控制工程学院党委', kind: 'committee', order: 2 },
  { _id: 'c-med', name: '医学部党委', kind: 'committee', order: 3 },
  { _id: 'c-art', name: '艺术学部党委', kind: 'committee', order: 4 },
  { _id: 'c-pe', name: '体育学院党总支', kind: 'general_branch', order: 5 },
];

const BRANCHES: Branch[] = [
  { _id: 'b-cs-t1', committeeId: 'c-cs', name: '计算机系教工第一党支部' },
  { _id: 'b-cs-s1', committeeId: 'c-cs', name: '软件工程研究生第一党支部' },
  { _id: 'b-cs-s2', committeeId: 'c-cs', name: '本科生第二党支部' },
  { _id: 'b-me-t1', committeeId: 'c-me', name: '机电系教工党支部' },
  { _id: 'b-me-s1', committeeId: 'c-me', name: '机电研究生党支部' },
  { _id: 'b-med-t1', committeeId: 'c-med', name: '基础医学院教工党支部' },
  { _id: 'b-med-s1', committeeId: 'c-med', name: '临床医学本科生党支部' },
  { _id: 'b-art-t1', committeeId: 'c-art', name: '美术系教工党支部' },
  { _id: 'b-pe-t1', committeeId: 'c-pe', name: '体育学院教工党支部' },
];

type Seed = Omit<User, 'version' | 'createdAt' | '_id'> & { label: string; description: string };

const USERS: Seed[] = [
  {
    openid: 'dev-member-1', label: '张晓明（党员·项目主持人）', description: '计算机与软件学院党委 · 教工党务工作者',
    profile: { name: '张晓明', staffNo: 'T2009031', kind: 'teacher', committeeId: 'c-cs', branchId: 'b-cs-t1', politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed', roles: [{ role: 'member' }],
  },
  {
    openid: 'dev-member-2', label: '李思雨（学生党员）', description: '计算机与软件学院党委 · 研究生预备党员',
    profile: { name: '李思雨', staffNo: '2310452117', kind: 'student', committeeId: 'c-cs', branchId: 'b-cs-s1', politicalStatus: 'probationary_member', isPartyWorker: false },
    profileStatus: 'confirmed', roles: [{ role: 'member' }],
  },
  {
    openid: 'dev-secretary-cs', label: '王建国（计算机学院党委书记）', description: '计算机与软件学院党委 · 书记',
    profile: { name: '王建国', staffNo: 'T1998007', kind: 'teacher', committeeId: 'c-cs', branchId: 'b-cs-t1', politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed', roles: [{ role: 'member' }, { role: 'secretary', committeeId: 'c-cs' }],
  },
  {
    openid: 'dev-secretary-me', label: '陈立华（机电学院党委组织员）', description: '机电与控制工程学院党委 · 组织员',
    profile: { name: '陈立华', staffNo: 'T2003115', kind: 'teacher', committeeId: 'c-me', branchId: 'b-me-t1', politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed', roles: [{ role: 'member' }, { role: 'secretary', committeeId: 'c-me' }],
  },
  {
    openid: 'dev-admin', label: '刘芳（党委组织部）', description: '党委组织部 · 组织科',
    profile: { name: '刘芳', staffNo: 'T2011020', kind: 'teacher', committeeId: 'c-med', branchId: 'b-med-t1', politicalStatus: 'full_member', isPartyWorker: true },
    profileStatus: 'confirmed', roles: [{ role: 'member' }, { role: 'admin' }],
  },
  {
    openid: 'dev-reviewer', label: '赵明（评审专家）', description: '艺术学部党委 · 评审专家',
    profile: { name: '赵明', staffNo: 'T2001056', kind: 'teacher', committeeId: 'c-art', branchId: 'b-art-t1', politicalStatus: 'full_member', isPartyWorker: false },
    profileStatus: 'confirmed', roles: [{ role: 'member' }, { role: 'reviewer' }],
  },
];

export const DEMO_IDENTITIES: DemoIdentity[] = [
  ...USERS.map(({ openid, label, description }) => ({ openid, label, description })),
  { openid: 'dev-newcomer', label: '新用户（未绑定身份）', description: '首次进入，需要先绑定身份' },
];

export function demoBatches(now: Date): Batch[] {
  const today = dateIn(now);
  const year = Number(today.slice(0, 4));
  return [
    {
      _id: 'batch-2022-2',
      name: '第二批校级党建精品项目（2022）',
      year: 2022,
      level: 'school',
      calendar: { submissionDeadline: '2022-06-29', midtermDate: '2022-12-31', finalDate: '2023-06-30' },
      grantPerProject: 2_000_000,
      quota: 20,
      noticeTitle: '关于深入推进深圳大学基层党建品牌创建和开展第二批党建精品项目建设工作的通知（深大党组〔2022〕12号）',
    },
    {
      _id: `batch-${year}-open`,
      name: `第三批校级党建精品项目（${year}）`,
      year,
      level: 'school',
      calendar: {
        submissionDeadline: addDays(today, 30),
        recommendationDeadline: addDays(today, 40),
        midtermDate: addDays(today, 210),
        finalDate: addDays(today, 395),
      },
      grantPerProject: 2_000_000,
      quota: 20,
      noticeTitle: '党建精品项目申报（演示批次）',
    },
  ];
}

async function insertAll<T extends StoredDoc>(store: StoreOps, collection: string, docs: Array<Omit<T, 'version'>>): Promise<void> {
  for (const doc of docs) await store.insert<T>(collection, doc);
}

/** Seeds a new database once; a database that has committees already is left as it is. */
export async function seedIfEmpty(store: Store, now: Date): Promise<boolean> {
  if ((await store.count('committees')) > 0) return false;
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    await insertAll<Committee & StoredDoc>(tx, 'committees', COMMITTEES);
    await insertAll<Branch & StoredDoc>(tx, 'branches', BRANCHES);
    await insertAll<Batch & StoredDoc>(tx, 'batches', demoBatches(now));
    await insertAll<User>(
      tx,
      'users',
      USERS.map(({ label: _label, description: _description, ...u }) => ({ ...u, ...nameKeys(u.profile.name, u.profile.staffNo), _id: userIdFor(u.openid), createdAt: at })),
    );
    for (const u of USERS) await indexRoles(tx, userIdFor(u.openid), u.roles);
  });
  return true;
}
