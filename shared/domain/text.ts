/** Length as people count it: Unicode code points, so a Chinese character or an emoji is one. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * Strips characters that break documents and storage: C0 controls except tab and newline, DEL,
 * and lone surrogate halves (not text in any encoding; a pasted broken emoji leaves one).
 */
export function stripControlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
