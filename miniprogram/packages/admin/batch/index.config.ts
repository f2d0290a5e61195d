export default definePageConfig({ navigationBarTitleText: '批次设置' });
