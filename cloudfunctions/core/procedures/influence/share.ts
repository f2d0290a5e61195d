import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Context } from '../../context';
import { countShare } from './count';

/** A share hook fired or a poster was saved: counted in memory, written with the next flush. */
export async function recordShare(ctx: Context, input: ParsedInputOf<'influence.share'>): Promise<OutputOf<'influence.share'>> {
  return { counted: countShare(ctx, input.target.kind, input.target.id, input.kind) };
}
