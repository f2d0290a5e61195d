export default definePageConfig({ navigationBarTitleText: '待处理申报' });
