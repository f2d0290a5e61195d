export default definePageConfig({ navigationBarTitleText: '我的党建品牌' });
