export default definePageConfig({ navigationBarTitleText: '党建品牌资源库' });
