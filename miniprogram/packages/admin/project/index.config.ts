export default definePageConfig({ navigationBarTitleText: '项目办理' });
