export default definePageConfig({ navigationBarTitleText: '党建精品项目申报书', enableShareAppMessage: true });
