import { application, TOPICS } from './content';
import type { DemoDriver } from './driver';
import { ADMIN, HOST, MEMBER2, PEOPLE, REVIEWER, SECRETARY_CS, SECRETARY_ME } from './people';
import type { Projects } from './projects';

/**
 * The batches, each in the phase its calendar puts it in today:
 * - 第二批（2022, the notice's): closed and finished — concluded after the 答辩, terminated at the midterm;
 * - last year's school batch: cultivating — tranches paid, expenses with receipts, guidance, midterm
 *   passed, one midterm waiting for the 组织部, one approved waiting for its first tranche;
 * - 机电学院's own batch (自行培育): under review, some scores in;
 * - 医学部's own batch: in the 公示, with an objection;
 * - this year's open batch: drafts, submitted, returned with comments, recommended with ranks.
 */
const GRANT = 2_000_000;
const OWN_GRANT = 500_000;

/** The notice's 2022 batch (seeded with the organisation), walked to its end. */
export async function finished2022(d: DemoDriver, p: Projects): Promise<{ engine: string }> {
  const batchId = 'batch-2022-2';
  d.on('2022-06-10');
  const engine = await p.apply(HOST, batchId, 'engine');
  const craftsman = await p.apply(PEOPLE.me1.openid, batchId, 'craftsman');
  const healer = await p.apply(PEOPLE.med1.openid, batchId, 'healer');
  d.on('2022-06-30');
  await p.decide(SECRETARY_CS, engine, 'recommend', '经党委会研究，同意推荐。', 1);
  await p.decide(SECRETARY_ME, craftsman, 'recommend', '同意推荐。', 1);
  await p.decide(PEOPLE.secMed.openid, healer, 'recommend', '同意推荐。', 1);
  d.on('2022-07-05');
  await p.openReview(batchId, '2022-07-05', '2022-07-12', {
    [engine]: [REVIEWER, PEOPLE.rev2.openid],
    [craftsman]: [REVIEWER, PEOPLE.rev3.openid],
    [healer]: [REVIEWER, PEOPLE.rev2.openid],
  });
  d.on('2022-07-08');
  await p.score(REVIEWER, engine, 9);
  await p.score(PEOPLE.rev2.openid, engine, 9);
  await p.score(REVIEWER, craftsman, 8);
  await p.score(PEOPLE.rev3.openid, craftsman, 7);
  await p.score(REVIEWER, healer, 6);
  await p.score(PEOPLE.rev2.openid, healer, 6);
  d.on('2022-07-14');
  await d.as(ADMIN, 'review.publicize', { batchId, projectIds: [engine, craftsman], publicityStart: '2022-07-14', publicityEnd: '2022-07-20' });
  // The round's messages go out as the 组织部 releases them (staged until then).
  await d.as(ADMIN, 'release.run', { batchId, stage: 'publicity' });
  d.on('2022-07-21');
  await d.as(ADMIN, 'review.finalize', { batchId, approve: [engine, craftsman], reject: [] });
  // The round's messages go out as the 组织部 releases them (staged until then).
  await d.as(ADMIN, 'release.run', { batchId, stage: 'approval' });
  d.on('2022-07-25');
  await p.tranche(engine, GRANT, 1);
  await p.tranche(craftsman, GRANT, 1);
  d.on('2022-09-20');
  await p.guidance(SECRETARY_CS, engine, 'target', '明确年度目标：组建三个“支部+课题组”，每季度一次联合组织生活。');
  d.on('2022-10-12');
  await p.expense(HOST, engine, '学习资料印制', 268_000, 0);
  d.on('2022-12-15');
  await p.midterm(HOST, engine);
  await p.midterm(PEOPLE.me1.openid, craftsman);
  d.on('2022-12-28');
  await p.midtermDecision(engine, true, '进展良好，同意通过中期验收。');
  await p.midtermDecision(craftsman, false, '主要任务未按计划推进，经费使用不规范，终止项目。');
  d.on('2023-01-10');
  await p.tranche(engine, GRANT, 2);
  d.on('2023-06-10');
  await p.conclude(HOST, SECRETARY_CS, engine, '2023-06-20');
  return { engine };
}

