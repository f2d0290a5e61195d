export default definePageConfig({ navigationBarTitleText: '本党委申报' });
