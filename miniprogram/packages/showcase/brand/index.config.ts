export default definePageConfig({
  navigationBarTitleText: '党建品牌展示',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
