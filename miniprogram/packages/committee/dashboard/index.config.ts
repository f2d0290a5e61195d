export default definePageConfig({ navigationBarTitleText: '本党委看板' });
