import type { FundedProject } from '../../../../shared/contracts/funding';
import type { ParsedInputOf } from '../../../../shared/contracts';
import type { Project } from '../../../../shared/domain/project/project';
import type { Context } from '../../context';
import { Lookup } from '../../services/lookup';
import { findAll, ledgersOf } from './ledger';

const FUNDED_STATES = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];

/** Every approved project of a batch with its money and what is due, for the 组织部. */
export async function fundingList(ctx: Context, input: ParsedInputOf<'funding.list'>): Promise<FundedProject[]> {
  const lookup = new Lookup(ctx.store);
  await lookup.requireBatch(input.batchId);
  const projects = await findAll<Project>(ctx.store, 'projects', {
    where: { batchId: input.batchId, state: { $in: FUNDED_STATES } },
    orderBy: [{ field: 'updatedAt', direction: 'desc' }],
  });
  const [ledgers] = await Promise.all([ledgersOf(ctx.store, projects), lookup.primeCommittees(projects.map((p) => p.committeeId))]);
  return Promise.all(
    projects.map(async (p, i) => {
      const { status } = ledgers[i];
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
}
