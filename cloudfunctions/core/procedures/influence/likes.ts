import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { AppError } from '@shared/contracts/errors';
import { noChannels, noShares } from '@shared/domain/influence/counts';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { StoreError } from '../../ports/store';
import { targetKey, type LikeDoc, type TotalsDoc } from '../../services/influence/docs';
import { keyedHash } from '../../services/influence/salts';
import { visitorKey } from './count';
import { isPublicTarget, notPublic } from './targets';

async function likeId(ctx: Context, target: string): Promise<string> {
  const who = visitorKey(ctx);
  if (!who) throw new AppError('UNAUTHENTICATED', '无法识别当前浏览器，请允许本站使用 Cookie 后再点赞');
  return `l_${keyedHash(await ctx.salts.likeKey(), `${target}|${who}`, 32)}`;
}

/** The page's likes and whether this caller liked it: two reads. */
export async function likeState(ctx: Context, input: ParsedInputOf<'influence.likes'>): Promise<OutputOf<'influence.likes'>> {
  const target = targetKey(input.target.kind, input.target.id);
  // Someone the server cannot recognise has liked nothing.
  const id = visitorKey(ctx) ? await likeId(ctx, target) : '';
  const [mine, totals] = await Promise.all([id ? ctx.store.get<LikeDoc>('influenceLikes', id) : null, ctx.store.get<TotalsDoc>('influenceTotals', target)]);
  return { liked: mine !== null, likes: totals?.likes ?? 0 };
}

/**
 * 点赞, or takes it back: one like per WeChat user (or browser) and page, kept under a keyed
 * hash of the two. Only a public page can be liked. Written at once, in one transaction with
 * the page's like count (a like is a person's tap, not a page view).
 */
export async function toggleLike(ctx: Context, input: ParsedInputOf<'influence.like'>): Promise<OutputOf<'influence.like'>> {
  const { kind, id: targetId } = input.target;
  if (!(await isPublicTarget(ctx.store, kind, targetId))) throw notPublic();
  const target = targetKey(kind, targetId);
  const id = await likeId(ctx, target);
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        const [mine, totals] = await Promise.all([tx.get<LikeDoc>('influenceLikes', id), tx.get<TotalsDoc>('influenceTotals', target)]);
        const likes = Math.max(0, (totals?.likes ?? 0) + (mine ? -1 : 1));
        if (mine) await tx.remove('influenceLikes', id, mine.version);
        else await tx.insert<LikeDoc>('influenceLikes', { _id: id, target, year: Number(dateIn(ctx.now).slice(0, 4)), at: ctx.now.toISOString() });
        if (totals) await tx.update<TotalsDoc>('influenceTotals', target, totals.version, { likes });
        else await tx.insert<TotalsDoc>('influenceTotals', { _id: target, kind, views: 0, visitors: 0, byChannel: noChannels(), shares: noShares(), likes });
        return { liked: !mine, likes };
      });
    } catch (err) {
      // A fold or another tap wrote the counter meanwhile: read again.
      if (attempt < 3 && err instanceof StoreError && (err.kind === 'CONFLICT' || err.kind === 'DUPLICATE' || err.kind === 'NOT_FOUND')) continue;
      throw err;
    }
  }
}
