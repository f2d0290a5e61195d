import type { User } from '@shared/domain/person';
import { sumFen, type Fen } from '@shared/domain/money';
import { fundingStatus, TRANCHES, type FundingStatus } from '@shared/domain/project/funding';
import type { Project } from '@shared/domain/project/project';
import { MAX_PAGE, type FindOptions, type StoreOps, type StoredDoc } from '../../ports/store';
import { disbursementId, type Disbursement, type Expense } from './records';

/** Every document matching `options`, page by page (the store answers at most MAX_PAGE at a time). */
export async function findAll<T extends StoredDoc>(store: StoreOps, collection: string, options: Omit<FindOptions, 'limit' | 'skip'>): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<T>(collection, { ...options, limit: MAX_PAGE, skip });
    all.push(...page);
    if (page.length < MAX_PAGE) return all;
  }
}

/** The tranches paid, read by their fixed ids (so they are transactional reads everywhere). */
export async function paidDisbursements(store: StoreOps, projectId: string): Promise<Disbursement[]> {
  const docs = await Promise.all(TRANCHES.map((t) => store.get<Disbursement>('disbursements', disbursementId(projectId, t))));
  return docs.filter((d): d is Disbursement => d !== null);
}

export const expensesOf = (store: StoreOps, projectId: string) =>
  findAll<Expense>(store, 'expenses', { where: { projectId }, orderBy: [{ field: 'date', direction: 'desc' }] });

export interface Ledger {
  disbursements: Disbursement[];
  expenses: Expense[];
  status: FundingStatus;
}

export async function ledgerOf(store: StoreOps, project: Project): Promise<Ledger> {
  const [disbursements, expenses] = await Promise.all([paidDisbursements(store, project._id), expensesOf(store, project._id)]);
  return ledgerFrom(project, disbursements, expenses);
}

function ledgerFrom(project: Project, disbursements: Disbursement[], expenses: Expense[]): Ledger {
  const status = fundingStatus({
    grant: project.grantFen ?? 0,
    disbursements,
    expenses,
    matchingFen: project.matchingFen ?? 0,
    state: project.state,
    midtermPassed: project.midtermPassed ?? false,
  });
  return { disbursements, expenses, status };
}

export const spentOf = (expenses: readonly Expense[]): Fen => sumFen(expenses.map((e) => e.amountFen));
export const paidOf = (disbursements: readonly Disbursement[]): Fen => sumFen(disbursements.map((d) => d.amountFen));

/** The project's running totals a money movement writes with it (see Project.paidFen). */
export type MoneyTotals = Partial<Pick<Project, 'paidFen' | 'tranchesPaid' | 'spentFen'>>;

/**
 * A versioned write to the project in the same transaction as a money movement, with the totals
 * it changes. Expense sums are read with find, which on the cloud runs outside the transaction;
 * bumping the project's version makes two concurrent movements on one project collide instead of
 * both passing the check, and makes a movement collide with a concurrent state change (e.g.
 * termination).
 */
export function touchProject(tx: StoreOps, project: Project, at: string, totals: MoneyTotals = {}): Promise<Project> {
  return tx.update<Project>('projects', project._id, project.version, { ...totals, updatedAt: at });
}

/** Names of users by id, one read per distinct id. */
export function nameBook(store: StoreOps): (id: string | null) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (id) => {
    if (!id) return Promise.resolve('—');
    let hit = cache.get(id);
    if (!hit) {
      hit = store.get<User>('users', id).then((u) => u?.profile.name ?? '（已注销用户）');
      cache.set(id, hit);
    }
    return hit;
  };
}
