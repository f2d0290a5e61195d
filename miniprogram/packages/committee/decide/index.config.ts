export default definePageConfig({ navigationBarTitleText: '审阅申报' });
