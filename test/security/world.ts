import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { CallResult, InputOf, OutputOf, ProcedureName } from '@shared/contracts';
import type { BrandReport } from '@shared/domain/brand/report';
import { tranchesFor } from '@shared/domain/project/funding';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite/store';
import { createApp } from '../../cloudfunctions/core/app';
import { COLLECTIONS } from '../../cloudfunctions/core/ports/collections';
import { MAX_PAGE, type Store, type StoredDoc } from '../../cloudfunctions/core/ports/store';
import type { Router } from '../../cloudfunctions/core/router/router';
import { seedIfEmpty } from '../../cloudfunctions/local/seed';
import { ADMIN, COMPLETE_FIELDS, HOST, MEMBER2, memoryFiles, NEWCOMER, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type MemoryFiles } from '../support/harness';

/**
 * One fixture world for the authorization matrix, built once by calling the real procedures as
 * the real actors on a real SQLite file, then copied (a file copy) for every case so that a
 * mutating call never leaks into the next one.
 *
 * Every role is one fixed person. "In scope" objects belong to 计算机与软件学院党委 (c-cs): hosted
 * by 张晓明 (host), with 李思雨 on the team, 王建国 as their committee's secretary and 赵明 (艺术学部)
 * assigned as reviewer. "Out of scope" objects are the same kind of object of 机电与控制工程学院党委
 * (c-me), hosted by 吴机电 (no role of the matrix), with nobody on the team and no reviewer
 * assigned — so host, team, ownSecretary and reviewer are strangers to them, while otherSecretary
 * (陈立华, c-me) is in fact their own committee's secretary.
 */

