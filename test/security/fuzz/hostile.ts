import fc from 'fast-check';

/**
 * Hostile values for the fuzz: wrong types, edge numbers, huge and malformed strings,
 * NoSQL-operator objects, prototype-pollution keys as own keys (made with JSON.parse, as a
 * request body would make them), deep nesting. Some are acceptable for some fields (a '$gt'
 * string is fine free text): the generators filter by the schema, they never assume.
 */

/** One megabyte of text, made once. */
export const HUGE = '党'.repeat(256 * 1024) + 'x'.repeat(256 * 1024);

/** An array nested `depth` times: [[[…]]]. */
export function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** An object nested `depth` times: { a: { a: … } }. */
export function deepObject(depth: number, key = 'a'): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}

/** Own keys that pollute a prototype when copied carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Objects whose own keys try to pollute a prototype, built the way a JSON body builds them. */
export function pollutingObjects(): unknown[] {
  return [
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    JSON.parse('{"prototype":{"polluted":"yes"}}'),
    JSON.parse('{"__proto__":null}'),
    JSON.parse('{"__proto__":[]}'),
    JSON.parse('{"toString":"x","valueOf":1,"hasOwnProperty":null}'),
  ];
}

export const NOSQL_OBJECTS: unknown[] = [
  { $gt: '' },
  { $where: '1' },
  { $where: 'function(){return true}' },
  { $ne: null },
  { $regex: '.*' },
  { $in: [] },
  { $exists: true },
  { $nin: [''] },
  { $or: [{}] },
  { $expr: { $eq: [1, 1] } },
];

export const NOSQL_STRINGS = ['$gt', '$where', '$regex', '$ne', '{"$gt":""}', '$', '$$ROOT', 'db.dropDatabase()'];

/** Dates people or scripts get wrong. */
export const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-12-32',
  '2026/12/01',
  '20261201',
  '2026-1-1',
  '26-12-01',
  ' 2026-12-01',
  '2026-12-01 ',
  '2026-12-01T00:00:00Z',
  '2026-12-01T00:00:00+08:00',
  '２０２６-１２-０１',
  'Tue Dec 01 2026',
  '12/01/2026',
  '+002026-12-01',
  '-2026-12-01',
  '2026-12-1',
  '2026年12月1日',
  'NaN-NaN-NaN',
  '9999999-12-01',
  '1765497600000',
];

export const CONTROL_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\u007f',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDBFF\uDBFF',
  '\u202Eevil',
  '\uFEFF',
  '\r\n\r\n',
];

export const INJECTION_STRINGS = [
  "'; DROP TABLE c_projects; --",
  "' OR '1'='1",
  '") OR 1=1 --',
  "json_extract(doc, '$.state')",
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '%00',
  'null',
  'undefined',
  'NaN',
  'true',
  '[object Object]',
];

export const EDGE_NUMBERS: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  0.5,
  1e-300,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 53,
  1_000_000_000_000,
];

const constants: unknown[] = [
  null,
  undefined,
  true,
  false,
  '',
  ' ',
  '　',
  ...EDGE_NUMBERS,
  ...NOSQL_OBJECTS,
  ...NOSQL_STRINGS,
  ...BAD_DATES,
  ...CONTROL_STRINGS,
  ...INJECTION_STRINGS,
  ...PROTO_KEYS,
  'x'.repeat(65),
  '字'.repeat(5001),
  [],
  [null],
  [[]],
  [{}],
  {},
  new Date('2026-12-01T00:00:00Z'),
  Object.create(null),
];

/** Any hostile value. Huge and deep ones are rarer so the run stays quick. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...constants), weight: 30 },
    { arbitrary: fc.constantFrom(...pollutingObjects()), weight: 4 },
    { arbitrary: fc.constantFrom(HUGE, [HUGE], { $gt: HUGE }), weight: 1 },
    { arbitrary: fc.constantFrom(deepArray(3000), deepObject(3000), deepObject(500, '__proto__')), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 3 },
    { arbitrary: fc.double(), weight: 4 },
    { arbitrary: fc.integer(), weight: 3 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
    { arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withDate: true }), weight: 3 },
  );
}
