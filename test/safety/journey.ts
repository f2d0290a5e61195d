import type { Project } from '@shared/domain/project/project';
import type { LifecycleAction } from '@shared/domain/project/state';
import type { BrandReport } from '@shared/domain/brand/report';
import { ADMIN, COMPLETE_FIELDS, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, type Harness } from '../support/harness';

/**
 * A project (and a brand) driven through the real procedures only, up to the state before one
 * call; shared by the fault-injection and concurrency suites.
 */

export const uid = (openid: string) => `u_${openid}`;
/** 10:00 on 2027-01-07 in Beijing: after the seeded batch's recommendation deadline. */
export const REVIEW_DAY = new Date('2027-01-07T02:00:00Z');
export const PERIOD = { publicityStart: '2027-01-07', publicityEnd: '2027-01-13' };
/** 00:00:01 on 2027-01-14 in Beijing: the 公示 is over. */
export const AFTER_PUBLICITY = new Date('2027-01-13T16:00:01Z');
export const TODAY = '2027-01-14';

export interface Call {
  openid: string;
  procedure: string;
  input: unknown;
}

function tick(h: Harness, minutes = 1): void {
  h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
}

export async function stored(h: Harness, id: string): Promise<Project> {
  const p = await h.store.get<Project>('projects', id);
  if (!p) throw new Error(`project ${id} missing`);
  return p;
}

export async function drafted(h: Harness, who = HOST, title = COMPLETE_FIELDS.title): Promise<Project> {
  tick(h);
  const p = await h.ok(who, 'project.create', { batchId: OPEN_BATCH });
  await h.ok(who, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  return stored(h, p._id);
}

export async function submitted(h: Harness, who = HOST, title = COMPLETE_FIELDS.title): Promise<Project> {
  const p = await drafted(h, who, title);
  await h.ok(who, 'project.submit', { id: p._id, version: p.version });
  return stored(h, p._id);
}

/** Two applications of the same committee, recommended with ranks 1 and 2. */
export async function recommendedPair(h: Harness): Promise<[Project, Project]> {
  const a = await submitted(h, HOST, '红色引擎');
  const b = await submitted(h, MEMBER2, '研究生党建');
  await h.ok(SECRETARY_CS, 'committee.decide', { id: a._id, version: a.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
  await h.ok(SECRETARY_CS, 'committee.decide', { id: b._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 2 });
  h.now.value = REVIEW_DAY;
  return [await stored(h, a._id), await stored(h, b._id)];
}

export async function underReviewPair(h: Harness): Promise<[Project, Project]> {
  const [a, b] = await recommendedPair(h);
  tick(h);
  await h.ok(ADMIN, 'review.open', { batchId: OPEN_BATCH });
  return [await stored(h, a._id), await stored(h, b._id)];
}

export async function inPublicityPair(h: Harness): Promise<[Project, Project]> {
  const [a, b] = await underReviewPair(h);
  tick(h);
  await h.ok(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [a._id, b._id], ...PERIOD });
  h.now.value = AFTER_PUBLICITY;
  return [await stored(h, a._id), await stored(h, b._id)];
}

export async function approved(h: Harness): Promise<Project> {
  const [a, b] = await inPublicityPair(h);
  await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [a._id], reject: [{ projectId: b._id, reason: '名额所限' }] });
  return stored(h, a._id);
}

export async function cultivating(h: Harness): Promise<Project> {
  const p = await approved(h);
  tick(h);
  await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: Math.floor((p.grantFen ?? 0) / 2), note: '' });
  return stored(h, p._id);
}

export const MIDTERM = {
  progress: '完成组织共建三次、骨干培训两期。',
  results: '形成《支部建在团队上工作指引》初稿。',
  spendingNote: '已支出第一笔经费的六成，用于资料印制与交通。',
  changeRequests: '',
};

export async function inMidterm(h: Harness): Promise<Project> {
  const p = await cultivating(h);
  tick(h);
  await h.ok(HOST, 'midterm.submit', { projectId: p._id, version: p.version, ...MIDTERM });
  return stored(h, p._id);
}

export async function midtermPassed(h: Harness): Promise<Project> {
  const p = await inMidterm(h);
  tick(h);
  await h.ok(ADMIN, 'midterm.decide', { projectId: p._id, version: p.version, pass: true, comment: '进展良好' });
  return stored(h, p._id);
}

export const OUTCOME = { kind: 'system' as const, title: '支部建在团队上工作指引', description: '学院党委印发执行。' };

