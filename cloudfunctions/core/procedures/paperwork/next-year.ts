import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { nextYearFields } from '@shared/domain/paperwork/next-year';
import { DEFAULT_ISSUER_NAME } from '@shared/domain/paperwork/notice';
import { SUGGESTED_RUBRIC } from '@shared/domain/project/review';
import type { Context } from '../../context';
import { loadBatch, requireManager } from '../batch/manage';

/**
 * Next year's batch from an earlier one, for the 组织部 (or the committee, for its own batch) to
 * look over and change before batch.create opens it. Only the batch's settings come along.
 */
export async function nextYear(ctx: Context, input: ParsedInputOf<'batch.nextYear'>): Promise<OutputOf<'batch.nextYear'>> {
  const from = await loadBatch(ctx.store, input.fromId);
  requireManager(ctx, from.level, from.committeeId);
  const f = nextYearFields(from);
  return {
    fromId: from._id,
    fromName: from.name,
    name: f.name,
    year: f.year,
    level: f.level,
    ...(f.committeeId ? { committeeId: f.committeeId } : {}),
    calendar: f.calendar,
    grantPerProject: f.grantPerProject,
    quota: f.quota,
    noticeTitle: f.noticeTitle ?? '',
    paperInstructions: f.paperInstructions ?? '',
    issuerName: f.issuerName ?? DEFAULT_ISSUER_NAME,
    rubric: (f.rubric ?? SUGGESTED_RUBRIC).map((c) => ({ label: c.label, weight: c.weight, max: c.max })),
  };
}
