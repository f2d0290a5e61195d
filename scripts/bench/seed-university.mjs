// A seeded university for the scale benchmark: 60 committees, 600 branches, 30 000 people, 3 000
// projects across three batches, ~20 000 reviews, brands, money and audit lines. Every document
// is written through the store port (one transaction per collection group), in the shapes the
// procedures read (shared/domain/**, cloudfunctions/core/procedures/**/records|docs.ts).
import { userIdFor } from '../../cloudfunctions/core/context.ts';
import { nameKeys } from '../../cloudfunctions/core/services/name-keys.ts';
import { SUGGESTED_RUBRIC, scoreOf } from '../../shared/domain/project/review.ts';
import { tranchesFor } from '../../shared/domain/project/funding.ts';
import { brandSearchText } from '../../shared/domain/brand/brand.ts';

/** The bench's clock: 10:00 Beijing on 2026-11-27 (the review round of BATCH_REVIEW is open). */
export const NOW = new Date('2026-11-27T02:00:00Z');
export const BATCH_PAST = 'batch-2024';
export const BATCH_REVIEW = 'batch-2026-1';
export const BATCH_OPEN = 'batch-2026-open';

export const SIZES = { committees: 60, branchesPerCommittee: 10, users: 30_000, admins: 5, secretaries: 90, reviewers: 200 };

/** Projects per batch and state (3 000 in all). */
const PLAN = {
  [BATCH_PAST]: { not_recommended: 250, rejected: 150, cultivating: 400, midterm_review: 150, terminated: 50, final_review: 150, concluded: 200, failed: 50 },
  [BATCH_REVIEW]: { returned: 50, not_recommended: 250, recommended: 150, under_review: 450, rejected: 100 },
  [BATCH_OPEN]: { draft: 350, submitted: 150, returned: 50, recommended: 50 },
};
/** Reviewers per application: the past round kept big panels; the open round is within readAll's 3 000. */
const PANEL = { [BATCH_PAST]: 15, [BATCH_REVIEW]: 5 };

/** The state path each state was reached by: the audit lines a project carries. */
const PATHS = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  recommended: ['submit', 'recommend'],
  not_recommended: ['submit', 'notRecommend'],
  under_review: ['submit', 'recommend', 'openReview'],
  rejected: ['submit', 'recommend', 'openReview', 'reject'],
  cultivating: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation'],
  midterm_review: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation', 'submitMidterm'],
  terminated: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation', 'submitMidterm', 'failMidterm'],
  final_review: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation', 'submitMidterm', 'passMidterm', 'submitFinal'],
  concluded: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation', 'submitMidterm', 'passMidterm', 'submitFinal', 'conclude'],
  failed: ['submit', 'recommend', 'openReview', 'publicize', 'approve', 'startCultivation', 'submitMidterm', 'passMidterm', 'submitFinal', 'failFinal'],
};
const ACTOR = { submit: 'host', return: 'secretary', recommend: 'secretary', notRecommend: 'secretary', submitFinal: 'secretary', submitMidterm: 'host' };
const AFTER = {
  submit: 'submitted', return: 'returned', recommend: 'recommended', notRecommend: 'not_recommended', openReview: 'under_review', publicize: 'in_publicity',
  reject: 'rejected', approve: 'approved', startCultivation: 'cultivating', submitMidterm: 'midterm_review', passMidterm: 'cultivating', failMidterm: 'terminated',
  submitFinal: 'final_review', conclude: 'concluded', failFinal: 'failed',
};
const REVIEWED = new Set(['under_review', 'rejected', 'cultivating', 'midterm_review', 'terminated', 'final_review', 'concluded', 'failed']);
const FUNDED = new Set(['cultivating', 'midterm_review', 'terminated', 'final_review', 'concluded', 'failed']);
const MIDTERM_PASSED = new Set(['final_review', 'concluded', 'failed']);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯晨欣怡思雨佳琪子涵梓轩一鸣晓东立新海燕志远嘉诚雪梅春生';
const COLLEGES = ['计算机与软件', '机电与控制工程', '医学', '艺术', '体育', '数学与统计', '物理与光电工程', '化学与环境工程', '生命与海洋科学', '经济', '管理', '法', '外国语', '人文', '传播', '教育', '心理', '建筑与城市规划', '土木与交通工程', '材料', '电子与信息工程', '马克思主义', '政府管理', '高等研究院', '国际交流', '继续教育', '图书馆', '后勤保障部', '资产与实验室管理部', '科学技术部'];
const TOPICS = ['红色引擎', '先锋领航', '党建+科研', '双带头人', '师生共建', '社区联建', '红色课堂', '青春党课', '实验室支部', '志愿服务', '乡村振兴', '校企共建'];
const pad = (n, w) => String(n).padStart(w, '0');
const nameOf = (i) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13 + 5) % GIVEN.length]);
const iso = (day, minutes = 0) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + minutes * 60_000).toISOString();

