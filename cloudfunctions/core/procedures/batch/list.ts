import type { BatchView } from '@shared/contracts';
import { canActForCommittee, hasRole } from '@shared/domain/roles';
import type { Context } from '../../context';
import { batchesNewestFirst } from '../../services/shared-reads';
import { calendarFor, extensionsConcerning } from '../../services/extensions';
import { toBatchView } from '../project/views';

/** School-level batches and the caller's own committee's batches, the newest first. */
export async function listBatches(ctx: Context): Promise<BatchView[]> {
  const batches = await batchesNewestFirst(ctx.store);
  const committeeId = ctx.user?.profile.committeeId;
  const roles = ctx.user?.roles ?? [];
  // The 组织部 sees every committee's own batches; others see school batches and their committee's.
  const visible = batches
    .filter((b) => b.level === 'school' || hasRole(roles, 'admin') || b.committeeId === committeeId || (b.committeeId !== undefined && canActForCommittee(roles, b.committeeId)));
  const user = ctx.user;
  if (!user) return visible.map((b) => toBatchView(b, ctx.now));
  // A host with an extension sees the batch open until their own date.
  const who = { hostId: user._id, committeeId: user.profile.committeeId };
  const extensions = await extensionsConcerning(ctx.store, who);
  return visible.map((b) => toBatchView({ ...b, calendar: calendarFor(b, extensions.filter((e) => e.batchId === b._id), who) }, ctx.now));
}
