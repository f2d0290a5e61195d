import { AppError } from '@shared/contracts/errors';
import type { CollectionName } from '../../ports/collections';
import { MAX_PAGE, type StoreOps, type StoredDoc, type Where } from '../../ports/store';

/**
 * Every document matching `where`, read in pages of 100 in `_id` order (keyset, so pages never
 * overlap), up to `cap`: one batch's applications, assignments or objections stay far below it.
 */
export async function readAll<T extends StoredDoc>(store: StoreOps, collection: CollectionName, where: Where, cap = 3000): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: T[] = await store.find<T>(collection, {
      where: after === null ? where : { ...where, _id: { $gt: after } },
      orderBy: [{ field: '_id', direction: 'asc' }],
      limit: MAX_PAGE,
    });
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
    if (out.length >= cap) {
      throw new AppError('INTERNAL', `需要一次处理的记录超过 ${cap} 条，超出了系统的单次上限；请把这一批次的申报分成几个评审批次，或联系系统管理员`);
    }
    after = page[page.length - 1]._id;
  }
}