export const committeeId = (c) => `c${pad(c, 2)}`;
const branchId = (c, b) => `${committeeId(c)}-b${pad(b, 2)}`;

/** Who is who: the demo identities' openids are people of this university, so the local host can sign them in. */
export function people() {
  const C = SIZES.committees;
  const admins = Array.from({ length: SIZES.admins }, (_, i) => (i === 0 ? 'dev-admin' : `admin-${i}`));
  const secretaries = Array.from({ length: SIZES.secretaries }, (_, i) => ({
    openid: i === 0 ? 'dev-secretary-cs' : i === 1 ? 'dev-secretary-me' : `sec-${i}`,
    committee: (i % C) + 1,
  }));
  const reviewers = Array.from({ length: SIZES.reviewers }, (_, i) => ({ openid: i === 0 ? 'dev-reviewer' : `rev-${i}`, committee: ((i * 7) % C) + 1 }));
  const special = admins.length + secretaries.length + reviewers.length;
  const members = Array.from({ length: SIZES.users - special }, (_, i) => ({
    openid: i === 0 ? 'dev-member-1' : i === 1 ? 'dev-member-2' : `m-${i}`,
    committee: (i % C) + 1,
  }));
  return { admins, secretaries, reviewers, members };
}

function profileFor(i, committee) {
  const teacher = i % 4 === 0;
  return {
    name: nameOf(i),
    staffNo: teacher ? `T${pad(1990_000 + i, 7)}` : `${2000_000_000 + i}`,
    kind: teacher ? 'teacher' : 'student',
    committeeId: committeeId(committee),
    branchId: branchId(committee, (i % SIZES.branchesPerCommittee) + 1),
    politicalStatus: i % 10 === 9 ? 'probationary_member' : 'full_member',
    isPartyWorker: teacher,
  };
}

function fieldsFor(n, committee, brandId) {
  const topic = TOPICS[n % TOPICS.length];
  return {
    title: `${COLLEGES[(committee - 1) % COLLEGES.length].slice(0, 4)}“${topic}”工程${n}`,
    contactPhone: `138${pad(n, 8)}`,
    category: ['theory', 'organisation', 'education', 'service', 'integration', 'culture'][n % 6],
    background: '科研团队党员分散，党建与业务“两张皮”，支部活动吸引力不足。'.repeat(3),
    goals: '以支部建在团队上为抓手，推动党建与业务深度融合，形成可复制的工作机制。'.repeat(2),
    measures: '一、组织共建：与合作单位签订共建协议；二、骨干双培：培养党员骨干与业务骨干；三、项目攻关：以党员先锋岗带动团队攻坚。'.repeat(3),
    innovation: '“支部+课题组”双向嵌入，党员先锋岗与科研任务清单同步考核。',
    milestones: [
      { date: '2027-03-01', task: '完成组织共建方案' },
      { date: '2027-06-30', task: '开展骨干培训两期' },
      { date: '2027-09-30', task: '形成阶段成果' },
    ],
    expectedOutcomes: '形成可复制的工作机制一套，宣传报道三篇，理论文章一篇。',
    budget: [
      { item: '学习资料印制费', amountFen: 120_000 + (n % 50) * 100 },
      { item: '实践活动交通费', amountFen: 300_000 },
      { item: '专家咨询费', amountFen: 200_000 },
    ],
    brandId,
    attachments: [],
  };
}

/**
 * Writes the university into `store` (empty) and returns what the benchmark needs to know:
 * identities, project ids by batch and state, brand ids, and the document counts.
 */
