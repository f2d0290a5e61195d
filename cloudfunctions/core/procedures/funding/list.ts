import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { FUNDED_SORT_DEFAULT_DIRECTION, type FundedSort } from '@shared/contracts/lists';
import type { Tranche } from '@shared/domain/project/funding';
import { trancheOwed } from '@shared/domain/queue/rules';
import { FUNDED_STATES, PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import type { AggregateRow } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { found, pageSlice, sortForPaging, stateOrder, type SortKey } from '../../services/sort-page';

/**
 * What the list sorts, filters, searches and shows: one aggregate group per funded project, with
 * the money's running totals the project carries (written with each tranche and expense).
 */
const INDEX_KEYS = ['_id', 'committeeId', 'state', 'hostName', 'fields.title', 'grantFen', 'midtermPassed', 'updatedAt', 'paidFen', 'tranchesPaid', 'spentFen'];

interface Row {
  id: string;
  committeeId: string;
  state: ProjectState;
  hostName: string;
  title: string;
  grant: number;
  midtermPassed: boolean;
  updatedAt: string;
  paid: number;
  spent: number;
  due: Tranche | null;
}

const stateOf = (row: AggregateRow): ProjectState => PROJECT_STATES.find((s) => s === keyText(row, 'state')) ?? 'approved';

function keyOf(sort: FundedSort, r: Row, committeeName: (id: string) => string): SortKey {
  switch (sort) {
    case 'due':
      return r.due;
    case 'committee':
      return committeeName(r.committeeId);
    case 'title':
      return r.title.trim() || null;
    case 'host':
      return r.hostName || null;
    case 'state':
      return stateOrder(r.state);
    case 'grant':
      return r.grant;
    case 'paid':
      return r.paid;
    case 'spent':
      return r.spent;
    case 'updated':
      return r.updatedAt || null;
  }
}

/**
 * 培育与验收 (the 组织部): a batch's funded projects, filtered by state, committee, 待拨付 and a search
 * of title, number and host; sorted with `_id` breaking ties, one page at a time, with the batch's
 * to-do counts and its committees. One aggregate of the projects (their sort keys and the money's
 * running totals) answers it all: the tranches and expenses are not read.
 */
export async function fundingList(ctx: Context, input: ParsedInputOf<'funding.list'>): Promise<OutputOf<'funding.list'>> {
  const { batchId } = input;
  const lookup = new Lookup(ctx.store);
  const groups = await aggregateAll(ctx.store, 'projects', { where: { batchId, state: { $in: [...FUNDED_STATES] } }, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } });
  // A batch with funded projects exists; only an empty answer needs the batch itself (unknown or empty?).
  if (groups.length === 0) await lookup.requireBatch(batchId);
  const rows: Row[] = groups.map((g) => {
    const grant = keyNumber(g, 'grantFen') ?? 0;
    const state = stateOf(g);
    const midtermPassed = g.key.midtermPassed === true;
    return {
      id: keyText(g, '_id') ?? '',
      committeeId: keyText(g, 'committeeId') ?? '',
      state,
      hostName: keyText(g, 'hostName') ?? '',
      title: keyText(g, 'fields.title') ?? '',
      grant,
      midtermPassed,
      updatedAt: keyText(g, 'updatedAt') ?? '',
      paid: keyNumber(g, 'paidFen') ?? 0,
      spent: keyNumber(g, 'spentFen') ?? 0,
      // The queue's rule (我的待办's 拨付), so the list and the count agree.
      due: trancheOwed({ state, grantFen: grant, midtermPassed, tranchesPaid: keyNumber(g, 'tranchesPaid') }),
    };
  });

  // Every committee of the batch's list is named (the filter offers them; sorting by committee needs them).
  const committeeIds = [...new Set(rows.map((r) => r.committeeId))];
  await lookup.primeCommittees(committeeIds);
  const names = new Map(await Promise.all(committeeIds.map(async (id) => [id, await lookup.committeeName(id)] as const)));
  const name = (id: string) => names.get(id) ?? '';

  const matching = rows.filter(
    (r) =>
      (!input.state || r.state === input.state) &&
      (!input.committeeId || r.committeeId === input.committeeId) &&
      (input.due === undefined || (r.due !== null) === input.due) &&
      (input.tranche === undefined || r.due === input.tranche) &&
      found(input.q, r.title, r.id, r.hostName),
  );
  const direction = input.direction ?? FUNDED_SORT_DEFAULT_DIRECTION[input.sort];
  const sorted = sortForPaging(matching, (r) => keyOf(input.sort, r, name), direction, (r) => r.id);
  const shown = pageSlice(sorted, input.page, input.pageSize);

  const perCommittee = new Map<string, number>();
  for (const r of rows) perCommittee.set(r.committeeId, (perCommittee.get(r.committeeId) ?? 0) + 1);
  const committees = sortForPaging(
    committeeIds.map((id) => ({ committeeId: id, name: name(id), count: perCommittee.get(id) ?? 0 })),
    (c) => c.name,
    'asc',
    (c) => c.committeeId,
  );
  return {
    items: shown.map((r) => ({
      projectId: r.id,
      title: r.title,
      committeeId: r.committeeId,
      committeeName: name(r.committeeId),
      hostName: r.hostName,
      state: r.state,
      grantFen: r.grant,
      paidFen: r.paid,
      spentFen: r.spent,
      dueTranche: r.due,
      midtermPassed: r.midtermPassed,
    })),
    total: matching.length,
    page: input.page,
    pageSize: input.pageSize,
    due: rows.filter((r) => r.due !== null).length,
    midterm: rows.filter((r) => r.state === 'midterm_review').length,
    final: rows.filter((r) => r.state === 'final_review').length,
    committees,
  };
}
