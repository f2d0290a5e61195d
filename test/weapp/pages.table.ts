// One row per page of app.json: who opens it, with what query (from the fixture world of the
// authorization matrix), its navigation-bar title and a text the page shows once its data has
// loaded. A page added to app.json without a row here fails pages.test.ts: add its row.
import { ADMIN, HOST, MEMBER2, NEWCOMER, SECRETARY_CS } from '../support/harness';
import { REVIEWER, type World } from '../security/world';

export interface PageEntry {
  /** The OPENID of the person who uses the page. */
  as: string;
  /** The page's query, built from the world ('' for none). */
  query: (w: World) => string;
  /** The navigation-bar title (the page's config, or what the page sets once loaded). */
  title: string | RegExp;
  /** A text the page shows when it has opened with its data. */
  shows: string | RegExp;
}

const none = () => '';

export const PAGES: Record<string, PageEntry> = {
  'pages/index/index': { as: HOST, query: none, title: '党建品牌与精品项目', shows: '张晓明，您好' },
  'pages/mine/index': { as: HOST, query: none, title: '我的', shows: '张晓明' },
  'packages/me/bind/index': { as: NEWCOMER, query: none, title: '绑定身份', shows: '工号' },
  'packages/me/todo/index': { as: HOST, query: none, title: '我的待办', shows: '提交申报：计算机·draft' },
  'packages/me/messages/index': { as: HOST, query: none, title: '消息', shows: '「计算机·recommended」已推荐' },
  // Where a scan of a PC's sign-in code lands (scene = the ticket).
  'packages/me/pc-confirm/index': { as: ADMIN, query: (w) => `scene=${w.pcTicket.ticketId}`, title: '确认电脑登录', shows: '电脑报告的浏览器和系统' },

  'packages/project/edit/index': { as: HOST, query: (w) => `id=${w.projects.draft.cs.id}`, title: '党建精品项目申报书', shows: '主持人：张晓明' },
  'packages/project/join/index': { as: MEMBER2, query: (w) => `token=${w.invitations.cs}`, title: '加入项目团队', shows: '计算机·draft' },
  'packages/project/funding/index': { as: HOST, query: (w) => `id=${w.projects.cultivating.cs.id}`, title: '项目经费', shows: '计算机·cultivating' },
  'packages/project/midterm/index': { as: HOST, query: (w) => `id=${w.projects.cultivating.cs.id}`, title: '中期验收', shows: '计算机·cultivating' },
  'packages/project/final/index': { as: HOST, query: (w) => `id=${w.projects.passed.cs.id}`, title: '结项验收', shows: '计算机·passed' },

  'packages/committee/inbox/index': { as: SECRETARY_CS, query: none, title: '本党委申报', shows: '计算机与软件学院党委' },
  'packages/committee/decide/index': { as: SECRETARY_CS, query: (w) => `id=${w.projects.submitted.cs.id}`, title: '审阅申报', shows: '计算机·submitted' },
  'packages/committee/progress/index': { as: SECRETARY_CS, query: none, title: '申报进度', shows: '计算机' },
  'packages/committee/guidance/index': { as: SECRETARY_CS, query: (w) => `id=${w.projects.cultivating.cs.id}`, title: '培育指导', shows: '计算机·cultivating' },
  'packages/committee/dashboard/index': { as: SECRETARY_CS, query: none, title: '本党委看板', shows: '计算机与软件学院党委' },
  'packages/committee/members/index': { as: SECRETARY_CS, query: none, title: '人员身份确认', shows: '郑待定' },
  'packages/committee/nudge/index': { as: SECRETARY_CS, query: none, title: '催办', shows: '申报书尚未提交' },

  'packages/brand/mine/index': { as: SECRETARY_CS, query: none, title: '我的党建品牌', shows: '计院品牌·draft' },
  'packages/brand/edit/index': { as: SECRETARY_CS, query: (w) => `id=${w.brands.draft.cs.id}`, title: '党建品牌创建工作情况报告', shows: '品牌内涵' },
  'packages/brand/detail/index': { as: SECRETARY_CS, query: (w) => `id=${w.brands.submitted.cs.id}`, title: '党建品牌详情', shows: '计院品牌·submitted' },
  'packages/brand/library/index': { as: ADMIN, query: none, title: '党建品牌资源库', shows: '计院品牌·promoted' },
  'packages/brand/features/index': { as: SECRETARY_CS, query: none, title: '一支部一特色', shows: '本科生第二党支部' },

  'packages/showcase/brand/index': { as: MEMBER2, query: (w) => `id=${w.brands.promoted.cs.id}`, title: '计院品牌·promoted', shows: '品牌内涵' },
  'packages/showcase/list/index': { as: MEMBER2, query: none, title: '党建品牌展示', shows: '计院品牌·promoted' },
  'packages/showcase/publicity/index': { as: MEMBER2, query: (w) => `batchId=${w.batches.publicity}`, title: '立项公示', shows: '计算机·publicity' },
  // No 立项通知 is issued in the world: the page says so (its list is in the browser test e2e/paperwork).
  'packages/showcase/approval/index': { as: MEMBER2, query: (w) => `batchId=${w.batches.approved}`, title: '立项名单', shows: '立项通知尚未下发' },

  'packages/admin/batches/index': { as: ADMIN, query: none, title: '批次管理', shows: '第三批校级党建精品项目' },
  'packages/admin/batch/index': { as: ADMIN, query: (w) => `id=${w.schoolBatch.id}`, title: '批次设置', shows: '保存' },
  'packages/admin/project/index': { as: ADMIN, query: (w) => `id=${w.projects.recommended.cs.id}`, title: '项目办理', shows: '计算机·recommended' },
  'packages/admin/committees/index': { as: ADMIN, query: (w) => `batchId=${w.batches.recommended}`, title: '各基层党委申报', shows: '计算机与软件学院党委' },
  'packages/admin/round/index': { as: ADMIN, query: (w) => `batchId=${w.batches.underReview}`, title: '立项评审与公示', shows: '计算机·underReview' },
  'packages/admin/people/index': { as: ADMIN, query: none, title: '人员与角色', shows: '赵明' },
  'packages/admin/funded/index': { as: ADMIN, query: (w) => `batchId=${w.batches.cultivating}`, title: '培育与验收', shows: '计算机·cultivating' },
  'packages/admin/dashboard/index': { as: ADMIN, query: none, title: '数据看板', shows: '各党委申报' },
  'packages/admin/org/index': { as: ADMIN, query: none, title: '组织机构与名册', shows: '新建基层党委' },

  'packages/review/mine/index': { as: REVIEWER, query: none, title: '我的评审任务', shows: '计算机·underReview' },
  'packages/review/score/index': { as: REVIEWER, query: (w) => `projectId=${w.projects.underReview.cs.id}`, title: '评分', shows: '计算机·underReview' },
  'packages/admin/setup/index': { as: NEWCOMER, query: none, title: '系统初始化', shows: '初始化已完成' },
};
