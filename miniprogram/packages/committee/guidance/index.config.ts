export default definePageConfig({ navigationBarTitleText: '培育指导' });
