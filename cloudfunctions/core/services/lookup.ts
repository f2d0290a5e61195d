import type { Batch } from '../../../shared/domain/batch';
import type { Branch, Committee } from '../../../shared/domain/org';
import { AppError } from '../../../shared/contracts/errors';
import type { StoreOps } from '../ports/store';

/**
 * Reads of small reference collections, memoised for one call so that a list of N projects
 * costs one read per distinct committee and batch, not N.
 */
export class Lookup {
  private committees = new Map<string, Promise<Committee | null>>();
  private batches = new Map<string, Promise<Batch | null>>();
  constructor(private readonly store: StoreOps) {}

  committee(id: string): Promise<Committee | null> {
    return memo(this.committees, id, () => this.store.get<Committee & { version: number }>('committees', id));
  }

  batch(id: string): Promise<Batch | null> {
    return memo(this.batches, id, () => this.store.get<Batch & { version: number }>('batches', id));
  }

  async committeeName(id: string): Promise<string> {
    return (await this.committee(id))?.name ?? '（已撤销的党组织）';
  }

  async requireBatch(id: string): Promise<Batch> {
    const batch = await this.batch(id);
    if (!batch) throw new AppError('NOT_FOUND', '该批次不存在，请返回首页重新选择');
    return batch;
  }

  async branch(id: string): Promise<Branch | null> {
    return this.store.get<Branch & { version: number }>('branches', id);
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