export async function seedUniversity(store) {
  const C = SIZES.committees;
  const who = people();
  const counts = {};
  const insert = async (tx, collection, doc) => {
    counts[collection] = (counts[collection] ?? 0) + 1;
    await tx.insert(collection, doc);
  };
  const at0 = iso(0);

  // Organisation, batches, people and the role index.
  await store.transaction(async (tx) => {
    for (let c = 1; c <= C; c++) {
      const college = COLLEGES[(c - 1) % COLLEGES.length];
      const suffix = c > COLLEGES.length ? `（第${Math.ceil(c / COLLEGES.length)}片区）` : '';
      await insert(tx, 'committees', { _id: committeeId(c), name: `${college}${c % 9 === 0 ? '党总支' : '党委'}${suffix}`, kind: c % 9 === 0 ? 'general_branch' : 'committee', order: c });
      for (let b = 1; b <= SIZES.branchesPerCommittee; b++) {
        await insert(tx, 'branches', { _id: branchId(c, b), committeeId: committeeId(c), name: `${college}${b <= 4 ? '教工' : '学生'}第${b}党支部` });
      }
    }
    const calendar = (y, sub, rec, rs, re, ps, pe, mid, fin) => ({ submissionDeadline: sub, recommendationDeadline: rec, reviewStart: rs, reviewEnd: re, publicityStart: ps, publicityEnd: pe, midtermDate: mid, finalDate: fin });
    await insert(tx, 'batches', { _id: BATCH_PAST, name: '第二批校级党建精品项目（2024）', year: 2024, level: 'school', calendar: calendar(2024, '2024-06-29', '2024-07-10', '2024-07-15', '2024-07-31', '2024-08-05', '2024-08-11', '2024-12-31', '2025-06-30'), grantPerProject: 2_000_000, quota: 1200, noticeTitle: '第二批校级党建精品项目申报通知（2024）' });
    await insert(tx, 'batches', { _id: BATCH_REVIEW, name: '第三批校级党建精品项目（2026）', year: 2026, level: 'school', calendar: calendar(2026, '2026-09-30', '2026-10-20', '2026-11-01', '2026-12-15', '2026-12-20', '2026-12-26', '2027-06-30', '2027-12-31'), grantPerProject: 2_000_000, quota: 300, noticeTitle: '第三批校级党建精品项目申报通知（2026）' });
    await insert(tx, 'batches', { _id: BATCH_OPEN, name: '第四批校级党建精品项目（2026 增补）', year: 2026, level: 'school', calendar: { submissionDeadline: '2026-12-27', recommendationDeadline: '2027-01-10', midtermDate: '2027-06-30', finalDate: '2027-12-31' }, grantPerProject: 1_500_000, quota: 100, noticeTitle: '党建精品项目增补申报' });

    let i = 0;
    const addUser = async (openid, committee, roles) => {
      const _id = userIdFor(openid);
      const profile = profileFor(i++, committee);
      await insert(tx, 'users', { _id, openid, profile, ...nameKeys(profile.name, profile.staffNo), profileStatus: 'confirmed', roles, createdAt: at0 });
      for (const g of roles) {
        if (g.role === 'member') continue;
        await insert(tx, 'roleIndex', { _id: `${g.role}:${g.committeeId ?? '-'}:${_id}`, role: g.role, userId: _id, committeeId: g.committeeId ?? null });
      }
    };
    for (const [k, openid] of who.admins.entries()) await addUser(openid, (k % C) + 1, [{ role: 'member' }, { role: 'admin' }]);
    for (const s of who.secretaries) await addUser(s.openid, s.committee, [{ role: 'member' }, { role: 'secretary', committeeId: committeeId(s.committee) }]);
    for (const r of who.reviewers) await addUser(r.openid, r.committee, [{ role: 'member' }, { role: 'reviewer' }]);
    for (const m of who.members) await addUser(m.openid, m.committee, [{ role: 'member' }]);
  });

  // Brands: one per committee for 2024 (in the 资源库, every third promoted) and one for 2026.
  const brands = { promoted: [], all: [] };
  const projectsByCommittee = new Map();
  const adminId = userIdFor(who.admins[0]);
  const secretaryOf = (c) => userIdFor(who.secretaries[(c - 1) % who.secretaries.length].openid);

  // Projects, their audit lines, team, reviews and money.
  const projects = {};
  const reviewers = who.reviewers.map((r) => ({ id: userIdFor(r.openid), committee: r.committee }));
  let pn = 0;
  let rr = 0;
  let seq = 1_700_000_000_000_000;
  for (const [batchId, states] of Object.entries(PLAN)) {
    projects[batchId] = {};
    let hostIndex = 0;
    await store.transaction(async (tx) => {
      for (const [state, n] of Object.entries(states)) {
        projects[batchId][state] = [];
        for (let k = 0; k < n; k++) {
          const m = who.members[hostIndex++];
          const hostId = userIdFor(m.openid);
          const c = m.committee;
          const _id = `p${pad(++pn, 5)}`;
          const created = batchId === BATCH_PAST ? 130 + (pn % 40) : batchId === BATCH_REVIEW ? 900 + (pn % 60) : 1020 + (pn % 40);
          const path = PATHS[state];
          const updated = created + path.length * 3;
          const funded = FUNDED.has(state);
          const midtermPassed = MIDTERM_PASSED.has(state) || (state === 'cultivating' && k % 2 === 0);
          const grantFen = funded || state === 'rejected' ? 2_000_000 : null;
          const recommendedRank = path.includes('recommend') ? (k % 5) + 1 : null;
          // Money (written below): tranche 1 on 培育, tranche 2 after a passed midterm, four expenses; the project carries their totals.
          const paidTranches = funded ? (midtermPassed ? [1, 2] : [1]) : [];
          const expenseFen = [0, 1, 2, 3].map((e) => 50_000 + e * 10_000);
          const money = funded ? { paidFen: paidTranches.reduce((sum, t) => sum + tranchesFor(grantFen)[t], 0), tranchesPaid: paidTranches.length, spentFen: expenseFen.reduce((a, b) => a + b, 0) } : {};
          await insert(tx, 'projects', {
            _id, batchId, committeeId: committeeId(c), hostId, hostName: nameOf(SIZES.admins + SIZES.secretaries + SIZES.reviewers + hostIndex - 1), state,
            fields: fieldsFor(pn, c, batchId === BATCH_PAST ? `brand-${committeeId(c)}-2024` : null),
            createdAt: iso(created), updatedAt: iso(updated, pn % 600), submittedAt: path.length ? iso(created + 3, pn % 600) : null,
            committeeOpinion: recommendedRank ? '该项目思路清晰、举措扎实，同意推荐。' : state === 'not_recommended' ? '与本单位重点工作契合度不足。' : null,
            committeeRank: recommendedRank, returnComment: state === 'returned' ? '请补充经费预算明细。' : null,
            ...(funded ? { grantFen, midtermPassed, matchingFen: k % 3 === 0 ? 500_000 : 0, ...money } : {}),
          });
          await insert(tx, 'hostSlots', { _id: `${batchId}:${hostId}`, batchId, hostId, projectId: _id });
          if (!projectsByCommittee.has(c)) projectsByCommittee.set(c, []);
          if (batchId === BATCH_PAST) projectsByCommittee.get(c).push(_id);
          projects[batchId][state].push({ _id, hostOpenid: m.openid, committee: c });

          // Audit: create, then every move of its path.
          let from = null;
          let to = 'draft';
          await insert(tx, 'audit', { _id: `a-${_id}-0`, entityType: 'project', entityId: _id, action: 'create', actorId: hostId, at: iso(created), from, to, reason: null, requestId: null, seq: seq++ });
          for (const [j, action] of path.entries()) {
            from = to;
            to = AFTER[action];
            const actor = ACTOR[action] === 'host' ? hostId : ACTOR[action] === 'secretary' ? secretaryOf(c) : adminId;
            await insert(tx, 'audit', { _id: `a-${_id}-${j + 1}`, entityType: 'project', entityId: _id, action, actorId: actor, at: iso(created + 3 * (j + 1), pn % 600), from, to, reason: action === 'reject' || action === 'return' ? '见意见' : null, requestId: null, seq: seq++ });
          }
          // Team: two members of the same committee.
          for (let t = 1; t <= 2; t++) {
            const mate = who.members[(hostIndex + 1000 * t) % who.members.length];
            const mateId = userIdFor(mate.openid);
            if (mateId === hostId) continue;
            await insert(tx, 'teamMembers', { _id: `${_id}:${mateId}`, projectId: _id, userId: mateId, name: `队员${pn}-${t}`, kind: 'student', committeeId: committeeId(c), politicalStatus: 'full_member', joinedAt: iso(created + 1) });
          }
          // Reviews: a panel of reviewers from other committees; the open round is ~70 % scored.
          if (REVIEWED.has(state)) {
            const panel = [];
            while (panel.length < PANEL[batchId]) {
              const r = reviewers[rr++ % reviewers.length];
              if (r.committee !== c && !panel.includes(r)) panel.push(r);
            }
            for (const [j, r] of panel.entries()) {
              const pairId = `${_id}:${r.id}`;
              const scored = !(state === 'under_review' && (k + j) % 10 >= 7);
              await insert(tx, 'reviewAssignments', { _id: pairId, batchId, projectId: _id, committeeId: committeeId(c), reviewerId: r.id, scored: scored ? 1 : 0, assignedBy: adminId, assignedAt: iso(created + 9), how: 'auto' });
              if (!scored) continue;
              const scores = Object.fromEntries(SUGGESTED_RUBRIC.map((cr, x) => [cr.key, 5 + ((pn + j + x) % 6)]));
              const sheet = scoreOf(SUGGESTED_RUBRIC, scores);
              await insert(tx, 'reviews', { _id: pairId, batchId, projectId: _id, reviewerId: r.id, scores, comment: '举措具体，建议加强成果转化。', total: sheet.ok ? sheet.total : 0, createdAt: iso(created + 10), updatedAt: iso(created + 10) });
            }
          }
          if (funded) {
            const tranches = tranchesFor(grantFen);
            for (const t of paidTranches) {
              await insert(tx, 'disbursements', { _id: `${_id}:t${t}`, projectId: _id, batchId, tranche: t, amountFen: tranches[t], note: '', at: iso(created + 20 + 150 * (t - 1)), actorId: adminId });
            }
            for (let e = 0; e < 4; e++) {
              await insert(tx, 'expenses', { _id: `${_id}:e${e}`, projectId: _id, batchId, date: iso(created + 30 + e * 20).slice(0, 10), item: ['资料印制', '交通', '专家咨询', '场地'][e], amountFen: expenseFen[e], receipts: [], overridden: false, overrideReason: null, excessFen: 0, authorId: hostId, createdAt: iso(created + 30 + e * 20) });
            }
          }
        }
      }
    });
  }

  await store.transaction(async (tx) => {
    for (let c = 1; c <= C; c++) {
      const cid = committeeId(c);
      const committeeName = (await tx.get('committees', cid)).name;
      for (const year of [2024, 2026]) {
        const _id = `brand-${cid}-${year}`;
        const state = year === 2024 ? (c % 3 === 0 ? 'promoted' : 'accepted') : ['draft', 'submitted', 'returned', 'accepted'][c % 4];
        const name = `${TOPICS[c % TOPICS.length]}·${COLLEGES[(c - 1) % COLLEGES.length].slice(0, 2)}${year === 2024 ? '先锋' : '领航'}`;
        const carriers = (projectsByCommittee.get(c) ?? []).slice(0, 4).map((projectId, x) => ({ title: `品牌活动${x + 1}`, description: '以项目为载体开展系列活动。', projectId, photos: [] }));
        const report = {
          name, logo: null, connotation: '坚持党建引领，把支部建在团队上。'.repeat(4), approach: '以项目化推进品牌创建，一年打基础、两年见成效。'.repeat(3),
          stage: ['practice', 'summary', 'standardise', 'improve', 'finalise', 'promote'][c % 6], carriers,
          influence: [{ kind: 'coverage', title: '校报专题报道', date: '2025-05-04', link: 'https://example.edu.cn/news/1', imageId: null }],
          problems: '成果转化不足，下一步加强总结提炼。', publicNames: [`${nameOf(c)}（品牌负责人）`],
        };
        const accepted = state === 'accepted' || state === 'promoted';
        await insert(tx, 'brands', {
          _id, committeeId: cid, year, state, report,
          cultivation: accepted ? { plan: '三年培育计划', leader: nameOf(c + 7), cadre: nameOf(c + 11) } : null,
          returnComment: state === 'returned' ? '请补充社会影响材料。' : null, searchText: brandSearchText(name, committeeName),
          createdAt: iso(year === 2024 ? 100 : 900), updatedAt: iso((year === 2024 ? 200 : 960) + c, c), submittedAt: state === 'draft' ? null : iso(year === 2024 ? 150 : 950),
          acceptedAt: accepted ? iso(year === 2024 ? 180 : 955) : null, promotedAt: state === 'promoted' ? iso(300) : null,
        });
        await insert(tx, 'brandSlots', { _id: `${cid}:${year}`, committeeId: cid, year, brandId: _id });
        brands.all.push(_id);
        if (state === 'promoted') brands.promoted.push(_id);
        await insert(tx, 'audit', { _id: `a-${_id}-0`, entityType: 'brand', entityId: _id, action: 'create', actorId: secretaryOf(c), at: iso(year === 2024 ? 100 : 900), from: null, to: 'draft', reason: null, requestId: null, seq: seq++ });
        if (accepted) {
          for (let x = 0; x < 4; x++) {
            await insert(tx, 'brandProgress', { _id: `${_id}:g${x}`, brandId: _id, date: iso(320 + x * 60).slice(0, 10), text: `第${x + 1}阶段培育进展。`, photos: [], stage: report.stage, authorId: secretaryOf(c), createdAt: iso(320 + x * 60) });
          }
        }
        if (state === 'promoted') {
          for (let x = 0; x < 3; x++) {
            await insert(tx, 'brandEvents', { _id: `${_id}:v${x}`, brandId: _id, kind: ['feature', 'symposium', 'site_visit'][x], date: iso(400 + x * 30).slice(0, 10), place: '汇元楼', report: '推广活动顺利举行。', authorId: adminId, createdAt: iso(400 + x * 30) });
          }
        }
      }
    }
  });
  return { who, projects, brands, counts };
}