/** Last year's school batch, a year into its 培育. */
export async function cultivating(d: DemoDriver, p: Projects): Promise<void> {
  d.day(-430);
  const batch = await d.as(ADMIN, 'batch.create', {
    name: `${d.year(-400)}年度校级党建精品项目`,
    year: d.year(-400),
    level: 'school',
    calendar: { submissionDeadline: d.date(-400), recommendationDeadline: d.date(-390), midtermDate: d.date(-180), finalDate: d.date(45) },
    grantPerProject: GRANT,
    quota: 10,
    noticeTitle: '关于开展校级党建精品项目申报工作的通知',
    paperInstructions: '纸质版材料报送汇元楼511室，电子版发送至组织部邮箱。',
  });
  const batchId = batch._id;
  d.day(-420);
  const lighthouse = await p.apply(HOST, batchId, 'lighthouse');
  const code = await p.apply(PEOPLE.cs3.openid, batchId, 'codeForGood');
  const anatomy = await p.apply(PEOPLE.med1.openid, batchId, 'anatomy');
  const robot = await p.apply(PEOPLE.me2.openid, batchId, 'robot');
  const ink = await p.apply(PEOPLE.art1.openid, batchId, 'inkHeritage');
  const theory = await p.draft(MEMBER2, batchId, 'theoryClub');
  // Reminders as the hourly job sent them: the draft three days before the 申报截止 …
  d.day(-403);
  await d.remind();
  d.day(-401);
  await d.as(MEMBER2, 'project.saveDraft', { id: theory, version: await p.version(theory, MEMBER2), fields: application(TOPICS.theoryClub, d.date(-401), '13900139000') });
  await d.as(MEMBER2, 'project.submit', { id: theory, version: await p.version(theory, MEMBER2) });
  // … and the applications waiting for their committee three days before the 推荐截止.
  d.day(-393);
  await d.remind();
  d.day(-392);
  await p.decide(SECRETARY_CS, lighthouse, 'recommend', '同意推荐，排序第一。', 1);
  await p.decide(SECRETARY_CS, code, 'recommend', '同意推荐，排序第二。', 2);
  await p.decide(SECRETARY_CS, theory, 'notRecommend', '本年度名额有限，建议完善举措后下一批次再申报。');
  await p.decide(PEOPLE.secMed.openid, anatomy, 'recommend', '同意推荐。', 1);
  await p.decide(SECRETARY_ME, robot, 'recommend', '同意推荐。', 1);
  await p.decide(PEOPLE.secArt.openid, ink, 'notRecommend', '与学院品牌方向重合度不高，本年度不予推荐。');
  d.day(-388);
  await p.openReview(batchId, d.date(-388), d.date(-380), {
    [lighthouse]: [REVIEWER, PEOPLE.rev2.openid],
    [code]: [REVIEWER, PEOPLE.rev3.openid],
    [anatomy]: [REVIEWER, PEOPLE.rev2.openid],
    [robot]: [REVIEWER, PEOPLE.rev3.openid],
  });
  d.day(-383);
  await d.remind(); // the reviewers' score sheets, three days before the 评审截止
  d.day(-382);
  for (const [id, base] of [[lighthouse, 9], [code, 8], [anatomy, 8], [robot, 6]] as const) {
    await p.score(REVIEWER, id, base);
    await p.score(id === code || id === robot ? PEOPLE.rev3.openid : PEOPLE.rev2.openid, id, base);
  }
  d.day(-378);
  await d.as(ADMIN, 'review.publicize', { batchId, projectIds: [lighthouse, code, anatomy], publicityStart: d.date(-378), publicityEnd: d.date(-372) });
  // The round's messages go out as the 组织部 releases them (staged until then).
  await d.as(ADMIN, 'release.run', { batchId, stage: 'publicity' });
  d.day(-371);
  await d.as(ADMIN, 'review.finalize', { batchId, approve: [lighthouse, code, anatomy], reject: [] });
  // The round's messages go out as the 组织部 releases them (staged until then).
  await d.as(ADMIN, 'release.run', { batchId, stage: 'approval' });
  d.day(-365);
  await p.tranche(lighthouse, GRANT, 1);
  await p.tranche(code, GRANT, 1);
  d.day(-330);
  await p.guidance(SECRETARY_CS, lighthouse, 'target', '年度目标：结对 30 名研究生新党员，每周一讲不少于 30 讲。');
  d.day(-328);
  await p.guidance(SECRETARY_CS, code, 'visit', '走访社区服务点，建议固定服务时间并建立台账。');
  d.day(-320);
  await p.expense(HOST, lighthouse, '理论学习读本印制', 356_000, 1);
  d.day(-300);
  await p.expense(PEOPLE.cs3.openid, code, '社区课堂教具', 215_050, 2);
  d.day(-183);
  await d.remind(); // the 中期验收 materials, three days before the date
  d.day(-182);
  await p.midterm(HOST, lighthouse);
  await p.midterm(PEOPLE.cs3.openid, code);
  d.day(-175);
  await p.midtermDecision(lighthouse, true, '结对覆盖面广，成效明显，同意通过。');
  d.day(-170);
  await p.tranche(lighthouse, GRANT, 2);
  d.day(-120);
  await p.guidance(SECRETARY_CS, lighthouse, 'note', '中期后请重点提炼“三师联动”机制，准备结项材料。');
  d.day(-90);
  await p.expense(HOST, lighthouse, '暑期社会实践交通', 480_000, 0);
}

