import type { BatchView } from '@shared/contracts';
import { call } from '../../../api/client';
import { useLoad } from '../../../hooks/useLoad';

/** What waits for the 组织部 in one batch's 培育与验收: a tranche to pay, a 中期 or a 结项 to decide. */
export interface BatchWaiting {
  batch: BatchView;
  due: number;
  midterm: number;
  final: number;
  total: number;
}

/** "待拨付 1 项 · 中期验收待审 1 项", naming only what waits; null when nothing does. */
export function waitingText(w: Pick<BatchWaiting, 'due' | 'midterm' | 'final'>): string | null {
  const parts = [w.due ? `待拨付 ${w.due} 项` : '', w.midterm ? `中期验收待审 ${w.midterm} 项` : '', w.final ? `结项验收待审 ${w.final} 项` : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * Every batch with what waits in its 培育与验收, newest first — as the work queue counts it, across
 * all batches (the counts funding.list gives for a whole batch, whatever the filter).
 */
export function useFundedWaiting() {
  return useLoad(async (): Promise<BatchWaiting[]> => {
    const batches = await call('batch.list', {});
    const rows = await Promise.all(
      batches.map(async (batch) => {
        const r = await call('funding.list', { batchId: batch._id, page: 0, pageSize: 20 });
        return { batch, due: r.due, midterm: r.midterm, final: r.final, total: r.due + r.midterm + r.final };
      }),
    );
    return rows.sort((a, b) => b.batch.year - a.batch.year);
  });
}
