import type { BatchView } from '../../../../shared/contracts';
import type { Batch } from '../../../../shared/domain/batch';
import type { Context } from '../../context';
import type { StoredDoc } from '../../ports/store';
import { toBatchView } from '../project/views';

/** School-level batches and the caller's own committee's batches, the newest first. */
export async function listBatches(ctx: Context): Promise<BatchView[]> {
  const batches = await ctx.store.find<Batch & StoredDoc>('batches', {
    orderBy: [{ field: 'calendar.submissionDeadline', direction: 'desc' }],
    limit: 100,
  });
  const committeeId = ctx.user?.profile.committeeId;
  return batches
    .filter((b) => b.level === 'school' || b.committeeId === committeeId)
    .map((b) => toBatchView(b, ctx.now));
}
