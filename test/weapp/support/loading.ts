// How the runtime double loads and addresses the compiled files: WeChat's module `require`
// (relative to the requiring file, `.js` optional, one instance per file) inside the app's own V8
// context, setData's `a.b[0].c` paths, and page addresses with their query.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Applies one setData key (`root.cn[0].v`, `root.cn.[2]`) to the page's data. */
export function setPath(target: Record<string, unknown>, p: string, value: unknown): void {
  const keys = [...p.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
  let o = target as Record<string | number, unknown>;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      o[k] = value;
      return;
    }
    if (o[k] === null || typeof o[k] !== 'object') o[k] = typeof keys[i + 1] === 'number' ? [] : {};
    o = o[k] as Record<string | number, unknown>;
  });
}

/** A page address (absolute, or relative to the current page) as a route and its raw query. */
export const parseUrl = (url: string, from: string | null) => {
  const [p, q = ''] = url.split('?');
  let route = p.startsWith('/') ? p.slice(1) : path.posix.join(from ? path.posix.dirname(from) : '', p);
  route = route.replace(/\.html$/, '');
  // WeChat passes query values as they are in the address (a page decodes them itself).
  const query = Object.fromEntries(q.split('&').filter(Boolean).map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
  return { route, query };
};

/** WeChat's `require` over the files of one directory tree, evaluated in `context`. */
export function createLoader(context: vm.Context): (file: string) => unknown {
  const cache = new Map<string, { exports: unknown }>();
  const requireFile = (file: string): unknown => {
    const abs = file.endsWith('.js') ? file : `${file}.js`;
    const hit = cache.get(abs);
    if (hit) return hit.exports;
    if (!existsSync(abs)) throw new Error(`module "${abs}" is not defined`);
    const mod = { exports: {} as unknown };
    cache.set(abs, mod);
    const fn = vm.runInContext(`(function (require, module, exports) {${readFileSync(abs, 'utf8')}\n})`, context, { filename: abs }) as (r: unknown, m: unknown, e: unknown) => void;
    fn((p: string) => requireFile(path.resolve(path.dirname(abs), p)), mod, mod.exports);
    return mod.exports;
  };
  return requireFile;
}
