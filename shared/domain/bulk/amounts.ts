import { parseYuan, type Fen } from '../money';

export interface AmountLine {
  /** The project's title (or id) as written on the line. */
  name: string;
  amountFen: Fen;
}

export interface ParsedAmounts {
  lines: AmountLine[];
  /** 1-based line numbers that are neither blank nor "名称 金额". */
  bad: number[];
}

/**
 * A list of amounts pasted from a spreadsheet: one project a line, its title (or id) then the
 * amount in 元, separated by a tab, spaces or a comma ("红色引擎 5000.00").
 */
export function parseAmountList(text: string): ParsedAmounts {
  const lines: AmountLine[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(.+?)[\t ,，]+¥?([0-9][0-9,]*(?:\.[0-9]{1,2})?)\s*元?$/.exec(line);
    const amountFen = m ? parseYuan(m[2].replace(/,/g, '')) : null;
    if (!m || amountFen === null || amountFen <= 0) bad.push(i + 1);
    else lines.push({ name: m[1].trim(), amountFen });
  });
  return { lines, bad };
}
