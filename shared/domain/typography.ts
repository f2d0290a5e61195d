/**
 * Typography of the documents the product writes (the 立项通知, the 申报书, the brand report…): two
 * rules of Chinese official writing that a word processor does not apply by itself.
 */

/** U+2060: joins two characters so that no line break falls between them (Unicode class WJ). */
export const WORD_JOINER = '\u2060';

const OPENERS: Record<string, true> = { '“': true, '‘': true };
const CLOSERS: Record<string, true> = { '”': true, '’': true };

/**
 * GB/T 15834 (标点符号用法): quotes inside quotes are single quotes, and inside those double again,
 * so a title “红色引擎”党建工程 quoted in a sentence reads “‘红色引擎’党建工程”. Straight quotes (")
 * become Chinese ones the same way. Text whose quotes do not pair up is returned unchanged: a wrong
 * guess would be worse than the quotes as typed.
 */
export function nestQuotes(text: string): string {
  if (!/["“”‘’]/.test(text)) return text;
  // Each open quote: whether a straight quote opened it (the next straight quote closes it).
  const open: boolean[] = [];
  let out = '';
  for (const ch of text) {
    const straight = ch === '"';
    const closes = CLOSERS[ch] === true || (straight && open.length > 0 && open[open.length - 1] === true);
    if (closes) {
      if (open.length === 0) return text;
      out += open.length % 2 === 1 ? '”' : '’';
      open.pop();
    } else if (OPENERS[ch] === true || straight) {
      open.push(straight);
      out += open.length % 2 === 1 ? '“' : '‘';
    } else {
      out += ch;
    }
  }
  return open.length === 0 ? out : text;
}

export interface TextSpan {
  text: string;
  /** A number with its unit: one line must hold it whole. */
  whole: boolean;
}

// A number as the product writes it (12,345.67, 50, 2026), an optional sign, and the unit after it.
const NUMBER = /-?\d(?:[\d,.]*\d)?(?:万元|元|％|%|‰)?/g;

/**
 * Splits text into plain spans and spans that must stay whole on their line: each number with its
 * unit (24,691.34元, 50%). Between the number and its unit stands a word joiner, so the span has no
 * break opportunity in it under the Unicode line-breaking rules. A word processor breaks Chinese
 * text between any two characters and, by the script of the text around them, digits too (LibreOffice
 * wrote «24,691.3» on one line and «4 元» on the next); the writer marks these spans as Latin text.
 */
export function unbreakableSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER)) {
    const index = m.index ?? 0;
    const token = m[0];
    if (index > at) spans.push({ text: text.slice(at, index), whole: false });
    const unit = /(万元|元|％|%|‰)$/.exec(token)?.[0] ?? '';
    const number = token.slice(0, token.length - unit.length);
    spans.push({ text: unit ? `${number}${WORD_JOINER}${unit}` : number, whole: true });
    at = index + token.length;
  }
  if (at < text.length) spans.push({ text: text.slice(at), whole: false });
  return spans;
}

/** Both rules, on one paragraph's text: quotes nested, then the spans to write. */
export function officialSpans(text: string): TextSpan[] {
  return unbreakableSpans(nestQuotes(text));
}
