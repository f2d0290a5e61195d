export default definePageConfig({ navigationBarTitleText: '党建品牌与精品项目', enablePullDownRefresh: false });
