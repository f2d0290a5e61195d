import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { APPLICATION_SORT_DEFAULT_DIRECTION } from '@shared/contracts/lists';
import { INBOX_DEFAULT_SORT, INBOX_UNPAGED, type InboxView } from '@shared/contracts/lists';
import type { ProjectState } from '@shared/domain/project/state';
import { canActForCommittee, hasRole, secretaryCommittees } from '@shared/domain/roles';
import type { Context } from '../../context';
import type { Where } from '../../ports/store';
import { Lookup } from '../../services/lookup';
import { pageApplications } from './application-page';

/** The committee the caller acts for: the one asked for (if in scope) or their first. */
export function committeeFor(ctx: Context, committeeId: string | undefined): string {
  const roles = ctx.user?.roles ?? [];
  const id = committeeId ?? secretaryCommittees(roles)[0];
  if (!id) {
    throw new AppError('VALIDATION', hasRole(roles, 'admin') ? '请选择要查看的基层党委' : '您不是任何基层党委的书记或组织员', { field: 'committeeId' });
  }
  if (!canActForCommittee(roles, id)) throw new AppError('FORBIDDEN', '您只能查看本基层党委的申报');
  return id;
}

const VIEW_STATES: Record<InboxView, ProjectState[] | null> = {
  pending: ['submitted'],
  recommended: ['recommended'],
  decided: ['returned', 'recommended', 'not_recommended'],
  all: null,
};

/**
 * The secretary's lists of the committee's applications. Drafts stay private to their hosts
 * (committee.progress names who has not submitted). Each tab has its order (待处理 oldest first,
 * 已推荐 by rank, the others newest change first); at a desk it is searched, filtered, sorted
 * and paged on the server. Without a page size the first hundred, as before.
 */
export async function committeeInbox(ctx: Context, input: ParsedInputOf<'committee.inbox'>): Promise<OutputOf<'committee.inbox'>> {
  const committeeId = committeeFor(ctx, input.committeeId);
  const view = input.view ?? 'pending';
  const states = VIEW_STATES[view];
  // A state outside the tab finds nothing (not an error: the tab and the filter are chosen apart).
  const state = input.state ? (states === null || states.includes(input.state) ? input.state : null) : undefined;
  const pageSize = input.pageSize ?? INBOX_UNPAGED;
  const lookup = new Lookup(ctx.store);
  const head = { committeeId, view, page: input.page, pageSize };
  if (state === null) return { ...head, committeeName: await lookup.committeeName(committeeId), items: [], total: 0 };
  const where: Where = { committeeId, state: state ?? (states ? { $in: states } : { $ne: 'draft' }) };
  if (input.batchId) where.batchId = input.batchId;
  if (input.category) where['fields.category'] = input.category;
  const order = INBOX_DEFAULT_SORT[view];
  const sort = input.sort ?? order.sort;
  const direction = input.direction ?? (input.sort ? APPLICATION_SORT_DEFAULT_DIRECTION[input.sort] : order.direction);
  const { items, total } = await pageApplications(ctx, where, { q: input.q, sort, direction, page: input.page, pageSize }, lookup);
  // Named after the page: its committee was read with the page's.
  return { ...head, committeeName: await lookup.committeeName(committeeId), items, total };
}
