import { indexedFields, isListField } from '../ports/collections';
import { MAX_GROUPS, StoreError, type AggregateRow, type AggregateSpec, type Measure, type Scalar } from '../ports/store';

/** An aggregate spec checked once for both adapters: the same refusals, the same order. */
export interface AggregatePlan {
  groupBy: string[];
  measures: Array<{ name: string; measure: Measure }>;
  /** Each sort term: a group key (by its index in groupBy) or a measure (by name). */
  orderBy: Array<{ ref: { key: number } | { measure: string }; direction: 'asc' | 'desc' }>;
  limit: number;
  skip: number;
}

const MEASURE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const OPS = new Set(['count', 'sum', 'min', 'max', 'avg']);

function declared(collection: string, field: string, allowId: boolean): void {
  const fields = indexedFields(collection);
  if (!fields) throw new StoreError('BAD_QUERY', `unknown collection: ${collection}`);
  if (field === '_id' && allowId) return;
  if (!fields.includes(field)) throw new StoreError('BAD_QUERY', `field ${collection}.${field} is not declared as queryable`);
  if (isListField(collection, field)) throw new StoreError('BAD_QUERY', `field ${collection}.${field} holds a list: it filters, it does not group or measure`);
}

export function planAggregate(collection: string, spec: AggregateSpec): AggregatePlan {
  if (!indexedFields(collection)) throw new StoreError('BAD_QUERY', `unknown collection: ${collection}`);
  const groupBy = [...spec.groupBy];
  for (const field of groupBy) declared(collection, field, true);
  if (new Set(groupBy).size !== groupBy.length) throw new StoreError('BAD_QUERY', 'groupBy names a field twice');

  const measures = Object.entries(spec.measures).map(([name, measure]) => {
    if (!MEASURE_NAME.test(name)) throw new StoreError('BAD_QUERY', `measure name ${name} must be a letter then letters, digits or _`);
    if (groupBy.includes(name)) throw new StoreError('BAD_QUERY', `measure ${name} has the name of a groupBy field`);
    if (!OPS.has(measure.op)) throw new StoreError('BAD_QUERY', `unsupported measure ${String(measure.op)}`);
    if (measure.op !== 'count') declared(collection, measure.field, false);
    return { name, measure };
  });

  const orderBy = (spec.orderBy ?? []).map((o) => {
    const direction: 'asc' | 'desc' = o.direction === 'desc' ? 'desc' : 'asc';
    const key = groupBy.indexOf(o.field);
    if (key >= 0) return { ref: { key }, direction };
    if (measures.some((m) => m.name === o.field)) return { ref: { measure: o.field }, direction };
    throw new StoreError('BAD_QUERY', `orderBy ${o.field} is neither a groupBy field nor a measure`);
  });

  const limit = spec.limit ?? MAX_GROUPS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GROUPS) throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_GROUPS}`);
  const skip = spec.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', 'skip must be a non-negative integer');
  return { groupBy, measures, orderBy, limit, skip };
}

/** The alias of the i-th group key in a query or pipeline (field paths may hold dots). */
export const keyAlias = (i: number): string => `k${i}`;

/** Builds a row from the adapter's raw key and measure values; anything not a scalar/number is a failure. */
export function toRow(plan: AggregatePlan, keys: unknown[], values: unknown[], fail: () => Error): AggregateRow {
  const key: Record<string, Scalar> = {};
  plan.groupBy.forEach((field, i) => {
    const v = keys[i] === undefined ? null : keys[i];
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) throw fail();
    key[field] = v as Scalar;
  });
  const out: Record<string, number | null> = {};
  plan.measures.forEach(({ name }, i) => {
    const v = values[i] === undefined ? null : values[i];
    if (v !== null && typeof v !== 'number') throw fail();
    out[name] = v as number | null;
  });
  return { key, values: out };
}
