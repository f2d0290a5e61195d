import { BIND_PAGE, TODO_PAGE } from '@shared/domain/pages';

/** What to try first as each demo identity, on the demo data: one line and the page it opens. */
export interface DemoHint {
  text: string;
  /** The page the link signs in to (a path of the app). */
  next: string;
  linkText: string;
}

export const DEMO_HINTS: Record<string, DemoHint> = {
  'dev-member-1': { text: '申报书被党委退回，按意见修改后重新提交；去年立项的项目该准备结项材料了。', next: TODO_PAGE, linkText: '我的待办' },
  'dev-member-2': { text: '本批次的申报书还是草稿：补全后提交给本党委。', next: TODO_PAGE, linkText: '我的待办' },
  'dev-secretary-cs': { text: '审核本党委新提交的申报并推荐；还有一位新绑定的同学等您确认身份。', next: '/packages/committee/inbox/index', linkText: '待处理申报' },
  'dev-secretary-me': { text: '本党委今年的品牌报告还是草稿：完善后报送组织部；另有一份申报待审核。', next: '/packages/brand/mine/index', linkText: '我的党建品牌' },
  'dev-admin': { text: '医学部公示中的项目收到一条异议；计算机学院的品牌报告待认定；一个已立项项目待拨付经费。', next: '/packages/admin/batches/index', linkText: '批次与评审' },
  'dev-reviewer': { text: '机电学院自行培育批次有 2 份申报等您打分。', next: '/packages/review/mine/index', linkText: '我的评审任务' },
  'dev-newcomer': { text: '第一次进入：绑定身份，再由所在党委确认。', next: BIND_PAGE, linkText: '绑定身份' },
};

/** Pages anyone may open without signing in. */
export const PUBLIC_LINKS: Array<{ text: string; href: string }> = [
  { text: '党建品牌展示', href: '/packages/showcase/list/index' },
  { text: '开发收件箱（已发出的订阅消息）', href: '/dev/inbox' },
];
