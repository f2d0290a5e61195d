export default definePageConfig({ navigationBarTitleText: '各基层党委申报' });
