export default definePageConfig({ navigationBarTitleText: '立项名单', enableShareAppMessage: true, enableShareTimeline: true });
