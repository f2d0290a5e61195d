// The pictures the guides in docs/ show, each taken by test/e2e/guide-pictures.test.ts on the demo
// university. test/docs.test.ts fails when a guide names a picture that is not in this table, or
// a page the app no longer has.

/** Who looks, where, and what must be on screen before the picture is taken. */
export interface GuidePicture {
  /** File under docs/images/. */
  file: string;
  /** A demo identity's openid, or null for a visitor who is not signed in. */
  who: string | null;
  /** 375 (a phone) or 1280 (a desk). */
  width: 375 | 1280;
  /** The page: a path, or a function of the ids the test looks up on the demo. */
  path: string | ((ids: DemoIds) => string);
  /** A selector inside the visible page that shows the page has its data. */
  ready: string;
}

/** Ids of the demo's own things, looked up through the API before the pictures are taken. */
export interface DemoIds {
  /** 张晓明's application in this year's open batch. */
  application: string;
  /** A promoted brand (public showcase). */
  brand: string;
  /** The batch whose round is under review (机电学院's own batch). */
  roundBatch: string;
  /** Last year's batch, in 培育. */
  fundedBatch: string;
}

export const GUIDE_PICTURES: GuidePicture[] = [
  { file: 'phone-home.png', who: 'dev-member-1', width: 375, path: '/pages/index/index', ready: '.card, .entry-todo' },
  { file: 'application.png', who: 'dev-member-1', width: 375, path: (ids) => `/packages/project/edit/index?id=${ids.application}`, ready: 'input, textarea' },
  { file: 'todo.png', who: 'dev-member-1', width: 375, path: '/packages/me/todo/index', ready: '.card, .list-item, .empty' },
  { file: 'messages.png', who: 'dev-member-1', width: 375, path: '/packages/me/messages/index', ready: '.card, .list-item, .empty' },
  { file: 'showcase-brand.png', who: null, width: 375, path: (ids) => `/brand?id=${ids.brand}`, ready: '.showcase-logo img' },
  { file: 'showcase-list.png', who: null, width: 375, path: '/packages/showcase/list/index', ready: '.showcase-list-item' },
  { file: 'secretary-inbox.png', who: 'dev-secretary-cs', width: 375, path: '/packages/committee/inbox/index', ready: '.card, .list-item' },
  { file: 'secretary-members.png', who: 'dev-secretary-cs', width: 375, path: '/packages/committee/members/index', ready: '.card, .list-item, .empty' },
  { file: 'brand-mine.png', who: 'dev-secretary-me', width: 375, path: '/packages/brand/mine/index', ready: '.card, .list-item' },
  { file: 'reviewer-mine.png', who: 'dev-reviewer', width: 375, path: '/packages/review/mine/index', ready: '.card, .list-item' },
  { file: 'desk-batches.png', who: 'dev-admin', width: 1280, path: '/packages/admin/batches/index', ready: '.card, .list-item, table' },
  { file: 'desk-round.png', who: 'dev-admin', width: 1280, path: (ids) => `/packages/admin/round/index?batchId=${ids.roundBatch}`, ready: 'table, .card' },
  { file: 'desk-funded.png', who: 'dev-admin', width: 1280, path: (ids) => `/packages/admin/funded/index?batchId=${ids.fundedBatch}`, ready: 'table, .card' },
  { file: 'desk-people.png', who: 'dev-admin', width: 1280, path: '/packages/admin/people/index', ready: 'table, .card' },
  { file: 'desk-org.png', who: 'dev-admin', width: 1280, path: '/packages/admin/org/index', ready: '.card, button' },
  { file: 'desk-dashboard.png', who: 'dev-admin', width: 1280, path: '/packages/admin/dashboard/index', ready: '.card, table' },
  { file: 'desk-library.png', who: 'dev-admin', width: 1280, path: '/packages/brand/library/index', ready: 'table, .card' },
  { file: 'pc-login.png', who: null, width: 1280, path: '/pages/pc-login/index', ready: 'img, canvas, .card' },
];
