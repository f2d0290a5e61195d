import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import { FUNDED_SORT_DEFAULT_DIRECTION, type FundedSort } from '@shared/contracts/lists';
import { TRANCHES, trancheDue, type Tranche } from '@shared/domain/project/funding';
import { FUNDED_STATES, PROJECT_STATES, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { MAX_PAGE, type AggregateRow, type StoreOps } from '../../ports/store';
import { aggregateAll, keyNumber, keyText } from '../../services/aggregate-all';
import { Lookup } from '../../services/lookup';
import { found, pageSlice, sortForPaging, stateOrder, type SortKey } from '../../services/sort-page';

/** What the list sorts, filters and searches by: one aggregate group per funded project. */
const INDEX_KEYS = ['_id', 'committeeId', 'state', 'hostName', 'fields.title', 'grantFen', 'midtermPassed', 'updatedAt'];

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
  due: Tranche | null;
}

const stateOf = (row: AggregateRow): ProjectState => PROJECT_STATES.find((s) => s === keyText(row, 'state')) ?? 'approved';

/** What was paid per project (tranches are paid in order, each once: the lowest and highest name them all). */
function paidByProject(groups: readonly AggregateRow[]): Map<string, { paid: number; tranches: Tranche[] }> {
  const out = new Map<string, { paid: number; tranches: Tranche[] }>();
  for (const g of groups) {
    const [low, high] = [g.values.low, g.values.high];
    out.set(keyText(g, 'projectId') ?? '', { paid: g.values.paid ?? 0, tranches: TRANCHES.filter((t) => t === low || t === high) });
  }
  return out;
}

/** Spent per project: the whole batch (one group per project), or only the projects named. */
async function spentByProject(store: StoreOps, batchId: string, projectIds?: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const chunks = projectIds ? Array.from({ length: Math.ceil(projectIds.length / MAX_PAGE) }, (_, i) => projectIds.slice(i * MAX_PAGE, (i + 1) * MAX_PAGE)) : [null];
  const answers = await Promise.all(
    chunks.map((ids) =>
      aggregateAll(store, 'expenses', { where: ids ? { batchId, projectId: { $in: ids } } : { batchId }, groupBy: ['projectId'], measures: { spent: { op: 'sum', field: 'amountFen' } } }),
    ),
  );
  for (const g of answers.flat()) out.set(keyText(g, 'projectId') ?? '', g.values.spent ?? 0);
  return out;
}

function keyOf(sort: FundedSort, r: Row, committeeName: (id: string) => string, spent: (id: string) => number): SortKey {
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
      return spent(r.id);
    case 'updated':
      return r.updatedAt || null;
  }
}

/**
 * 培育与验收 (the 组织部): a batch's funded projects, filtered by state, committee, 待拨付 and a search
 * of title, number and host; sorted with `_id` breaking ties, one page at a time, with the batch's
 * to-do counts and its committees. The projects and the tranches paid are one aggregate each (their
 * sort keys and sums only); expenses are summed for the page, or for the batch when sorting by them.
 */
export async function fundingList(ctx: Context, input: ParsedInputOf<'funding.list'>): Promise<OutputOf<'funding.list'>> {
  const { batchId } = input;
  const lookup = new Lookup(ctx.store);
  const bySpent = input.sort === 'spent';
  const [groups, tranches, batchSpent] = await Promise.all([
    aggregateAll(ctx.store, 'projects', { where: { batchId, state: { $in: [...FUNDED_STATES] } }, groupBy: INDEX_KEYS, measures: { n: { op: 'count' } } }),
    aggregateAll(ctx.store, 'disbursements', {
      where: { batchId },
      groupBy: ['projectId'],
      measures: { paid: { op: 'sum', field: 'amountFen' }, low: { op: 'min', field: 'tranche' }, high: { op: 'max', field: 'tranche' } },
    }),
    bySpent ? spentByProject(ctx.store, batchId) : null,
  ]);
  // A batch with funded projects exists; only an empty answer needs the batch itself (unknown or empty?).
  if (groups.length === 0) await lookup.requireBatch(batchId);
  const paid = paidByProject(tranches);
  const rows: Row[] = groups.map((g) => {
    const id = keyText(g, '_id') ?? '';
    const state = stateOf(g);
    const grant = keyNumber(g, 'grantFen') ?? 0;
    const midtermPassed = g.key.midtermPassed === true;
    const money = paid.get(id) ?? { paid: 0, tranches: [] };
    return {
      id,
      committeeId: keyText(g, 'committeeId') ?? '',
      state,
      hostName: keyText(g, 'hostName') ?? '',
      title: keyText(g, 'fields.title') ?? '',
      grant,
      midtermPassed,
      updatedAt: keyText(g, 'updatedAt') ?? '',
      paid: money.paid,
      due: trancheDue({ grant, state, midtermPassed, paidTranches: money.tranches }),
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
      found(input.q, r.title, r.id, r.hostName),
  );
  const direction = input.direction ?? FUNDED_SORT_DEFAULT_DIRECTION[input.sort];
  const spentOfBatch = (id: string) => batchSpent?.get(id) ?? 0;
  const sorted = sortForPaging(matching, (r) => keyOf(input.sort, r, name, spentOfBatch), direction, (r) => r.id);
  const shown = pageSlice(sorted, input.page, input.pageSize);
  const spent = batchSpent ?? (shown.length ? await spentByProject(ctx.store, batchId, shown.map((r) => r.id)) : new Map<string, number>());

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
      spentFen: spent.get(r.id) ?? 0,
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
