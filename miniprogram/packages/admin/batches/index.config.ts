export default definePageConfig({ navigationBarTitleText: '批次管理' });
