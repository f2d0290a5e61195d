import type { Context } from '../../context';
import type { StoreOps } from '../../ports/store';
import { notifyParties } from '../../services/notify';

/** Titles of applications per reviewer, gathered while assignments change. */
export type ByReviewer = Map<string, string[]>;

export const addTo = (m: ByReviewer, reviewerId: string, title: string) => m.set(reviewerId, [...(m.get(reviewerId) ?? []), title]);

const summary = (titles: string[]) => (titles.length === 1 ? `「${titles[0]}」` : `「${titles[0]}」等 ${titles.length} 份申报`);

/** One message per reviewer whose assignments changed: assigned, and separately unassigned. */
export async function tellReviewers(ctx: Context, tx: StoreOps, batchId: string, auditId: string, added: ByReviewer, removed: ByReviewer, at: string): Promise<void> {
  for (const [reviewerId, titles] of added) {
    await notifyParties(ctx, tx, { kind: 'review.assigned', title: `新的评审任务：${summary(titles)}`, body: '请在评审截止前完成评分。', entityId: batchId, eventId: `${auditId}:assigned` }, { subjectId: reviewerId }, at);
  }
  for (const [reviewerId, titles] of removed) {
    await notifyParties(ctx, tx, { kind: 'review.unassigned', title: `评审任务已取消：${summary(titles)}`, body: '无需再为其评分。', entityId: batchId, eventId: `${auditId}:unassigned` }, { subjectId: reviewerId }, at);
  }
}
