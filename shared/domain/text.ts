/** Length as people count it: Unicode code points, so a Chinese character or an emoji is one. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * A surrogate pair (kept), or one character to drop: a C0 control except tab and newline, DEL, or
 * a surrogate half on its own. No lookbehind: JavaScriptCore before iOS 16.4 (the logic layer on
 * the iPhones the base library still serves) cannot parse one, and the whole module fails to load.
 */
// eslint-disable-next-line no-control-regex
const PAIR_OR_STRAY = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/g;

/**
 * Strips characters that break documents and storage: C0 controls except tab and newline, DEL,
 * and lone surrogate halves (not text in any encoding; a pasted broken emoji leaves one).
 */
export function stripControlChars(text: string): string {
  return text.replace(PAIR_OR_STRAY, (found) => (found.length === 2 ? found : ''));
}
