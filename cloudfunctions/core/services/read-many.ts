import type { CollectionName } from '../ports/collections';
import { MAX_PAGE, type StoreOps, type StoredDoc } from '../ports/store';

/**
 * Documents by id, read with `_id $in` a hundred ids at a time: one store round trip per hundred
 * documents instead of one per document (each is a cloud database request on WeChat). Ids that
 * do not exist are absent from the map.
 */
export async function getMany<T extends StoredDoc>(store: StoreOps, collection: CollectionName, ids: Iterable<string>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].filter((id) => id !== '');
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE));
  const pages = await Promise.all(chunks.map((chunk) => store.find<T>(collection, { where: { _id: { $in: chunk } }, limit: MAX_PAGE })));
  return new Map(pages.flat().map((d) => [d._id, d]));
}
