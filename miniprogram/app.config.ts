// The PC's sign-in page exists only in the browser build; a scan lands on packages/me/pc-confirm in WeChat.
const browserOnly = process.env.TARO_ENV === 'h5' ? ['pages/pc-login/index'] : [];

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', ...browserOnly],
  subPackages: [
    // Off the main package (its size, issue 15); old links to pages/… still open (shared/domain/pages.ts, app.ts).
    { root: 'packages/me', pages: ['todo/index', 'messages/index', 'bind/index', 'pc-confirm/index'] },
    { root: 'packages/project', pages: ['edit/index', 'join/index', 'funding/index', 'midterm/index', 'final/index'] },
    { root: 'packages/committee', pages: ['inbox/index', 'decide/index', 'progress/index', 'guidance/index', 'dashboard/index', 'members/index', 'nudge/index'] },
    { root: 'packages/brand', pages: ['mine/index', 'edit/index', 'detail/index', 'library/index', 'features/index'] },
    { root: 'packages/showcase', pages: ['brand/index', 'list/index', 'publicity/index', 'approval/index'] },
    { root: 'packages/admin', pages: ['batches/index', 'batch/index', 'project/index', 'committees/index', 'round/index', 'people/index', 'funded/index', 'dashboard/index', 'setup/index', 'org/index'] },
    { root: 'packages/review', pages: ['mine/index', 'score/index'] },
  ],
  // 我的待办 and 消息 are a tap away from the home page: fetch their subpackage while it shows.
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['packages/me'] } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '党建品牌与精品项目',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f3f0',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  cloud: true,
  // Consent before personal data is collected (PrivacyPopup, wx.onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
