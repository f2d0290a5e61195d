import type { ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { formatDeadline } from '@shared/time/deadline';
import type { Context } from '../../context';
import { MAX_PAGE } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { committeeFor } from './inbox';

/** Counts by state and who has not submitted yet (host names only: a draft stays the host's). */
export async function committeeProgress(ctx: Context, input: ParsedInputOf<'committee.progress'>) {
  const committeeId = committeeFor(ctx, input.committeeId);
  const lookup = new Lookup(ctx.store);
  const batch = await lookup.requireBatch(input.batchId);
  const counts: Record<string, number> = {};
  const notSubmitted: Array<{ hostName: string; updatedAt: string; state: string }> = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await ctx.store.find<Project>('projects', {
      where: { committeeId, batchId: batch._id },
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: MAX_PAGE,
      skip,
    });
    for (const p of page) {
      counts[p.state] = (counts[p.state] ?? 0) + 1;
      if (p.state === 'draft' || p.state === 'returned') notSubmitted.push({ hostName: p.hostName, updatedAt: p.updatedAt, state: p.state });
    }
    if (page.length < MAX_PAGE) break;
  }
  return {
    committeeId,
    committeeName: await lookup.committeeName(committeeId),
    batchName: batch.name,
    deadlineText: formatDeadline(batch.calendar.submissionDeadline),
    counts,
    notSubmitted,
  };
}
