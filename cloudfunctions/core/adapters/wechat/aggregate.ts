import type { AggregateRow, AggregateSpec } from '../../ports/store';
import { keyAlias, planAggregate, toRow } from '../aggregate-plan';
import { encodeWhere } from './encode';
import { call, fieldOf, unavailable, type Json, type WechatAggregate, type WechatCollection, type WechatCommand } from './sdk';

/**
 * The port's aggregate as one CloudBase pipeline: match → group → sort → skip → limit, sent by
 * `end()` as one database.aggregateDocuments request.
 *
 * - Group keys go under `_id.k0…` (field paths may hold dots, pipeline keys may not), each
 *   through `$ifNull: [path, null]`: MongoDB groups a missing field apart from a null one,
 *   the port groups them together.
 * - The sort always ends with every group key ascending, so skip/limit pages are stable.
 * - A `$limit` is always sent: without one CloudBase answers at most 20 records.
 */
export async function aggregateWechat(
  _: WechatCommand,
  coll: (name: string) => WechatCollection,
  collection: string,
  spec: AggregateSpec,
): Promise<AggregateRow[]> {
  const plan = planAggregate(collection, spec);
  const condition = encodeWhere(_, collection, spec.where);
  const $ = _.aggregate;

  const id: Json = {};
  plan.groupBy.forEach((field, i) => {
    id[keyAlias(i)] = $.ifNull([`$${field}`, null]);
  });
  const group: Json = { _id: plan.groupBy.length ? id : null };
  for (const { name, measure } of plan.measures) {
    if (measure.op === 'count') group[name] = $.sum(1);
    else group[name] = $[measure.op](`$${measure.field}`);
  }

  const sort: Record<string, 1 | -1> = {};
  for (const o of plan.orderBy) {
    const path = 'key' in o.ref ? `_id.${keyAlias(o.ref.key)}` : o.ref.measure;
    if (!(path in sort)) sort[path] = o.direction === 'desc' ? -1 : 1;
  }
  plan.groupBy.forEach((_f, i) => {
    const path = `_id.${keyAlias(i)}`;
    if (!(path in sort)) sort[path] = 1;
  });

  const res = await call('aggregate', () => {
    // Built inside `call`: the SDK validates while chaining and may throw synchronously.
    let pipeline: WechatAggregate = coll(collection).aggregate();
    if (condition) pipeline = pipeline.match(condition);
    pipeline = pipeline.group(group);
    if (Object.keys(sort).length) pipeline = pipeline.sort(sort);
    if (plan.skip > 0) pipeline = pipeline.skip(plan.skip);
    return pipeline.limit(plan.limit).end();
  });

  const bad = () => unavailable('aggregate');
  // wx-server-sdk answers aggregate as { list, errMsg } (find answers { data }).
  const list = fieldOf(res, 'list');
  if (!Array.isArray(list)) throw bad();
  return list.map((doc: unknown) => {
    const key = fieldOf(doc, '_id');
    return toRow(
      plan,
      plan.groupBy.map((_f, i) => fieldOf(key, keyAlias(i))),
      plan.measures.map(({ name }) => fieldOf(doc, name)),
      bad,
    );
  });
}
