// Taro picks index.weapp.ts or index.h5.ts at build time; this file only gives the type checker one.
export { platform } from './index.h5';
export type { Platform, SubscribeAnswer } from './types';
