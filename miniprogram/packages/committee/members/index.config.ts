export default definePageConfig({ navigationBarTitleText: '人员身份确认', enablePullDownRefresh: true });
