/**
 * How large the app draws its text (适老化). WeChat reports the person's font size as a factor of
 * the standard (17 px on iOS, 16 px on Android); 关怀模式 on a 375 px iPhone is 23.8 px, 1.4×.
 * The app follows that factor, never below the standard size, and up to a cap its layouts are
 * checked at. 大字模式 in 我的 asks for the cap here even when WeChat's own size is standard.
 */
export const STANDARD_FONT_SCALE = 1;
/** 关怀模式: 23.8 / 17. */
export const CARE_FONT_SCALE = 1.4;
/** Layouts are checked up to this factor (every page at 375 px); larger settings draw at it. */
export const MAX_FONT_SCALE = CARE_FONT_SCALE;

/** The factor the app draws its text at, from WeChat's (or the browser's) factor and 大字模式. */
export function effectiveFontScale(systemFactor: number, largeText: boolean): number {
  const wanted = Math.max(Number.isFinite(systemFactor) ? systemFactor : STANDARD_FONT_SCALE, largeText ? CARE_FONT_SCALE : STANDARD_FONT_SCALE);
  const capped = Math.min(Math.max(wanted, STANDARD_FONT_SCALE), MAX_FONT_SCALE);
  // Two decimals: the CSS variable changes only when the size visibly does.
  return Math.round(capped * 100) / 100;
}
