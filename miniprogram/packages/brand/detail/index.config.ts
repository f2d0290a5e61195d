export default definePageConfig({ navigationBarTitleText: '党建品牌详情' });
