/**
 * Text going into an office file. XML 1.0 (inside every .docx and .xlsx) forbids most control
 * characters and lone surrogates: one of them makes Word and Excel refuse the whole file. They are
 * dropped here; tabs and line breaks stay (`keepBreaks`), and very long text is cut with an ellipsis
 * (an Excel cell holds at most 32 767 characters).
 */
import { stripControlChars } from '@shared/domain/text';

export const EXCEL_CELL_MAX = 32_767;

// Beyond what stored text is already cleaned of (stripControlChars): C1 controls and the
// non-characters U+FFFE/U+FFFF, which XML 1.0 also refuses.
const NOT_IN_XML = /[\u0080-\u009F\uFFFE\uFFFF]/g;

export function officeText(value: unknown, options: { max?: number; keepBreaks?: boolean } = {}): string {
  const max = options.max ?? EXCEL_CELL_MAX;
  let s = value === null || value === undefined ? '' : String(value);
  s = stripControlChars(s).replace(NOT_IN_XML, '');
  s = options.keepBreaks === false ? s.replace(/[\t\r\n]+/g, ' ') : s.replace(/\r\n?/g, '\n');
  if (s.length > max) {
    // Cut on a code point boundary, then mark the cut.
    let cut = max - 1;
    if (/[\uD800-\uDBFF]/.test(s[cut - 1] ?? '')) cut -= 1;
    s = `${s.slice(0, cut)}…`;
  }
  return s;
}

/** A file name people can keep: no path or reserved characters, at most 80 characters before the extension. */
export function exportFileName(base: string, extension: 'docx' | 'xlsx' | 'zip'): string {
  const clean = officeText(base, { max: 80, keepBreaks: false }).replace(/[\\/:*?"<>|]/g, '_').trim() || '导出';
  return `${clean}.${extension}`;
}
