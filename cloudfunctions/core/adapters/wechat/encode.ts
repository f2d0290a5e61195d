import { indexedFields, isListField } from '../../ports/collections';
import { MAX_PAGE, StoreError, type FindOptions, type RangeCondition, type Scalar, type Where } from '../../ports/store';
import { plain, type Json, type WechatCommand } from './sdk';

/** Translation of the port's queries and patches into wx-server-sdk conditions and update data. */

export function checkCollection(collection: string): string {
  if (!indexedFields(collection)) throw new StoreError('BAD_QUERY', `unknown collection: ${collection}`);
  return collection;
}

export function checkField(collection: string, field: string): void {
  const declared = indexedFields(collection) ?? [];
  if (field !== '_id' && !declared.includes(field)) {
    throw new StoreError('BAD_QUERY', `field ${collection}.${field} is not declared as queryable`);
  }
}

export function checkPage(collection: string, options: FindOptions) {
  checkCollection(collection);
  const limit = options.limit ?? MAX_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new StoreError('BAD_QUERY', `limit must be 1..${MAX_PAGE}`);
  }
  const skip = options.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('BAD_QUERY', 'skip must be a non-negative integer');
  const orderBy = [...(options.orderBy ?? [])];
  for (const o of orderBy) {
    checkField(collection, o.field);
    if (isListField(collection, o.field)) throw new StoreError('BAD_QUERY', `field ${collection}.${o.field} holds a list: it filters, it does not order`);
  }
  // A total order, so that pages do not overlap or skip documents (same as the SQLite adapter).
  if (!orderBy.some((o) => o.field === '_id')) orderBy.push({ field: '_id', direction: 'asc' });
  return { limit, skip, orderBy };
}

export function isRange(value: Scalar | RangeCondition): value is RangeCondition {
  return typeof value === 'object' && value !== null;
}

/** The port's Where as SDK conditions; several operators on one field are and-ed. */
export function encodeWhere(_: WechatCommand, collection: string, where: Where | undefined): object | undefined {
  const conditions: Json[] = [];
  for (const [field, cond] of Object.entries(where ?? {})) {
    checkField(collection, field);
    if (isListField(collection, field)) {
      conditions.push({ [field]: listCommand(_, collection, field, cond) });
      continue;
    }
    if (!isRange(cond)) {
      conditions.push({ [field]: cond });
      continue;
    }
    for (const [op, value] of Object.entries(cond)) {
      conditions.push({ [field]: rangeCommand(_, op, value) });
    }
  }
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : (_.and(...conditions) as object);
}

/**
 * A condition on a list field: a value matches an array holding it (MongoDB's own array equality);
 * a range goes inside one $elemMatch, so that ONE element meets all of it (separate operators on an
 * array may each be met by a different element).
 */
function listCommand(_: WechatCommand, collection: string, field: string, cond: Scalar | RangeCondition): unknown {
  if (!isRange(cond)) {
    if (cond === null) throw new StoreError('BAD_QUERY', `field ${collection}.${field} holds a list: ask for a value, not null`);
    return cond;
  }
  const ops: Json = {};
  for (const [op, value] of Object.entries(cond)) {
    if (op === '$in') {
      if (!Array.isArray(value) || !value.every(isScalar)) throw new StoreError('BAD_QUERY', '$in needs a list of scalars');
    } else if (!['$gt', '$gte', '$lt', '$lte'].includes(op)) {
      throw new StoreError('BAD_QUERY', `operator ${op} is not supported on the list field ${collection}.${field}`);
    } else if (!isScalar(value)) throw new StoreError('BAD_QUERY', `${op} needs a scalar`);
    ops[op] = value;
  }
  return _.elemMatch(ops);
}

export function rangeCommand(_: WechatCommand, op: string, value: unknown): unknown {
  if (op === '$in') {
    if (!Array.isArray(value) || !value.every(isScalar)) throw new StoreError('BAD_QUERY', '$in needs a list of scalars');
    return _.in(value);
  }
  if (!isScalar(value)) throw new StoreError('BAD_QUERY', `${op} needs a scalar`);
  switch (op) {
    case '$gt':
      return _.gt(value);
    case '$gte':
      return _.gte(value);
    case '$lt':
      return _.lt(value);
    case '$lte':
      return _.lte(value);
    case '$ne':
      return _.neq(value);
    default:
      throw new StoreError('BAD_QUERY', `unsupported operator ${op}`);
  }
}

export function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A patch without the store-managed fields, as plain JSON values. */
export function dropManaged(patch: object): Json {
  const { _id: _ignoredId, version: _ignoredVersion, ...rest } = plain<Json>(patch);
  void _ignoredId;
  void _ignoredVersion;
  return rest;
}

/**
 * Patch → SDK update data. The SDK flattens nested objects into dotted `$set` paths (a merge,
 * and an empty object would vanish), so objects and arrays go through `_.set`, which replaces
 * the stored value wholesale as the port requires.
 */
export function encodePatch(_: WechatCommand, patch: object): Json {
  const data: Json = {};
  for (const [key, value] of Object.entries(dropManaged(patch))) {
    data[key] = typeof value === 'object' && value !== null ? _.set(value) : value;
  }
  return data;
}
