export default definePageConfig({ navigationBarTitleText: '结项验收' });
