/**
 * Phone numbers as people write them: kept exactly as typed (0755-86930000 keeps its hyphen), and
 * checked for shape only — a mobile number of 11 digits, or a landline with its area code and an
 * optional extension, written with spaces, hyphens or brackets as people do.
 */

export const PHONE_HINT = '请填写11位手机号，或带区号的座机号（如 0755-86930000，分机写在后面：0755-86930000-123）';

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits, a number of 7–8 digits, an extension of up to 6 digits.
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/** What is wrong with the shape of `text` as a phone number; null when it is one (or empty). */
export function phoneProblem(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (!/^[+\d\s\-()（）转]+$/.test(typed)) return `联系电话只能含数字、空格和“-”。${PHONE_HINT}`;
  // +86 before a number; an extension after 转, or as a third group (0755-86930000-123).
  const parts = typed.replace(/^\+?86(?=[\s\-]?[01])/, '').split(/转/);
  if (parts.length > 2 || (parts[1] !== undefined && !/^\s*\d{1,6}\s*$/.test(parts[1]))) return `联系电话的分机号应为1至6位数字。${PHONE_HINT}`;
  const groups = parts[0]!.split(/[\s\-()（）]+/).filter((g) => g !== '');
  let digits = groups.join('');
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return null;
  // 0755-86930000-123: the last group is an extension.
  if (groups.length >= 3 && /^\d{1,6}$/.test(groups[groups.length - 1]!)) {
    digits = groups.slice(0, -1).join('');
    if (LANDLINE.test(digits)) return null;
  }
  return `联系电话格式不正确。${PHONE_HINT}`;
}
