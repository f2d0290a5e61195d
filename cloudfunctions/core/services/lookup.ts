import type { Batch } from '@shared/domain/batch';
import type { Branch, Committee } from '@shared/domain/org';
import { AppError } from '@shared/contracts/errors';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';

/**
 * Reads of small reference collections, memoised for one call so that a list of N projects
 * costs one read per distinct committee and batch, not N.
 */
export class Lookup {
  private committees = new Map<string, Promise<Committee | null>>();
  private batches = new Map<string, Promise<Batch | null>>();
  private branches = new Map<string, Promise<Branch | null>>();
  constructor(private readonly store: StoreOps) {}

  committee(id: string): Promise<Committee | null> {
    return memo(this.committees, id, () => this.store.get<Committee & { version: number }>('committees', id));
  }

  batch(id: string): Promise<Batch | null> {
    return memo(this.batches, id, () => this.store.get<Batch & { version: number }>('batches', id));
  }

  /**
   * Reads the committees of a list at once (`_id $in`, a hundred per read) so that naming the
   * committees of N items costs one round trip, not one per distinct committee.
   */
  primeCommittees(ids: Iterable<string>): Promise<unknown> {
    return prime(this.store, 'committees', this.committees, ids);
  }

  /** The batches of a list at once, as primeCommittees (a reviewer's assignments span a few rounds). */
  primeBatches(ids: Iterable<string>): Promise<unknown> {
    return prime(this.store, 'batches', this.batches, ids);
  }

  /** The branches of a list of people at once, as primeCommittees. */
  primeBranches(ids: Iterable<string>): Promise<unknown> {
    return prime(this.store, 'branches', this.branches, ids);
  }

  async committeeName(id: string): Promise<string> {
    return (await this.committee(id))?.name ?? '（已撤销的党组织）';
  }

  async requireBatch(id: string): Promise<Batch> {
    const batch = await this.batch(id);
    if (!batch) throw new AppError('NOT_FOUND', '该批次不存在，请返回首页重新选择');
    return batch;
  }

  branch(id: string): Promise<Branch | null> {
    return memo(this.branches, id, () => this.store.get<Branch & { version: number }>('branches', id));
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}

function prime<T>(store: StoreOps, collection: 'committees' | 'batches' | 'branches', cache: Map<string, Promise<T | null>>, ids: Iterable<string>): Promise<unknown> {
  const missing = [...new Set(ids)].filter((id) => id !== '' && !cache.has(id));
  const reads: Promise<unknown>[] = [];
  for (let i = 0; i < missing.length; i += MAX_PAGE) {
    const chunk = missing.slice(i, i + MAX_PAGE);
    const found = store.find<T & StoredDoc>(collection, { where: { _id: { $in: chunk } }, limit: MAX_PAGE });
    for (const id of chunk) cache.set(id, found.then((docs) => docs.find((d) => d._id === id) ?? null));
    reads.push(found);
  }
  return Promise.all(reads);
}
