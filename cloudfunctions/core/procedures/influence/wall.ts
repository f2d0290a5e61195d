import type { OutputOf } from '@shared/contracts';
import { RANK_FORMULA } from '@shared/domain/influence/rank';
import { dayRange } from '@shared/domain/influence/series';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { aggregateAll, keyText } from '../../services/aggregate-all';
import { FOLD_ID, targetKey, type FoldDoc } from '../../services/influence/docs';
import { publicBrandList } from '../brand/public';
import { yearFigures } from './year';

const SPARK_DAYS = 30;

/**
 * 品牌墙: every promoted brand ranked by this year's views and likes (RANK_FORMULA), with its
 * 标识, committee and a 30-day sparkline. Public, like the showcase.
 */
export async function brandWall(ctx: Context): Promise<OutputOf<'brand.wall'>> {
  const today = dateIn(ctx.now);
  const year = Number(today.slice(0, 4));
  const range = dayRange(today, SPARK_DAYS);
  const [brands, figures, daily, fold] = await Promise.all([
    publicBrandList(ctx),
    yearFigures(ctx.store, 'brand', year),
    aggregateAll(ctx.store, 'influenceDays', { where: { kind: 'brand', day: { $gte: range[0] } }, groupBy: ['target', 'day'], measures: { views: { op: 'sum', field: 'views' } } }),
    ctx.store.get<FoldDoc>('influenceTotals', FOLD_ID),
  ]);
  const spark = new Map<string, Map<string, number>>();
  for (const r of daily) {
    const t = keyText(r, 'target') ?? '';
    const m = spark.get(t) ?? new Map<string, number>();
    m.set(keyText(r, 'day') ?? '', r.values.views ?? 0);
    spark.set(t, m);
  }
  const items = brands.map((b) => {
    const t = targetKey('brand', b._id);
    const f = figures.get(t) ?? { views: 0, likes: 0, score: 0 };
    const days = spark.get(t);
    return { _id: b._id, name: b.name, committeeName: b.committeeName, logoUrl: b.logoUrl, views: f.views, likes: f.likes, score: f.score, spark: range.map((d) => days?.get(d) ?? 0) };
  });
  items.sort((a, b) => b.score - a.score || b.likes - a.likes || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { year, formula: RANK_FORMULA, items, lastFoldAt: fold?.at ?? null };
}