/** A committee opens its own batch (自行培育立项), its deadlines `submission` and `recommendation` days from today. */
function ownBatch(d: DemoDriver, secretary: string, committeeId: string, unit: string, submission: number, recommendation: number, quota: number) {
  return d.as(secretary, 'batch.create', {
    name: `${unit}自行培育项目（${d.year(submission)}）`,
    year: d.year(submission),
    level: 'committee',
    committeeId,
    calendar: { submissionDeadline: d.date(submission), recommendationDeadline: d.date(recommendation), midtermDate: d.date(200), finalDate: d.date(380) },
    grantPerProject: OWN_GRANT,
    quota,
    noticeTitle: `${unit}党委关于开展党建特色项目自行培育的通知`,
    paperInstructions: '',
  });
}

/** 机电学院's own batch (自行培育立项), under review with some scores in. */
export async function underReview(d: DemoDriver, p: Projects): Promise<void> {
  d.day(-60);
  const batch = await ownBatch(d, SECRETARY_ME, 'c-me', '机电学院', -40, -25, 3);
  d.day(-50);
  const green = await p.apply(PEOPLE.me1.openid, batch._id, 'greenMachine');
  const robot = await p.apply(PEOPLE.me3.openid, batch._id, 'robot');
  d.day(-30);
  await p.decide(SECRETARY_ME, green, 'recommend', '同意推荐，排序第一。', 1);
  await p.decide(SECRETARY_ME, robot, 'recommend', '同意推荐，排序第二。', 2);
  d.day(-20);
  await p.openReview(batch._id, d.date(-20), d.date(10), { [green]: [REVIEWER, PEOPLE.rev2.openid], [robot]: [REVIEWER, PEOPLE.rev2.openid] });
  d.day(-8);
  await p.score(PEOPLE.rev2.openid, green, 8);
  await p.score(PEOPLE.rev2.openid, robot, 7);
}

/** 医学部's own batch, in the 公示 with an objection raised. */
export async function inPublicity(d: DemoDriver, p: Projects): Promise<void> {
  d.day(-65);
  const batch = await ownBatch(d, PEOPLE.secMed.openid, 'c-med', '医学部', -45, -35, 2);
  d.day(-55);
  const rehab = await p.apply(PEOPLE.med1.openid, batch._id, 'rehab');
  const studio = await p.apply(PEOPLE.med2.openid, batch._id, 'studio');
  d.day(-40);
  await p.decide(PEOPLE.secMed.openid, rehab, 'recommend', '同意推荐。', 1);
  await p.decide(PEOPLE.secMed.openid, studio, 'recommend', '同意推荐。', 2);
  d.day(-30);
  await p.openReview(batch._id, d.date(-30), d.date(-10), { [rehab]: [REVIEWER, PEOPLE.rev2.openid], [studio]: [REVIEWER, PEOPLE.rev2.openid] });
  d.day(-15);
  await p.score(REVIEWER, rehab, 9);
  await p.score(PEOPLE.rev2.openid, rehab, 8);
  await p.score(REVIEWER, studio, 6);
  await p.score(PEOPLE.rev2.openid, studio, 6);
  d.day(-3);
  await d.as(ADMIN, 'review.publicize', { batchId: batch._id, projectIds: [rehab], publicityStart: d.date(-3), publicityEnd: d.date(3) });
  // The round's messages go out as the 组织部 releases them (staged until then).
  await d.as(ADMIN, 'release.run', { batchId: batch._id, stage: 'publicity' });
  d.day(-1);
  await d.as(MEMBER2, 'review.object', { projectId: rehab, text: '项目团队中有成员已毕业离校，建议核实团队构成。' });
}

/** This year's open school batch (seeded with the organisation). */
export async function openBatch(d: DemoDriver, p: Projects, batchId: string): Promise<void> {
  d.day(-12);
  const engine = await p.apply(HOST, batchId, 'aiTutor');
  const theory = await p.apply(PEOPLE.cs4.openid, batchId, 'theoryClub');
  const studio = await p.apply(PEOPLE.cs5.openid, batchId, 'studio');
  d.day(-9);
  await p.decide(SECRETARY_CS, engine, 'return', '请补充试点支部名单和经费测算依据后重新提交。');
  await p.decide(SECRETARY_CS, theory, 'recommend', '经党委会研究，同意推荐，排序第一。', 1);
  await p.decide(SECRETARY_CS, studio, 'recommend', '同意推荐，排序第二。', 2);
  d.day(-6);
  await p.draft(MEMBER2, batchId, 'lighthouse');
  d.day(-5);
  await p.apply(PEOPLE.cs3.openid, batchId, 'codeForGood');
  await p.apply(PEOPLE.me1.openid, batchId, 'craftsman');
  await p.apply(PEOPLE.med2.openid, batchId, 'healer');
  d.day(-4);
  const ink = await p.apply(PEOPLE.art1.openid, batchId, 'inkHeritage');
  await p.decide(PEOPLE.secArt.openid, ink, 'recommend', '同意推荐。', 1);
}
