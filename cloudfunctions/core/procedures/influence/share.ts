import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Context } from '../../context';
import { countShare } from './count';
import { isPublicTarget } from './targets';

/**
 * A share hook fired or a poster was saved: counted in memory, written with the next flush. Only a
 * page that is public is counted, so an id nobody can open never reaches the stored figures.
 */
export async function recordShare(ctx: Context, input: ParsedInputOf<'influence.share'>): Promise<OutputOf<'influence.share'>> {
  if (!(await isPublicTarget(ctx.store, input.target.kind, input.target.id))) return { counted: false };
  return { counted: countShare(ctx, input.target.kind, input.target.id, input.kind) };
}
