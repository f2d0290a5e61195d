export default definePageConfig({ navigationBarTitleText: '培育与验收' });
