import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import type { StoreOps, StoredDoc } from '../ports/store';

/**
 * Reads that several readers of one call make, written once so that they are the same query:
 * under readOnce (home.open) the second reader's is not asked again.
 */

/** Every batch, the newest deadline first (a university opens a few a year: one page). */
export function batchesNewestFirst(store: StoreOps): Promise<Array<Batch & StoredDoc>> {
  return store.find<Batch & StoredDoc>('batches', { orderBy: [{ field: 'calendar.submissionDeadline', direction: 'desc' }], limit: 100 });
}

/** The applications a person hosts, the latest change first (one per batch at most: one page). */
export function projectsHostedBy(store: StoreOps, hostId: string): Promise<Project[]> {
  return store.find<Project>('projects', { where: { hostId }, orderBy: [{ field: 'updatedAt', direction: 'desc' }], limit: 100 });
}
