export default definePageConfig({ navigationBarTitleText: '立项评审与公示' });
