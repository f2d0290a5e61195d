import { charCount } from '../text';

/** The notice: 品牌名称 准确清晰、简短有力…，字数在20个字以内. */
export const BRAND_NAME_MAX = 20;

export type BrandNameProblem = 'empty' | 'too_long' | 'line_break';

export const BRAND_NAME_MESSAGES: Record<BrandNameProblem, string> = {
  empty: '请填写品牌名称',
  too_long: `品牌名称不能超过${BRAND_NAME_MAX}个字`,
  line_break: '品牌名称不能换行',
};

/** Checks a brand name: trimmed, 1–20 code points (a Chinese character or an emoji is one), one line. */
export function brandNameProblem(raw: string): BrandNameProblem | null {
  const name = raw.trim();
  if (name === '') return 'empty';
  if (/[\r\n\u2028\u2029]/.test(name)) return 'line_break';
  if (charCount(name) > BRAND_NAME_MAX) return 'too_long';
  return null;
}
