/** Money is integer fen (分) everywhere; yuan appear only when shown to people. */
export type Fen = number;

export const MAX_FEN = 100_000_000_00; // 1 亿元: far above any grant, keeps sums exact in doubles

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

export function sumFen(values: readonly Fen[]): Fen {
  return values.reduce((a, b) => a + b, 0);
}

/** "12,345.60" — fen as yuan with two decimals, no floating point involved. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.toString().padStart(2, '0')}`;
}

/** Parses what a person types as yuan ("1200", "1,200.5", "0.05") into fen; null when it is not money. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.trim().replace(/[,，\s]/g, '').replace(/^¥/, '');
  const m = /^(\d{1,10})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return isFen(fen) ? fen : null;
}

/**
 * The smallest grant a batch may set: each of the two tranches is at least 1 fen, so tranche 1
 * can be recorded and start the 培育 (a 0-fen tranche is never a payment).
 */
export const MIN_GRANT_FEN: Fen = 2;
export const MIN_GRANT_MESSAGE = '每项资助金额至少为 0.02 元：经费分两笔拨付，每笔至少 0.01 元';

/** Tranche 1 is floor(50%), tranche 2 the rest: the two always add up to the grant. */
export function splitTranches(grant: Fen): [Fen, Fen] {
  const first = Math.floor(grant / 2);
  return [first, grant - first];
}
