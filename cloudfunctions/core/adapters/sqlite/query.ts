import { indexedFields, isListField } from '../../ports/collections';
import { MAX_PAGE, StoreError, type FindOptions, type Measure, type RangeCondition, type Scalar, type Where } from '../../ports/store';
import { keyAlias, type AggregatePlan } from '../aggregate-plan';

/** Translates the port's document queries to SQL over a JSON column, on declared fields only. */
export function tableName(collection: string): string {
  if (!indexedFields(collection)) throw new StoreError('BAD_QUERY', `unknown collection: ${collection}`);
  return `c_${collection}`;
}

export function fieldExpr(collection: string, field: string): string {
  const declared = indexedFields(collection) ?? [];
  if (field !== '_id' && !declared.includes(field)) {
    throw new StoreError('BAD_QUERY', `field ${collection}.${field} is not declared as queryable`);
  }
  if (field === '_id') return 'id';
  return `json_extract(doc, '$.${field}')`;
}

type SqlValue = string | number | null;

/** The side table that indexes a list field element by element: (id, value), one row per distinct element. */
export function listTable(collection: string, field: string): string {
  return `${tableName(collection)}__list_${field.replace(/\./g, '_')}`;
}

/** A list field's condition: the document's id is among those with one element meeting all of it. */
function listCondition(collection: string, field: string, cond: Scalar | RangeCondition): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (!isRange(cond)) {
    if (cond === null) throw new StoreError('BAD_QUERY', `field ${collection}.${field} holds a list: ask for a value, not null`);
    parts.push('value = ?');
    params.push(toSql(cond));
  } else {
    for (const [op, value] of Object.entries(cond)) {
      if (op === '$in') {
        const list = value as Scalar[];
        if (!Array.isArray(list)) throw new StoreError('BAD_QUERY', '$in needs a list');
        parts.push(list.length ? `value IN (${list.map(() => '?').join(', ')})` : '0');
        params.push(...list.map(toSql));
      } else if (OPS[op]) {
        parts.push(`value ${OPS[op]} ?`);
        params.push(toSql(value as Scalar));
      } else {
        throw new StoreError('BAD_QUERY', `operator ${op} is not supported on the list field ${collection}.${field}`);
      }
    }
  }
  return { sql: `id IN (SELECT id FROM ${listTable(collection, field)} WHERE ${parts.join(' AND ') || '1'})`, params };
}

function toSql(value: Scalar): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function isRange(value: Scalar | RangeCondition): value is RangeCondition {
  return typeof value === 'object' && value !== null;
}

const OPS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export function whereClause(collection: string, where: Where | undefined): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) {
    const expr = fieldExpr(collection, field);
    if (isListField(collection, field)) {
      const list = listCondition(collection, field, cond);
      parts.push(list.sql);
      params.push(...list.params);
      continue;
    }
    if (!isRange(cond)) {
      if (cond === null) parts.push(`${expr} IS NULL`);
      else {
        parts.push(`${expr} = ?`);
        params.push(toSql(cond));
      }
      continue;
    }
    for (const [op, value] of Object.entries(cond)) {
      if (op === '$in') {
        const list = value as Scalar[];
        if (!Array.isArray(list)) throw new StoreError('BAD_QUERY', '$in needs a list');
        if (list.length === 0) parts.push('0');
        else {
          parts.push(`${expr} IN (${list.map(() => '?').join(', ')})`);
          params.push(...list.map(toSql));
        }
      } else if (op === '$ne') {
        if (value === null) parts.push(`${expr} IS NOT NULL`);
        else {
          parts.push(`(${expr} IS NULL OR ${expr} <> ?)`);
          params.push(toSql(value as Scalar));
        }
      } else if (OPS[op]) {
        parts.push(`${expr} ${OPS[op]} ?`);
        params.push(toSql(value as Scalar));
      } else {
        throw new StoreError('BAD_QUERY', `unsupported operator ${op}`);
      }
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function pageClause(collection: string, options: FindOptions): { sql: string; params: number[] } {
  const limit = options.limit ?? MAX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_PAGE}`);
  }
  const skip = options.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', 'skip must be a non-negative integer');
  const order = (options.orderBy ?? []).map((o) => {
    if (isListField(collection, o.field)) throw new StoreError('BAD_QUERY', `field ${collection}.${o.field} holds a list: it filters, it does not order`);
    return `${fieldExpr(collection, o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`;
  });
  order.push('id ASC');
  return { sql: `ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`, params: [limit, skip] };
}

/** A declared field's value as JSON text, so that booleans stay booleans; missing and null both 'null'. */
function keyExpr(collection: string, field: string): string {
  fieldExpr(collection, field);
  return field === '_id' ? 'json_quote(id)' : `COALESCE(doc -> '$.${field}', 'null')`;
}

/** A field's value only where it holds a number (missing, null, text and booleans are ignored). */
function numberExpr(collection: string, field: string): string {
  const value = fieldExpr(collection, field);
  return `CASE WHEN json_type(doc, '$.${field}') IN ('integer', 'real') THEN ${value} END`;
}

const MEASURE_SQL: Record<Measure['op'], (n: string) => string> = {
  count: () => 'COUNT(*)',
  sum: (n) => `COALESCE(SUM(${n}), 0)`,
  avg: (n) => `AVG(${n})`,
  min: (n) => `MIN(${n})`,
  max: (n) => `MAX(${n})`,
};

/** One GROUP BY statement for a checked plan: key columns k0…, then measure columns m0…. */
export function aggregateSql(collection: string, plan: AggregatePlan, where: Where | undefined): { sql: string; params: SqlValue[] } {
  const w = whereClause(collection, where);
  const keys = plan.groupBy.map((f, i) => `${keyExpr(collection, f)} AS ${keyAlias(i)}`);
  const measures = plan.measures.map(({ measure }, i) => {
    const sql = measure.op === 'count' ? MEASURE_SQL.count('') : MEASURE_SQL[measure.op](numberExpr(collection, measure.field));
    return `${sql} AS m${i}`;
  });
  // Sort on the value itself (numbers as numbers), not its JSON text; every row of a group holds the same one.
  const keySort = (i: number): string => `MIN(${fieldExpr(collection, plan.groupBy[i])})`;
  const order = plan.orderBy.map((o) => {
    const dir = o.direction === 'desc' ? 'DESC' : 'ASC';
    if ('key' in o.ref) return `${keySort(o.ref.key)} ${dir}`;
    const name = o.ref.measure;
    return `m${plan.measures.findIndex((m) => m.name === name)} ${dir}`;
  });
  plan.groupBy.forEach((_f, i) => order.push(`${keySort(i)} ASC`));
  const columns = [...keys, ...measures];
  const sql = [
    `SELECT ${columns.length ? columns.join(', ') : '1'} FROM ${tableName(collection)} ${w.sql}`,
    // No groupBy: one group over the matching rows, and none at all when nothing matches.
    plan.groupBy.length ? `GROUP BY ${plan.groupBy.map((_f, i) => keyAlias(i)).join(', ')}` : 'HAVING COUNT(*) > 0',
    order.length ? `ORDER BY ${order.join(', ')}` : '',
    'LIMIT ? OFFSET ?',
  ].join(' ');
  return { sql, params: [...w.params, plan.limit, plan.skip] };
}
