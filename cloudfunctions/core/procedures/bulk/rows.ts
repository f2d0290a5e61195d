import { AppError, type ErrorCode } from '@shared/contracts/errors';
import type { RowReport } from '@shared/contracts/bulk';
import { shownText } from '@shared/contracts/zod-zh';

export type Refusal = RowReport['refused'][number];

export function refusalOf(id: string, title: string, err: unknown): Refusal {
  if (err instanceof AppError) return { id, title: shownText(title, 60), code: err.code, message: err.message };
  throw err;
}

/**
 * An all-or-nothing action refused because of some rows: nothing was written; the message names
 * the first few, `details.refused` lists them all for the table to mark.
 */
export function refuseAll(code: ErrorCode, what: string, refused: Refusal[]): AppError {
  const shown = refused.slice(0, 3).map((r) => `「${shownText(r.title, 30)}」${r.message}`).join('；');
  const more = refused.length > 3 ? `等 ${refused.length} 项` : '';
  return new AppError(code, `${what}未执行（全部未生效）：${shown}${more}。请取消勾选这些项目或处理后重试`, { refused });
}

/** Runs `one` for each item in turn, collecting what was done and what was refused (with why). */
export async function rowByRow<T>(items: readonly T[], key: (t: T) => { id: string; title: string }, one: (t: T) => Promise<void>): Promise<RowReport> {
  const report: RowReport = { done: [], refused: [] };
  for (const item of items) {
    const k = key(item);
    try {
      await one(item);
      report.done.push(k);
    } catch (err) {
      report.refused.push(refusalOf(k.id, k.title, err));
    }
  }
  return report;
}
