export default definePageConfig({ navigationBarTitleText: '系统初始化' });
