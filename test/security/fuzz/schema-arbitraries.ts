import fc from 'fast-check';
import type { z } from 'zod';
import { HUGE, hostileValue, PROTO_KEYS } from './hostile';

/**
 * Inputs derived from a contract's zod schema (zod 4 exposes its structure on `_zod.def`):
 * `plausible` makes values shaped like the schema (often valid, never relied on), `invalid`
 * makes values the schema refuses — a dropped required key, one field replaced by a hostile
 * value, unknown keys on a strict object, an element or record entry gone bad, a too-long
 * list. Every candidate is checked against the schema itself, so an input that happens to be
 * acceptable (a '$gt' string is fine free text) is never sent as "invalid".
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp; maximum?: number; minimum?: number; value?: number } } }>;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * Whether the schema accepts the value. A schema that throws while checking (rather than
 * answering) counts as refusing here, so that the input is sent and the router's answer to
 * the throw (INTERNAL, logged) is what the fuzz reports.
 */
export function accepts(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

function check(def: Def, name: string) {
  return def.checks?.find((c) => c._zod.def.check === name)?._zod.def;
}

const PLAUSIBLE_STRINGS = ['2026-12-01', '2027-03-01', 'id1', 'c-cs', 'batch-2026-open', 'u_dev-member-1', 'local:abc.png', '党建', '测试内容', 'x', 'accept', 'https://example.com'];

/** A value shaped like the schema: objects with their keys, enums from their options, small numbers. */
export function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      if (keys.length === 0) return fc.constant({});
      return fc.record(
        Object.fromEntries(keys.map((k) => [k, plausible(shape[k], depth + 1)])),
        { requiredKeys: keys.filter((k) => !accepts(shape[k], undefined)) },
      ) as fc.Arbitrary<unknown>;
    }
    case 'string': {
      const regex = def.checks?.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
      if (regex) return fc.stringMatching(regex, { size: 'xsmall' });
      return fc.oneof(fc.constantFrom(...PLAUSIBLE_STRINGS), fc.string({ maxLength: 8 }));
    }
    case 'number':
      return fc.integer({ min: 1, max: 5 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { a: 'a' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => plausible(o, depth + 1)));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(plausible(def.innerType as z.ZodType, depth + 1), { nil: undefined });
    case 'nullable':
      return fc.option(plausible(def.innerType as z.ZodType, depth + 1), { nil: null });
    case 'readonly':
    case 'catch':
      return plausible(def.innerType as z.ZodType, depth + 1);
    case 'pipe':
      return plausible(def.in as z.ZodType, depth + 1);
    case 'array':
      return fc.array(plausible(def.element as z.ZodType, depth + 1), { maxLength: 2 });
    case 'record':
      return fc
        .array(fc.tuple(plausible(def.keyType as z.ZodType, depth + 1), plausible(def.valueType as z.ZodType, depth + 1)), { minLength: 1, maxLength: 2 })
        .map((entries) => ownKeys(entries.map(([k, v]) => [String(k), v])));
    case 'never':
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** An object with exactly these own keys, `__proto__` included (as JSON.parse would make it). */
export function ownKeys(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const EXTRA_KEYS = [...PROTO_KEYS, '$where', '$gt', 'polluted', '_id', 'version', 'hostId', 'role', 'state', 'userId', 'toString', 'k\u0000\u001b\uD800', '键'.repeat(5000)];

/** Values the schema refuses. Shallow mutations of a plausible value, recursing into objects, lists and records. */
export function invalid(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wrong = hostileValue();
  const alternatives: Array<fc.Arbitrary<unknown>> = [wrong];
  if (depth <= 5) alternatives.push(...structural(schema, def, depth));
  return fc.oneof(...alternatives).filter((v) => !accepts(schema, v));
}

function structural(schema: z.ZodType, def: Def, depth: number): Array<fc.Arbitrary<unknown>> {
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const base = plausible(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
      const out: Array<fc.Arbitrary<unknown>> = [];
      const required = keys.filter((k) => !accepts(shape[k], undefined));
      if (required.length) {
        out.push(fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => ownKeys(Object.entries(o).filter(([key]) => key !== k))));
      }
      for (const k of keys) {
        // One field gone bad, the others plausible; a field holding a list or an object hides
        // more places to go wrong, so it gets a larger share.
        const bad = fc.tuple(base, invalid(shape[k], depth + 1)).map(([o, v]) => ownKeys([...Object.entries(o).filter(([key]) => key !== k), [k, v]]));
        const container = ['object', 'array', 'record'].includes(defOf(unwrap(shape[k])).type);
        out.push(...Array.from({ length: container ? 6 : 2 }, () => bad));
      }
      const strict = def.catchall && defOf(def.catchall).type === 'never';
      if (strict) {
        const extra = fc.tuple(base, fc.uniqueArray(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 }), hostileValue());
        out.push(extra.map(([o, ks, v]) => ownKeys([...Object.entries(o), ...ks.filter((k) => !(k in shape)).map((k): [string, unknown] => [k, v])])));
      }
      // A list, or a string, where an object is expected.
      out.push(base.map((o) => [o]), base.map((o) => JSON.stringify(o)));
      return out;
    }
    case 'array': {
      const element = def.element as z.ZodType;
      const max = check(def, 'max_length')?.maximum;
      const badElement = fc.tuple(fc.array(plausible(element, depth + 1), { maxLength: 2 }), invalid(element, depth + 1), fc.nat(2)).map(([xs, bad, at]) => {
        const copy = [...xs];
        copy.splice(Math.min(at, copy.length), 0, bad);
        return copy;
      });
      const out: Array<fc.Arbitrary<unknown>> = [
        badElement,
        badElement,
        badElement,
        // An object with index keys where a list is expected.
        fc.array(plausible(element, depth + 1), { maxLength: 2 }).map((xs) => ({ ...xs })),
      ];
      if (max !== undefined && max < 1000) {
        out.push(plausible(element, depth + 1).map((x) => Array.from({ length: max + 1 }, () => x)));
      }
      return out;
    }
    case 'record': {
      const keyType = def.keyType as z.ZodType;
      const valueType = def.valueType as z.ZodType;
      return [
        fc.tuple(plausible(keyType, depth + 1), invalid(valueType, depth + 1)).map(([k, v]) => ownKeys([[String(k), v]])),
        fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, '', '$where', 'x'.repeat(400), HUGE.slice(0, 2000)), fc.string()), plausible(valueType, depth + 1)).map(([k, v]) => ownKeys([[k, v]])),
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), plausible(valueType, depth + 1)), { minLength: 13, maxLength: 40 }).map((es) => ownKeys(es)),
      ];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return structural(def.innerType as z.ZodType, defOf(def.innerType as z.ZodType), depth);
    case 'pipe':
      return [invalid(def.in as z.ZodType, depth + 1), ...stringAttacks(def.in as z.ZodType)];
    case 'string':
      return stringAttacks(schema);
    case 'number': {
      const out: unknown[] = [];
      const lo = check(def, 'greater_than')?.value;
      const hi = check(def, 'less_than')?.value;
      if (typeof lo === 'number') out.push(lo - 1, lo - 0.5, -lo - 1);
      if (typeof hi === 'number') out.push(hi + 1, hi + 0.5, hi * 10);
      out.push(1.5, String(1), '1', [1], { valueOf: 1 });
      return [fc.constantFrom(...out)];
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {}).map(String);
      return [fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v} `, `${v}\u0000`, v.slice(1), [v], { $eq: v }))];
    }
    default:
      return [];
  }
}

/** Strings that break a string schema: too long, one char over its maximum, empty, malformed. */
function stringAttacks(schema: z.ZodType): Array<fc.Arbitrary<unknown>> {
  const def = defOf(schema);
  const max = check(def, 'max_length')?.maximum;
  const values: unknown[] = [HUGE.slice(0, 70_000), '', '   '];
  if (max !== undefined) values.push('字'.repeat(max + 1), 'a'.repeat(max + 1), '😀'.repeat(max + 1));
  const regex = def.checks?.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
  const out: Array<fc.Arbitrary<unknown>> = [fc.constantFrom(...values)];
  if (regex) {
    out.push(fc.stringMatching(regex, { size: 'xsmall' }).chain((s) => fc.constantFrom(`${s}\n`, `\n${s}`, `${s} `, `${s}\u0000`, `${s}/../x`, `${s}$`, s.toUpperCase() + '\uD800')));
  }
  return out;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) s = def.innerType as z.ZodType;
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else return s;
  }
}

/** Every place in the schema a refusal can point at: '' (the whole input), object keys, '*' for list items and record entries. */
export function schemaPaths(schema: z.ZodType, prefix = '', out: string[] = []): string[] {
  out.push(prefix);
  const def = defOf(unwrap(schema));
  const join = (k: string) => (prefix === '' ? k : `${prefix}.${k}`);
  if (def.type === 'object') for (const [k, v] of Object.entries(def.shape ?? {})) schemaPaths(v, join(k), out);
  if (def.type === 'array') schemaPaths(def.element as z.ZodType, join('*'), out);
  if (def.type === 'record') schemaPaths(def.valueType as z.ZodType, join('*'), out);
  return out;
}

/** A refusal's path (`budget.3.amountFen`) in the terms of schemaPaths (`budget.*.amountFen`). */
export function normalizePath(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    const def: Def | undefined = s ? defOf(unwrap(s)) : undefined;
    if (def?.type === 'object' && typeof key === 'string' && def.shape && key in def.shape) {
      parts.push(key);
      s = def.shape[key];
    } else if (def?.type === 'array') {
      parts.push('*');
      s = def.element;
    } else if (def?.type === 'record') {
      parts.push('*');
      s = def.valueType;
    } else {
      // An unknown key on a strict object, or past the schema's end: the refusal is about the parent.
      break;
    }
  }
  return parts.join('.');
}

/** Strings many fields accept that are still hostile: operator and prototype names, controls, lone surrogates, paths. */
const HOSTILE_TEXT = ['', ' ', '__proto__', 'constructor', 'prototype', 'toString', '$where', '$gt', '{"$gt":""}', 'a.b', '../x', '%', '.*', '\u0000x\u0007', '\uD800', 'x\uDFFFy', '\u202E', "' OR '1'='1", 'c-cs', 'batch-2026-open', 'batch-2022-2', 'u_dev-member-1', 'u_dev-admin', 'u_dev-reviewer', 'id1', 'id2', 'id3', 'id4', 'id6', 'id9', 'b-cs-t1', '2026-12-01', '1970-01-01', '9999-12-31', '2000-02-29', 'local:x', 'cloud://env/a.png', 'https://e.com/a', 'https://e.com/a b'];

/**
 * Values shaped like the schema from hostile-but-acceptable material (see HOSTILE_TEXT, edge
 * numbers within the bounds); callers keep the ones the schema accepts.
 */
export function hostileValid(schema: z.ZodType, depth = 0, ids: readonly string[] = []): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(undefined);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      if (keys.length === 0) return fc.constant({});
      return fc.record(Object.fromEntries(keys.map((k) => [k, hostileValid(shape[k], depth + 1, ids)])), {
        requiredKeys: keys.filter((k) => !accepts(shape[k], undefined)),
        noNullPrototype: true,
      }) as fc.Arbitrary<unknown>;
    }
    case 'string': {
      const regex = def.checks?.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
      const max = check(def, 'max_length')?.maximum;
      const options: Array<fc.Arbitrary<unknown>> = [fc.constantFrom(...HOSTILE_TEXT)];
      // Ids of documents that exist, so that calls get past "not found" into the handlers.
      if (ids.length) options.push(fc.constantFrom(...ids), fc.constantFrom(...ids));
      if (regex) options.push(fc.stringMatching(regex, { size: 'small' }));
      // A refined string is most often a calendar date: offer dates in order, edges included.
      if (check(def, 'custom')) {
        const dates = fc.constantFrom('2026-11-20', '2026-12-01', '2026-12-31', '2027-01-06', '2027-03-01', '2027-06-30', '2027-12-31', '2099-12-31');
        options.push(dates, dates, dates, dates);
      }
      if (max !== undefined && max < 100_000) options.push(fc.constantFrom('字'.repeat(max), '😀'.repeat(max)));
      // The same strings with a control character or a lone surrogate slipped in: a pattern
      // that lets one through is what the store scan afterwards looks for.
      const base = fc.oneof(...options) as fc.Arbitrary<string>;
      const slipped = fc.tuple(base, fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\uD800'), fc.nat()).map(([t, c, at]) => {
        const k = t.length ? at % (t.length + 1) : 0;
        return `${t.slice(0, k)}${c}${t.slice(k)}`;
      });
      return fc.oneof({ arbitrary: base, weight: 3 }, { arbitrary: slipped, weight: 1 });
    }
    case 'number': {
      const lo = check(def, 'greater_than')?.value;
      const hi = check(def, 'less_than')?.value;
      const edges = [lo, hi, 0, 1, 2, 100, 2000, 2026, 999, 1000].filter((n): n is number => typeof n === 'number');
      return fc.oneof(fc.constantFrom(...edges), fc.integer({ min: typeof lo === 'number' ? Math.ceil(lo) : 0, max: typeof hi === 'number' ? Math.floor(hi) : 3000 }));
    }
    case 'pipe':
      return hostileValid(def.in as z.ZodType, depth + 1, ids);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(hostileValid(def.innerType as z.ZodType, depth + 1, ids), { nil: undefined });
    case 'nullable':
      return fc.option(hostileValid(def.innerType as z.ZodType, depth + 1, ids), { nil: null });
    case 'array':
      return fc.array(hostileValid(def.element as z.ZodType, depth + 1, ids), { maxLength: 3 });
    case 'record':
      return fc
        .array(fc.tuple(hostileValid(def.keyType as z.ZodType, depth + 1, ids), hostileValid(def.valueType as z.ZodType, depth + 1, ids)), { minLength: 1, maxLength: 3 })
        .map((entries) => ownKeys(entries.map(([k, v]) => [String(k), v])));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => hostileValid(o, depth + 1, ids)));
    default:
      return plausible(schema, depth);
  }
}