export async function finalPrepared(h: Harness): Promise<Project> {
  const p = await midtermPassed(h);
  tick(h);
  await h.ok(HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '一年来项目按计划完成。', outcomes: [OUTCOME] });
  return stored(h, p._id);
}

export async function inFinalDefended(h: Harness): Promise<Project> {
  const p = await finalPrepared(h);
  tick(h);
  await h.ok(SECRETARY_CS, 'final.submit', { projectId: p._id, version: p.version });
  await h.ok(ADMIN, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: ['李教授'], result: '汇报清晰。' });
  return stored(h, p._id);
}

export const BRAND_REPORT: BrandReport = {
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

export async function brandSaved(h: Harness) {
  const b = await h.ok(SECRETARY_CS, 'brand.create', { year: 2026 });
  return h.ok(SECRETARY_CS, 'brand.save', { id: b._id, version: b.version, report: BRAND_REPORT });
}

export async function brandSubmitted(h: Harness) {
  const b = await brandSaved(h);
  return h.ok(SECRETARY_CS, 'brand.submit', { id: b._id, version: b.version });
}

export async function brandAccepted(h: Harness) {
  const b = await brandSubmitted(h);
  return h.ok(ADMIN, 'brand.review', { id: b._id, version: b.version, decision: 'accept', comment: '' });
}

export const PROFILE = {
  name: '周新',
  staffNo: '2410001234',
  kind: 'student' as const,
  committeeId: 'c-me',
  branchId: 'b-me-s1',
  politicalStatus: 'activist' as const,
  isPartyWorker: false,
};

export interface Scenario {
  name: string;
  /** The lifecycle moves this call makes. */
  actions: LifecycleAction[];
  /** Brings a fresh harness to the state before the call, and names the call. */
  prepare(h: Harness): Promise<Call>;
}

/** Every lifecycle move through its procedure, and the other procedures that write several documents. */
export const SCENARIOS: Scenario[] = [
  { name: 'project.create', actions: [], prepare: async () => ({ openid: HOST, procedure: 'project.create', input: { batchId: OPEN_BATCH } }) },
  {
    name: 'project.saveDraft',
    actions: [],
    prepare: async (h) => {
      const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
      return { openid: HOST, procedure: 'project.saveDraft', input: { id: p._id, version: p.version, fields: COMPLETE_FIELDS } };
    },
  },
  {
    name: 'project.submit',
    actions: ['submit'],
    prepare: async (h) => {
      const p = await drafted(h);
      return { openid: HOST, procedure: 'project.submit', input: { id: p._id, version: p.version } };
    },
  },
  {
    name: 'project.withdraw',
    actions: ['withdraw'],
    prepare: async (h) => {
      const p = await submitted(h);
      return { openid: HOST, procedure: 'project.withdraw', input: { id: p._id, version: p.version } };
    },
  },
  ...(['return', 'recommend', 'notRecommend'] as const).map(
    (decision): Scenario => ({
      name: `committee.decide ${decision}`,
      actions: [decision],
      prepare: async (h) => {
        const p = await submitted(h);
        return { openid: SECRETARY_CS, procedure: 'committee.decide', input: { id: p._id, version: p.version, decision, comment: '经党委会研究', ...(decision === 'recommend' ? { rank: 1 } : {}) } };
      },
    }),
  ),
  {
    name: 'review.open',
    actions: ['openReview'],
    prepare: async (h) => {
      await recommendedPair(h);
      return { openid: ADMIN, procedure: 'review.open', input: { batchId: OPEN_BATCH } };
    },
  },
  {
    name: 'review.publicize (one publicised, the other refused)',
    actions: ['publicize', 'reject'],
    prepare: async (h) => {
      const [a] = await underReviewPair(h);
      return { openid: ADMIN, procedure: 'review.publicize', input: { batchId: OPEN_BATCH, projectIds: [a._id], ...PERIOD } };
    },
  },
  {
    name: 'review.finalize (one approved, one refused)',
    actions: ['approve', 'reject'],
    prepare: async (h) => {
      const [a, b] = await inPublicityPair(h);
      return { openid: ADMIN, procedure: 'review.finalize', input: { batchId: OPEN_BATCH, approve: [a._id], reject: [{ projectId: b._id, reason: '名额所限' }] } };
    },
  },
  {
    name: 'funding.disburse tranche 1',
    actions: ['startCultivation'],
    prepare: async (h) => {
      const p = await approved(h);
      return { openid: ADMIN, procedure: 'funding.disburse', input: { projectId: p._id, tranche: 1, amountFen: 1_000_000, note: '' } };
    },
  },
  {
    name: 'midterm.submit',
    actions: ['submitMidterm'],
    prepare: async (h) => {
      const p = await cultivating(h);
      return { openid: HOST, procedure: 'midterm.submit', input: { projectId: p._id, version: p.version, ...MIDTERM } };
    },
  },
  ...([true, false] as const).map(
    (pass): Scenario => ({
      name: `midterm.decide ${pass ? 'pass' : 'fail'}`,
      actions: [pass ? 'passMidterm' : 'failMidterm'],
      prepare: async (h) => {
        const p = await inMidterm(h);
        return { openid: ADMIN, procedure: 'midterm.decide', input: { projectId: p._id, version: p.version, pass, comment: '验收意见' } };
      },
    }),
  ),
  {
    name: 'final.submit',
    actions: ['submitFinal'],
    prepare: async (h) => {
      const p = await finalPrepared(h);
      return { openid: SECRETARY_CS, procedure: 'final.submit', input: { projectId: p._id, version: p.version } };
    },
  },
  ...([true, false] as const).map(
    (pass): Scenario => ({
      name: `final.decide ${pass ? 'pass' : 'fail'}`,
      actions: [pass ? 'conclude' : 'failFinal'],
      prepare: async (h) => {
        const p = await inFinalDefended(h);
        return { openid: ADMIN, procedure: 'final.decide', input: { projectId: p._id, version: p.version, pass, comment: '验收意见' } };
      },
    }),
  ),
  {
    name: 'funding.disburse tranche 2',
    actions: [],
    prepare: async (h) => {
      const p = await midtermPassed(h);
      return { openid: ADMIN, procedure: 'funding.disburse', input: { projectId: p._id, tranche: 2, amountFen: 1_000_000, note: '' } };
    },
  },
  {
    name: 'funding.addExpense',
    actions: [],
    prepare: async (h) => {
      const p = await cultivating(h);
      return { openid: HOST, procedure: 'funding.addExpense', input: { projectId: p._id, date: TODAY, item: '资料印制', amountFen: 1_200, receipts: ['cloud://env/receipts/r1.jpg'] } };
    },
  },
  {
    name: 'team.invite',
    actions: [],
    prepare: async (h) => {
      const p = await drafted(h);
      return { openid: HOST, procedure: 'team.invite', input: { projectId: p._id } };
    },
  },
  {
    name: 'team.join',
    actions: [],
    prepare: async (h) => {
      const p = await drafted(h);
      const inv = await h.ok(HOST, 'team.invite', { projectId: p._id });
      return { openid: MEMBER2, procedure: 'team.join', input: { token: inv.token } };
    },
  },
  {
    name: 'batch.extendDeadline',
    actions: [],
    prepare: async (h) => {
      const b = await h.ok(ADMIN, 'batch.get', { id: OPEN_BATCH });
      return { openid: ADMIN, procedure: 'batch.extendDeadline', input: { id: OPEN_BATCH, version: b.version, field: 'submissionDeadline', date: '2026-12-31', reason: '因期末考试周延期' } };
    },
  },
  { name: 'profile.bind', actions: [], prepare: async () => ({ openid: NEWCOMER, procedure: 'profile.bind', input: PROFILE }) },
  {
    name: 'people.grant',
    actions: [],
    prepare: async (h) => {
      const [p] = await h.ok(ADMIN, 'people.find', { staffNo: '2310452117' });
      return { openid: ADMIN, procedure: 'people.grant', input: { userId: p.userId, role: 'reviewer' } };
    },
  },
  { name: 'brand.create', actions: [], prepare: async () => ({ openid: SECRETARY_CS, procedure: 'brand.create', input: { year: 2026 } }) },
  {
    name: 'brand.submit',
    actions: [],
    prepare: async (h) => {
      const b = await brandSaved(h);
      return { openid: SECRETARY_CS, procedure: 'brand.submit', input: { id: b._id, version: b.version } };
    },
  },
  {
    name: 'brand.review',
    actions: [],
    prepare: async (h) => {
      const b = await brandSubmitted(h);
      return { openid: ADMIN, procedure: 'brand.review', input: { id: b._id, version: b.version, decision: 'accept', comment: '' } };
    },
  },
  {
    name: 'brand.promote',
    actions: [],
    prepare: async (h) => {
      const b = await brandAccepted(h);
      return { openid: ADMIN, procedure: 'brand.promote', input: { id: b._id, version: b.version } };
    },
  },
  {
    name: 'subscribe.record',
    actions: [],
    prepare: async () => ({ openid: HOST, procedure: 'subscribe.record', input: { results: { deadline: 'accept', task: 'accept' } } }),
  },
];

