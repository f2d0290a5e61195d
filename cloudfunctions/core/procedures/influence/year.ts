import { influenceScore } from '@shared/domain/influence/rank';
import type { TargetKind } from '@shared/domain/influence/counts';
import type { StoreOps } from '../../ports/store';
import { aggregateAll, keyText } from '../../services/aggregate-all';

export interface YearFigures {
  views: number;
  likes: number;
  score: number;
}

/** Every page's views and likes in `year`, by `kind:id`: two aggregates, whatever the number of pages. */
export async function yearFigures(store: StoreOps, kind: TargetKind, year: number): Promise<Map<string, YearFigures>> {
  const [views, likes] = await Promise.all([
    aggregateAll(store, 'influenceDays', { where: { kind, year }, groupBy: ['target'], measures: { views: { op: 'sum', field: 'views' } } }),
    aggregateAll(store, 'influenceLikes', { where: { year }, groupBy: ['target'], measures: { n: { op: 'count' } } }),
  ]);
  const out = new Map<string, YearFigures>();
  const at = (t: string) => out.get(t) ?? { views: 0, likes: 0, score: 0 };
  for (const r of views) {
    const t = keyText(r, 'target') ?? '';
    out.set(t, { ...at(t), views: r.values.views ?? 0 });
  }
  for (const r of likes) {
    const t = keyText(r, 'target') ?? '';
    if (!t.startsWith(`${kind}:`)) continue;
    out.set(t, { ...at(t), likes: r.values.n ?? 0 });
  }
  for (const [t, f] of out) out.set(t, { ...f, score: influenceScore(f.views, f.likes) });
  return out;
}
