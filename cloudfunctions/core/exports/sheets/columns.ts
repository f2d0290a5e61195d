import { CAMPUS_ZONE } from '@shared/time/deadline';
import { officeText } from '../text';

/**
 * What a column holds, and so how its cells are written:
 * - text: cleaned text (control characters dropped, cut at Excel's 32 767);
 * - int: a whole number (序号, counts, ranks);
 * - yuan: the value given is integer fen, written as yuan (fen / 100) with two decimals;
 * - score: a number shown with two decimals (review totals, averages);
 * - instant: an ISO instant written as Beijing-time text "2026-11-27 10:00".
 */
export type CellKind = 'text' | 'int' | 'yuan' | 'score' | 'instant';

export interface ColumnSpec {
  header: string;
  /** Width in Excel's character units. */
  width: number;
  kind?: CellKind;
  /** Long text: wrapped in its cell instead of overflowing into the next. */
  wrap?: boolean;
  /** Formatted as text, so what is typed in later stays text (a 工号 keeps its leading zeros). */
  textFormat?: boolean;
}

export type CellInput = string | number | null | undefined;

export const YUAN_FORMAT = '#,##0.00';
export const SCORE_FORMAT = '0.00';

/**
 * Yuan from integer fen. An IEEE division is correctly rounded, so fen / 100 is the double nearest
 * to the exact decimal amount — the same number Excel reads from "1200.50"; no sum is ever done in yuan.
 */
export function yuanOf(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money must be integer fen: ${fen}`);
  return fen / 100;
}

// One formatter for every cell: building a zoned date per row (dayjs.tz) costs more than the row.
const CAMPUS_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: CAMPUS_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-27 10:00" in Beijing time: sorts as text and reads the same in any Excel locale. */
export function beijingText(iso: string): string {
  const parts = Object.fromEntries(CAMPUS_CLOCK.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The value a cell gets for its column's kind; empty input stays an empty cell. */
export function cellValue(kind: CellKind, value: CellInput): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'yuan':
      return typeof value === 'number' ? yuanOf(value) : officeText(value);
    case 'int':
    case 'score':
      return typeof value === 'number' && Number.isFinite(value) ? value : officeText(value);
    case 'instant':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? beijingText(value) : officeText(value);
    default:
      return officeText(value);
  }
}

export function numFmtOf(kind: CellKind | undefined): string | undefined {
  if (kind === 'yuan') return YUAN_FORMAT;
  if (kind === 'score') return SCORE_FORMAT;
  return undefined;
}
