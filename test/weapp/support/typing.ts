// What a thumb types into the 申报书 when the 体验评分 figures are taken while typing (experience.test.ts
// and `npm run bench`): a key every 100 ms, into a short field and a long one, then autosave.
export const KEY_EVERY_MS = 100;
export const TYPED = {
  'field-title': '（第二稿）',
  'field-background': '支部党员分布在三个课题组，组织生活时间难统一，党建与科研存在“两张皮”现象。',
} as const;
