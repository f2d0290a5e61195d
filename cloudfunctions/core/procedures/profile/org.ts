import type { OrgTree } from '@shared/contracts';
import { compareBranches, type Branch, type Committee } from '@shared/domain/org';
import type { Context } from '../../context';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../../ports/store';

/** Reads every page of a collection (reference data only: committees, branches). */
export async function readAll<T extends StoredDoc>(store: StoreOps, collection: string, orderField: string): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await store.find<T>(collection, { orderBy: [{ field: orderField, direction: 'asc' }], limit: MAX_PAGE, skip });
    all.push(...page);
    if (page.length < MAX_PAGE) return all;
  }
}

export async function orgTree(ctx: Context): Promise<OrgTree> {
  const [committees, branches] = await Promise.all([
    readAll<Committee & StoredDoc>(ctx.store, 'committees', 'order'),
    readAll<Branch & StoredDoc>(ctx.store, 'branches', 'name'),
  ]);
  return {
    committees: committees.map(({ _id, name, kind, closed }) => ({ _id, name, kind, ...(closed ? { closed } : {}) })),
    branches: [...branches].sort(compareBranches).map(({ _id, committeeId, name, closed }) => ({ _id, committeeId, name, ...(closed ? { closed } : {}) })),
  };
}
