export default definePageConfig({ navigationBarTitleText: '中期验收' });
