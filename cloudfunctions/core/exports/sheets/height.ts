/**
 * The height of a row whose cells wrap. A sheet written with a fixed default height
 * (sheetFormatPr customHeight) shows every row at that height, so a wrapped 项目名称 or 支撑材料
 * list overlaps the row below; and Excel does not re-measure rows when it opens a file. So each
 * data row that wraps carries its own height, estimated from its text the way Excel lays it out.
 */

/** Points per line of the default 11 pt font (Excel's own default row is 15 pt). */
export const LINE_PT = 15;
/** Excel refuses rows taller than this. */
export const MAX_ROW_PT = 409;

/** Display width in Excel's units (the width of "0"): East Asian wide characters count two. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    units += isWide(cp) ? 2 : 1;
  }
  return units;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … Yi, including punctuation, kana and Han
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) || // emoji
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B…
  );
}

/** Lines a text takes in a column `width` units wide: each paragraph wraps on its own. */
export function wrappedLines(text: string, width: number): number {
  // A cell's padding takes about one unit; a column is never less than one character wide.
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textUnits(paragraph) / usable)), 0);
}

/** The row's height in points for its wrapped cells, or null when one line fits (the default height). */
export function wrappedRowHeight(cells: ReadonlyArray<{ text: string; width: number }>): number | null {
  const lines = cells.reduce((most, c) => Math.max(most, wrappedLines(c.text, c.width)), 1);
  return lines <= 1 ? null : Math.min(MAX_ROW_PT, lines * LINE_PT + 3);
}
