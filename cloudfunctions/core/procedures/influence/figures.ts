import type { InfluenceFigures, OutputOf, ParsedInputOf } from '@shared/contracts';
import { AppError } from '@shared/contracts/errors';
import { noChannels, noShares, sumShares, type TargetKind } from '@shared/domain/influence/counts';
import { dayRange, fillSeries, SERIES_DAYS } from '@shared/domain/influence/series';
import type { Project } from '@shared/domain/project/project';
import { canActForCommittee } from '@shared/domain/roles';
import { dateIn } from '@shared/time/deadline';
import type { Context } from '../../context';
import { getMany } from '../../services/read-many';
import { FOLD_ID, targetKey, type DayDoc, type FoldDoc, type TotalsDoc } from '../../services/influence/docs';
import { loadBrand } from '../brand/access';

/** A page's figures: its totals and the last fold in one read, its last 90 days in another. */
export async function figuresOf(ctx: Context, kind: TargetKind, id: string): Promise<InfluenceFigures> {
  const target = targetKey(kind, id);
  const range = dayRange(dateIn(ctx.now), SERIES_DAYS);
  const [docs, days] = await Promise.all([
    getMany<TotalsDoc | FoldDoc>(ctx.store, 'influenceTotals', [target, FOLD_ID]),
    ctx.store.find<DayDoc>('influenceDays', { where: { target, day: { $gte: range[0] } }, orderBy: [{ field: 'day', direction: 'asc' }], limit: SERIES_DAYS }),
  ]);
  const totals = docs.get(target) as TotalsDoc | undefined;
  const fold = docs.get(FOLD_ID) as FoldDoc | undefined;
  const views = fillSeries(range, days, (d) => d.views);
  const visitors = fillSeries(range, days, (d) => d.visitors);
  const shares = totals?.shares ?? noShares();
  return {
    totals: { views: totals?.views ?? 0, visitors: totals?.visitors ?? 0, shares: sumShares(shares), likes: totals?.likes ?? 0 },
    byChannel: totals?.byChannel ?? noChannels(),
    shares,
    series: range.map((day, i) => ({ day, views: views[i], visitors: visitors[i] })),
    lastFoldAt: fold?.at ?? null,
  };
}

/** brand.influence: for the brand's committee and the Organization Department. */
export async function brandInfluence(ctx: Context, input: ParsedInputOf<'brand.influence'>): Promise<OutputOf<'brand.influence'>> {
  const brand = await loadBrand(ctx.store, input.brandId);
  if (!canActForCommittee(ctx.user?.roles ?? [], brand.committeeId)) throw new AppError('FORBIDDEN', '只有本基层党委和党委组织部可以查看该品牌的影响力数据');
  return figuresOf(ctx, 'brand', brand._id);
}

/** project.influence: for the project's host, its committee and the Organization Department. */
export async function projectInfluence(ctx: Context, input: ParsedInputOf<'project.influence'>): Promise<OutputOf<'project.influence'>> {
  const project = await ctx.store.get<Project>('projects', input.projectId);
  if (!project) throw new AppError('NOT_FOUND', '该项目不存在或已被删除');
  const host = ctx.user !== null && ctx.user._id === project.hostId;
  if (!host && !canActForCommittee(ctx.user?.roles ?? [], project.committeeId)) throw new AppError('FORBIDDEN', '只有项目主持人、本基层党委和党委组织部可以查看该项目的影响力数据');
  return figuresOf(ctx, 'project', project._id);
}
