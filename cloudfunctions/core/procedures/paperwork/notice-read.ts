import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { ApprovalNoticeView } from '@shared/contracts/paperwork';
import type { Context } from '../../context';
import type { StoredDoc } from '../../ports/store';
import { loadBatch } from '../review/batch';

/** The issued 立项通知 of a batch (`_id` = batch id): exactly what the document and its public page show. */
export type StoredNotice = ApprovalNoticeView & StoredDoc & { issuedAt: string; issuedBy: string };

const viewOf = ({ version: _v, _id: _i, issuedAt: _a, issuedBy: _b, ...view }: StoredNotice): ApprovalNoticeView => view;

export async function getNotice(ctx: Context, input: ParsedInputOf<'notice.get'>): Promise<OutputOf<'notice.get'>> {
  await loadBatch(ctx.store, input.batchId);
  const stored = await ctx.store.get<StoredNotice>('approvalNotices', input.batchId);
  return stored ? viewOf(stored) : null;
}

/** The public 立项 page: the notice as issued, nothing it does not show; null until it is issued. */
export async function publicNotice(ctx: Context, input: ParsedInputOf<'notice.public'>): Promise<OutputOf<'notice.public'>> {
  const stored = await ctx.store.get<StoredNotice>('approvalNotices', input.batchId);
  return stored ? viewOf(stored) : null;
}