export const ROLE_NAMES = ['anonymous', 'unbound', 'pending', 'member', 'host', 'team', 'ownSecretary', 'otherSecretary', 'reviewer', 'otherReviewer', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const HOST_ME = 'w-host-me';
export const OUTSIDER = 'w-member';
export const REVIEWER = 'dev-reviewer';
export const REVIEWER2 = 'w-reviewer';
/** People who bound a profile that their committee has not confirmed yet. */
export const PENDING = { cs: 'w-pending-cs', me: 'w-pending-me' } as const;

/** Who calls as each role (null: no identity at all). */
export const CALLERS: Readonly<Record<RoleName, string | null>> = {
  anonymous: null,
  unbound: NEWCOMER,
  // 郑待定: bound to c-cs, not yet confirmed by the committee — may look around, not act.
  pending: PENDING.cs,
  // 周小川: a bound 党员 of the same committee (c-cs) as the in-scope objects, on none of them.
  member: OUTSIDER,
  host: HOST,
  team: MEMBER2,
  ownSecretary: SECRETARY_CS,
  otherSecretary: SECRETARY_ME,
  // 赵明 (c-art): assigned to every in-scope project that went to review.
  reviewer: REVIEWER,
  // 周健 (c-pe): a reviewer assigned to nothing.
  otherReviewer: REVIEWER2,
  admin: ADMIN,
};

export const uid = (openid: string) => `u_${openid}`;

/** Project stages of the world, each in its own batch (a host holds one project per batch). */
export const STAGES = ['draft', 'submitted', 'recommended', 'underReview', 'publicity', 'approved', 'cultivating', 'midterm', 'passed', 'final'] as const;
export type Stage = (typeof STAGES)[number];

export const BRAND_STAGES = ['draft', 'submitted', 'accepted', 'promoted'] as const;
export type BrandStage = (typeof BRAND_STAGES)[number];

/** Every project of the world has its own title, so a response can be searched for the titles it shows. */
export const projectTitle = (stage: Stage, side: 'cs' | 'me') => `${side === 'cs' ? '计算机' : '机电'}·${stage}`;
export const TITLE_RE = /(?:计算机|机电)·[A-Za-z]+/g;

/** Every brand of the world has its own name too. */
export const brandName = (stage: BrandStage, side: 'cs' | 'me') => `${side === 'cs' ? '计院' : '机院'}品牌·${stage}`;
export const BRAND_RE = /(?:计院|机院)品牌·[A-Za-z]+/g;

export interface Ref {
  id: string;
  version: number;
}
export interface Pair<T = Ref> {
  cs: T;
  me: T;
}

export interface World {
  /** The SQLite file holding the built world (copied for each case). */
  file: string;
  now: Date;
  batches: Record<Stage, string>;
  /** Committee-level batches (自行培育立项) of c-cs and c-me. */
  committeeBatches: Pair;
  /** A school-level batch with its version. */
  schoolBatch: Ref;
  projects: Record<Stage, Pair>;
  /** Version of each passed project's 结项 report (for final.save). */
  finalReportVersions: Pair<number>;
  brands: Record<BrandStage, Pair>;
  /** Open invitations to the draft projects. */
  invitations: Pair<string>;
  /** An extension in each committee's own batch (for the committee), not yet used. */
  extensions: Pair<string>;
  /** The objection raised on the c-cs project in 公示, without a finding. */
  objection: string;
  /** A subscription-message template key the server knows. */
  templateKey: string;
  /** Grant of every approved project, in fen. */
  grantFen: number;
  /** Profiles waiting for their committee's confirmation. */
  pending: Pair;
  /** A message in the host's 消息. */
  hostMessage: string;
  /** A PC's sign-in ticket nobody has scanned yet, with the PC's poll secret. */
  pcTicket: { ticketId: string; pollSecret: string };
  /** A PC session of the host (signed in by scanning). */
  hostPcSession: string;
}

/** 10:00 on 2026-12-10 in Beijing: when every case of the matrix runs. */
export const WORLD_NOW = new Date('2026-12-10T02:00:00Z');
const START = new Date('2026-11-27T02:00:00Z');
const GRANT = 2_000_000;

export const FULL_REPORT: BrandReport = {
  name: '红色引擎·智汇先锋',
  logo: { fileId: 'cloud://env/logo.png', explanation: '红色齿轮象征党建引领发展。' },
  connotation: '以党建引领科研创新，把支部建在团队上。',
  approach: '实践—总结—规范—提高—定型—推广，三年形成品牌。',
  stage: 'practice',
  carriers: [{ title: '先锋讲堂', description: '每月一次的党员讲堂。', projectId: null, photos: ['cloud://env/p1.jpg'] }],
  influence: [{ kind: 'coverage', title: '学习强国报道', date: '2026-10-01', link: 'https://www.xuexi.cn/a.html', imageId: null }],
  problems: '品牌影响力仍需扩大。',
  publicNames: ['品牌工作室'],
};

/** A running server on one SQLite file, with a clock the caller moves. */
export interface App {
  store: Store;
  /** What the server exported on this copy, readable back. */
  files: MemoryFiles;
  router: Router;
  now: { value: Date };
  raw(openid: string | null, procedure: string, input: unknown): Promise<CallResult<unknown>>;
  ok<P extends ProcedureName>(openid: string, procedure: P, input: InputOf<P>): Promise<OutputOf<P>>;
  close(): Promise<void>;
}

export function openApp(file: string, now: Date, idPrefix: string): App {
  const store = openSqliteStore(file);
  const clock = { value: now };
  let n = 0;
  const files = memoryFiles();
  const router = createApp({ store, clock: () => clock.value, newId: () => `${idPrefix}${++n}`, files, logger: { error: () => {} } });
  const raw = (openid: string | null, procedure: string, input: unknown) =>
    router.call(openid ? { openid } : null, { procedure, input, requestId: `${idPrefix}r${++n}` });
  return {
    store,
    files,
    router,
    now: clock,
    raw,
    async ok(openid, procedure, input) {
      const r = await raw(openid, procedure, input);
      if (!r.ok) throw new Error(`world: ${procedure} as ${openid} failed: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    },
    close: () => store.close(),
  };
}

let dir: string | null = null;
function scratch(): string {
  if (!dir) dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'authz-matrix-'));
  return dir;
}

/** Removes every file the world and its copies left. */
export function removeWorldFiles(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
}

let copies = 0;
/** A fresh copy of the world, served at WORLD_NOW. */
export function openCopy(world: World): App & { file: string } {
  const file = join(scratch(), `case-${++copies}.sqlite`);
  copyFileSync(world.file, file);
  const app = openApp(file, world.now, `c${copies}x`);
  return {
    ...app,
    file,
    async close() {
      await app.store.close();
      rmSync(file, { force: true });
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
    },
  };
}

/** A digest of everything stored: equal before and after a call that wrote nothing. */
export async function fingerprint(store: Store): Promise<string> {
  const hash = createHash('sha1');
  for (const collection of Object.keys(COLLECTIONS)) {
    // A rate limit counts attempts, refused ones too (a caller probing out of scope is throttled like any other): not a write of the call's.
    if (collection === 'rateBuckets') continue;
    const docs: StoredDoc[] = [];
    for (let skip = 0; ; skip += MAX_PAGE) {
      const page = await store.find<StoredDoc>(collection, { limit: MAX_PAGE, skip });
      docs.push(...page);
      if (page.length < MAX_PAGE) break;
    }
    docs.sort((a, b) => a._id.localeCompare(b._id));
    hash.update(`${collection}:${JSON.stringify(docs)}\n`);
  }
  return hash.digest('hex');
}

/** Dates of a school batch: Beijing calendar dates, in the notice's order. */
const OPEN_CALENDAR = { submissionDeadline: '2026-12-27', recommendationDeadline: '2027-01-06' };
const CLOSED_CALENDAR = { submissionDeadline: '2026-11-28', recommendationDeadline: '2026-11-29' };
const LATE_CALENDAR = { ...CLOSED_CALENDAR, publicityStart: '2026-12-01', publicityEnd: '2026-12-02', midtermDate: '2027-06-30', finalDate: '2027-12-31' };

const CALENDARS: Record<Exclude<Stage, 'draft'>, Record<string, string>> = {
  submitted: OPEN_CALENDAR,
  recommended: OPEN_CALENDAR,
  // Submission and recommendation closed; no review window (scoring open); 公示 may be set later.
  underReview: CLOSED_CALENDAR,
  publicity: { ...CLOSED_CALENDAR, publicityStart: '2026-12-05', publicityEnd: '2026-12-20' },
  approved: LATE_CALENDAR,
  cultivating: LATE_CALENDAR,
  midterm: LATE_CALENDAR,
  passed: LATE_CALENDAR,
  final: LATE_CALENDAR,
};

const at = (iso: string) => new Date(iso);

/** Builds the world on a file: every object through the procedures, as the person who would act. */
export async function buildWorld(): Promise<World> {
  const file = join(scratch(), 'world.sqlite');
  const app = openApp(file, START, 'w');
  await seedIfEmpty(app.store, START);
  const { ok } = app;
  const tick = () => {
    app.now.value = new Date(app.now.value.getTime() + 60_000);
  };

  // People: an outsider of c-cs, the host of the c-me projects, a second reviewer (granted by the 组织部).
  const bind = (openid: string, name: string, staffNo: string, committeeId: string, branchId: string) =>
    ok(openid, 'profile.bind', { name, staffNo, kind: 'teacher', committeeId, branchId, politicalStatus: 'full_member', isPartyWorker: true });
  await bind(OUTSIDER, '周小川', 'T2015088', 'c-cs', 'b-cs-s2');
  await bind(HOST_ME, '吴机电', 'T2012066', 'c-me', 'b-me-s1');
  await bind(REVIEWER2, '周健', 'T2007033', 'c-pe', 'b-pe-t1');
  // Each committee confirms its own people (DESIGN); the 组织部's grant confirms the reviewer.
  const confirm = async (secretary: string, openid: string) => {
    const user = await app.store.get<{ _id: string; version: number }>('users', uid(openid));
    await ok(secretary, 'people.confirm', { userId: uid(openid), version: user!.version, accept: true });
  };
  await confirm(SECRETARY_CS, OUTSIDER);
  await confirm(SECRETARY_ME, HOST_ME);
  await ok(ADMIN, 'people.grant', { userId: uid(REVIEWER2), role: 'reviewer' });
  // Two people still waiting for their committee's confirmation.
  await bind(PENDING.cs, '郑待定', 'S2026101', 'c-cs', 'b-cs-s2');
  await bind(PENDING.me, '钱待定', 'S2026102', 'c-me', 'b-me-s1');

  // Batches: the seeded open one holds the drafts; every other stage has its own school batch.
  const batches = { draft: OPEN_BATCH } as Record<Stage, string>;
  for (const stage of STAGES) {
    if (stage === 'draft') continue;
    const b = await ok(ADMIN, 'batch.create', {
      name: `矩阵批次·${stage}`,
      year: 2026,
      level: 'school',
      calendar: CALENDARS[stage] as never,
      grantPerProject: GRANT,
      quota: 5,
      noticeTitle: '',
      paperInstructions: '',
    });
    batches[stage] = b._id;
  }
  const committeeBatch = (openid: string, committeeId: string) =>
    ok(openid, 'batch.create', { name: '自行培育批次', year: 2026, level: 'committee', committeeId, calendar: OPEN_CALENDAR, grantPerProject: 500_000, quota: 3, noticeTitle: '', paperInstructions: '' });
  const cbCs = await committeeBatch(SECRETARY_CS, 'c-cs');
  const cbMe = await committeeBatch(SECRETARY_ME, 'c-me');

  // Projects: one of c-cs (host 张晓明, team 李思雨) and one of c-me (host 吴机电) per stage.
  const ids = {} as Record<Stage, { cs: string; me: string }>;
  const invitations = { cs: '', me: '' };
  for (const stage of STAGES) {
    const made = { cs: '', me: '' };
    for (const side of ['cs', 'me'] as const) {
      tick();
      const host = side === 'cs' ? HOST : HOST_ME;
      const p = await ok(host, 'project.create', { batchId: batches[stage] });
      const saved = await ok(host, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: projectTitle(stage, side) } });
      if (side === 'cs') {
        const inv = await ok(HOST, 'team.invite', { projectId: p._id });
        await ok(MEMBER2, 'team.join', { token: inv.token });
      }
      if (stage !== 'draft') await ok(host, 'project.submit', { id: saved._id, version: saved.version });
      made[side] = p._id;
    }
    ids[stage] = made;
  }
  const current = async (id: string) => {
    const p = await app.store.get<StoredDoc>('projects', id);
    if (!p) throw new Error(`world: project ${id} missing`);
    return p.version;
  };

  // 推荐 by each committee's secretary, then 立项评审 opened by the 组织部 with 赵明 on the c-cs project.
  const reviewStages: Stage[] = ['underReview', 'publicity', 'approved', 'cultivating', 'midterm', 'passed', 'final'];
  for (const stage of ['recommended', ...reviewStages] as Stage[]) {
    tick();
    for (const [side, secretary] of [['cs', SECRETARY_CS], ['me', SECRETARY_ME]] as const) {
      const id = ids[stage][side];
      await ok(secretary, 'committee.decide', { id, version: await current(id), decision: 'recommend', comment: '经党委会研究，同意推荐', rank: 1 });
    }
  }
  for (const stage of reviewStages) {
    tick();
    await ok(ADMIN, 'review.open', { batchId: batches[stage] });
    await ok(ADMIN, 'review.assign', { batchId: batches[stage], projectId: ids[stage].cs, reviewerIds: [uid(REVIEWER)] });
  }

  // 公示 and 立项 of the late batches (公示 12-01..12-02), then 拨付, 中期 and 结项 as far as each stage goes.
  const late: Stage[] = ['approved', 'cultivating', 'midterm', 'passed', 'final'];
  app.now.value = at('2026-12-01T02:00:00Z');
  for (const stage of late) {
    await ok(ADMIN, 'review.publicize', { batchId: batches[stage], projectIds: [ids[stage].cs, ids[stage].me], publicityStart: '2026-12-01', publicityEnd: '2026-12-02' });
    // Staged outcomes are seen by nobody but the 组织部 until released.
    await ok(ADMIN, 'release.run', { batchId: batches[stage], stage: 'publicity' });
  }
  app.now.value = at('2026-12-03T02:00:00Z');
  for (const stage of late) {
    await ok(ADMIN, 'review.finalize', { batchId: batches[stage], approve: [ids[stage].cs, ids[stage].me], reject: [] });
    await ok(ADMIN, 'release.run', { batchId: batches[stage], stage: 'approval' });
  }
  const [tranche1] = [tranchesFor(GRANT)[1]];
  for (const stage of ['cultivating', 'midterm', 'passed', 'final'] as Stage[]) {
    for (const side of ['cs', 'me'] as const) {
      tick();
      await ok(ADMIN, 'funding.disburse', { projectId: ids[stage][side], tranche: 1, amountFen: tranche1, note: '' });
    }
  }
  for (const stage of ['midterm', 'passed', 'final'] as Stage[]) {
    for (const [side, host] of [['cs', HOST], ['me', HOST_ME]] as const) {
      tick();
      const id = ids[stage][side];
      await ok(host, 'midterm.submit', { projectId: id, version: await current(id), progress: '完成组织共建三次。', results: '形成工作指引初稿。', spendingNote: '已支出部分第一笔经费。', changeRequests: '' });
      if (stage !== 'midterm') await ok(ADMIN, 'midterm.decide', { projectId: id, version: await current(id), pass: true, comment: '进展良好' });
    }
  }
  const outcome = { kind: 'system' as const, title: '支部建在团队上工作指引', description: '学院党委印发执行。' };
  for (const stage of ['passed', 'final'] as Stage[]) {
    for (const [side, host] of [['cs', HOST], ['me', HOST_ME]] as const) {
      tick();
      await ok(host, 'final.save', { projectId: ids[stage][side], reportVersion: null, summary: '一年来项目按计划完成。', outcomes: [outcome] });
    }
  }
  for (const [side, secretary] of [['cs', SECRETARY_CS], ['me', SECRETARY_ME]] as const) {
    tick();
    const id = ids.final[side];
    await ok(secretary, 'final.submit', { projectId: id, version: await current(id) });
    await ok(ADMIN, 'final.recordDefense', { projectId: id, date: '2026-12-03', panel: ['王教授', '李研究员'], result: '汇报清楚，成果扎实。' });
  }

  // The publicity batch: 公示 from 12-05 to 12-20, with one objection raised on the c-cs project.
  app.now.value = at('2026-12-05T02:00:00Z');
  await ok(ADMIN, 'review.publicize', { batchId: batches.publicity, projectIds: [ids.publicity.cs, ids.publicity.me], publicityStart: '2026-12-05', publicityEnd: '2026-12-20' });
  await ok(ADMIN, 'release.run', { batchId: batches.publicity, stage: 'publicity' });
  const objection = await ok(OUTSIDER, 'review.object', { projectId: ids.publicity.cs, text: '该项目的预算表与实际情况不符，请核实。' });

  // Brands: each committee has a draft (2026), a submitted (2025), an accepted (2024) and a promoted (2023) one.
  const brandIds = {} as Record<BrandStage, { cs: string; me: string }>;
  const years: Record<BrandStage, number> = { draft: 2026, submitted: 2025, accepted: 2024, promoted: 2023 };
  for (const stage of BRAND_STAGES) {
    const made = { cs: '', me: '' };
    for (const [side, secretary, committeeId] of [['cs', SECRETARY_CS, 'c-cs'], ['me', SECRETARY_ME, 'c-me']] as const) {
      tick();
      const b = await ok(secretary, 'brand.create', { committeeId, year: years[stage] });
      let v = await ok(secretary, 'brand.save', { id: b._id, version: b.version, report: { ...FULL_REPORT, name: brandName(stage, side) } });
      if (stage !== 'draft') v = await ok(secretary, 'brand.submit', { id: v._id, version: v.version });
      if (stage === 'accepted' || stage === 'promoted') v = await ok(ADMIN, 'brand.review', { id: v._id, version: v.version, decision: 'accept', comment: '' });
      if (stage === 'promoted') v = await ok(ADMIN, 'brand.promote', { id: v._id, version: v.version });
      made[side] = b._id;
    }
    brandIds[stage] = made;
  }

  // Now: fresh invitations to the draft projects (valid for a week).
  app.now.value = WORLD_NOW;
  invitations.cs = (await ok(HOST, 'team.invite', { projectId: ids.draft.cs })).token;
  invitations.me = (await ok(HOST_ME, 'team.invite', { projectId: ids.draft.me })).token;
  const templates = await ok(HOST, 'subscribe.templates', {});
  const templateKey = templates.templates[0]?.key;
  if (!templateKey) throw new Error('world: no subscription template configured');
  // 扫码登录: a PC's ticket waiting to be scanned, and a PC the host signed in on.
  const startTicket = async () => {
    const r = await app.raw(null, 'pcLogin.start', { browser: 'Chrome/120 Windows' });
    if (!r.ok) throw new Error(`world: pcLogin.start failed: ${r.error.message}`);
    const { ticketId, pollSecret } = r.data as { ticketId: string; pollSecret: string };
    return { ticketId, pollSecret };
  };
  const pcTicket = await startTicket();
  const hostPc = await startTicket();
  await ok(HOST, 'pcLogin.describe', { ticketId: hostPc.ticketId });
  await ok(HOST, 'pcLogin.answer', { ticketId: hostPc.ticketId, confirm: true });
  await app.raw(null, 'pcLogin.poll', hostPc);
  const [hostSession] = await app.store.find<StoredDoc & { userId: string }>('pcSessions', { where: { userId: uid(HOST) }, limit: 1 });
  if (!hostSession) throw new Error('world: the host’s PC session is missing');

  // 个别延期: each committee's own batch for the committee; the c-cs host of the open school batch.
  const extensions = {
    cs: (await ok(SECRETARY_CS, 'batch.grantExtension', { batchId: cbCs._id, target: 'committee', targetId: 'c-cs', date: '2027-01-04', reason: '支部换届' }))._id,
    me: (await ok(SECRETARY_ME, 'batch.grantExtension', { batchId: cbMe._id, target: 'committee', targetId: 'c-me', date: '2027-01-04', reason: '支部换届' }))._id,
  };
  await ok(ADMIN, 'batch.grantExtension', { batchId: batches.draft, target: 'host', targetId: uid(HOST), date: '2027-01-04', reason: '住院治疗' });

  const ref = async (collection: string, id: string): Promise<Ref> => {
    const doc = await app.store.get<StoredDoc>(collection, id);
    if (!doc) throw new Error(`world: ${collection}/${id} missing`);
    return { id, version: doc.version };
  };
  const projects = {} as Record<Stage, Pair>;
  for (const stage of STAGES) projects[stage] = { cs: await ref('projects', ids[stage].cs), me: await ref('projects', ids[stage].me) };
  const brands = {} as Record<BrandStage, Pair>;
  for (const stage of BRAND_STAGES) brands[stage] = { cs: await ref('brands', brandIds[stage].cs), me: await ref('brands', brandIds[stage].me) };
  const finalReportVersions = {
    cs: (await ref('projectReports', `${ids.passed.cs}:final`)).version,
    me: (await ref('projectReports', `${ids.passed.me}:final`)).version,
  };
  const [hostMessage] = await app.store.find<StoredDoc>('outbox', { where: { recipientId: uid(HOST), box: 'inbox' }, limit: 1 });
  if (!hostMessage) throw new Error('world: the host has no message');
  const world: World = {
    file,
    hostMessage: hostMessage._id,
    now: WORLD_NOW,
    batches,
    committeeBatches: { cs: await ref('batches', cbCs._id), me: await ref('batches', cbMe._id) },
    schoolBatch: await ref('batches', batches.submitted),
    projects,
    finalReportVersions,
    brands,
    invitations,
    extensions,
    objection: objection._id,
    templateKey,
    grantFen: GRANT,
    pending: { cs: await ref('users', uid(PENDING.cs)), me: await ref('users', uid(PENDING.me)) },
    pcTicket,
    hostPcSession: hostSession._id,
  };
  await app.close();
  return world;
}
