export default definePageConfig({ navigationBarTitleText: '立项公示', enableShareAppMessage: true });
