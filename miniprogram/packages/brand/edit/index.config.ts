export default definePageConfig({ navigationBarTitleText: '党建品牌创建工作情况报告' });
