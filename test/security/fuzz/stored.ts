/** C0 control characters other than tab, newline and carriage return: what stripControlChars removes. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Every string (values and keys) in a stored value with a control character, by path. */
export function controlCharsIn(value: unknown, path = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(`${path}: ${JSON.stringify(value.slice(0, 60))}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => controlCharsIn(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL.test(k)) out.push(`${path} key ${JSON.stringify(k)}`);
      controlCharsIn(v, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

/** Own keys anywhere in a stored value that would pollute a prototype if copied carelessly. */
export function pollutingKeysIn(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => pollutingKeysIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) out.push(`${path}: prototype is not Object.prototype`);
    for (const k of Object.getOwnPropertyNames(value)) {
      if (k === '__proto__' || k === 'prototype' || k === 'polluted') out.push(`${path}.${k}`);
      pollutingKeysIn((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

/** Object.prototype and Array.prototype as they came: no property added by a request. */
export function prototypesClean(): string[] {
  const problems: string[] = [];
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('({}).polluted is set');
  if (Object.keys(Object.prototype).length) problems.push(`Object.prototype has ${Object.keys(Object.prototype).join(', ')}`);
  if (Object.keys(Array.prototype).length) problems.push(`Array.prototype has ${Object.keys(Array.prototype).join(', ')}`);
  return problems;
}
