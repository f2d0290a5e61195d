import { FUNDED_PAGE, type FundedProject } from '@shared/contracts/funding';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { findAll, ledgersOf } from './ledger';

const FUNDED_STATES = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];

/**
 * The approved projects of a batch with their money and what is due, for the 组织部: one page of
 * rows (FUNDED_PAGE) with its ledgers, and the batch's to-do counts. A tranche can only be due on
 * a project just approved (tranche 1) or one that passed its midterm (tranche 2): only those
 * projects' ledgers are read for the count.
 */
export async function fundingList(ctx: Context, input: ParsedInputOf<'funding.list'>): Promise<OutputOf<'funding.list'>> {
  const lookup = new Lookup(ctx.store);
  await lookup.requireBatch(input.batchId);
  const projects = await findAll<Project>(ctx.store, 'projects', {
    where: { batchId: input.batchId, state: { $in: FUNDED_STATES } },
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
  });
  const pages = Math.max(1, Math.ceil(projects.length / FUNDED_PAGE));
  const page = Math.min(input.page, pages - 1);
  const shown = projects.slice(page * FUNDED_PAGE, (page + 1) * FUNDED_PAGE);
  const mayBeDue = projects.filter((p) => p.state === 'approved' || (p.midtermPassed === true && p.state === 'cultivating'));
  // One read of the ledgers for the page and the projects that may have a tranche due.
  const needed = [...new Map([...shown, ...mayBeDue].map((p) => [p._id, p])).values()];
  const [ledgers] = await Promise.all([ledgersOf(ctx.store, needed), lookup.primeCommittees(shown.map((p) => p.committeeId))]);
  const ledgerOf = new Map(needed.map((p, i) => [p._id, ledgers[i]]));
  const items: FundedProject[] = await Promise.all(
    shown.map(async (p) => {
      const { status } = ledgerOf.get(p._id)!;
      return {
        projectId: p._id,
        title: p.fields.title,
        committeeName: await lookup.committeeName(p.committeeId),
        hostName: p.hostName,
        state: p.state,
        grantFen: p.grantFen ?? 0,
        paidFen: status.paid,
        spentFen: status.spent,
        dueTranche: status.dueTranche,
        midtermPassed: p.midtermPassed ?? false,
      };
    }),
  );
  return {
    items,
    total: projects.length,
    page,
    pageSize: FUNDED_PAGE,
    due: mayBeDue.filter((p) => ledgerOf.get(p._id)!.status.dueTranche !== null).length,
    midterm: projects.filter((p) => p.state === 'midterm_review').length,
    final: projects.filter((p) => p.state === 'final_review').length,
  };
}
