/**
 * Text going into an office file. XML 1.0 (inside every .docx and .xlsx) forbids most control
 * characters and lone surrogates: one of them makes Word and Excel refuse the whole file. They are
 * dropped here; tabs and line breaks stay (`keepBreaks`), and very long text is cut with an ellipsis
 * (an Excel cell holds at most 32 767 characters).
 */
export const EXCEL_CELL_MAX = 32_767;

// C0 controls except tab/LF/CR, DEL and C1 controls, the non-characters U+FFFE/U+FFFF, lone surrogates.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function officeText(value: unknown, options: { max?: number; keepBreaks?: boolean } = {}): string {
  const max = options.max ?? EXCEL_CELL_MAX;
  let s = value === null || value === undefined ? '' : String(value);
  s = s.replace(INVALID, '');
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
export function exportFileName(base: string, extension: 'docx' | 'xlsx'): string {
  const clean = officeText(base, { max: 80, keepBreaks: false }).replace(/[\\/:*?"<>|]/g, '_').trim() || '导出';
  return `${clean}.${extension}`;
}
