// The view layer of the runtime double: each page's data drawn through the WXML that WeChat's own
// compiler (wcc, from the miniprogram-compiler package) makes of dist/weapp — `$gwx`, with
// base.wxml's templates, utils.wxs and the custom components a page uses (Taro's `comp`, which
// draws the nodes deeper than its template levels), each component drawn in turn. The result is
// the virtual tree WeChat's view layer would draw, and the warnings its WXML runtime prints
// ("Template `…` not found"). The compiled script is cached by a hash of the build's WXML, WXS
// and JSON (dist/.wcc/<hash>.js), so a test run compiles it once (global-setup.ts).
// NOT reproduced: WXSS (no style is applied, no layout), hidden/wx:if decided by CSS, and the
// components of WeChat's base library (a <picker> or <input> is one node, as in the tree).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** One node of the drawn tree: a WeChat element (`wx-view`, `wx-comp`, …) or a text. */
export interface Element {
  tag: string;
  /** Attributes as the view layer has them (camelCased: `hoverClass`; `class`, `id`, `data-sid` as written). */
  attr: Record<string, unknown>;
  children: Drawn[];
}
export type Drawn = Element | string;

export interface Render {
  tree: Element;
  /** What WeChat's WXML runtime printed while drawing (`WXMLRT_$gwx:…`), and anything it threw. */
  warnings: string[];
}

export interface View {
  /** Draws a page (its route, without .wxml) from its data. */
  render(route: string, data: Record<string, unknown>): Render;
}

type Wcc = (root: string, options: { maxBuffer: number }) => string;
type Gwx = (file: string) => ((data: unknown, dd: unknown, global: unknown) => RawNode) | undefined;
interface RawNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: Array<RawNode | string>;
}

const files = (dir: string, ext: RegExp): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => ext.test(f) && !f.split(path.sep).includes('node_modules')).sort();

/** The hash of what wcc reads: every WXML and WXS, and the JSON that names components. */
export function wxmlHash(dist: string): string {
  const h = createHash('sha256');
  for (const f of files(dist, /\.(wxml|wxs|json)$/)) h.update(`${f}\0`).update(readFileSync(path.join(dist, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** The `$gwx` script of dist (wcc's output), compiled once per build and kept in dist/.wcc/. */
export function compiledWxml(dist: string): { file: string; hash: string; compiled: boolean } {
  const hash = wxmlHash(dist);
  const dir = path.join(dist, '..', '.wcc');
  const file = path.join(dir, `${hash}.js`);
  if (existsSync(file)) return { file, hash, compiled: false };
  const { wxmlToJs } = createRequire(import.meta.url)('miniprogram-compiler') as { wxmlToJs: Wcc };
  // Taro's base.wxml compiles to ~200 KB of script and grows with the app: raise wcc's 1 MB pipe.
  const script = wxmlToJs(dist, { maxBuffer: 256 * 1024 * 1024 });
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, script);
  renameSync(tmp, file);
  return { file, hash, compiled: true };
}

/** The custom components a page or component uses (tag → file, without extension), from its JSON. */
function componentsOf(dist: string, owner: string): Map<string, string> {
  const json = path.join(dist, `${owner}.json`);
  const out = new Map<string, string>();
  if (!existsSync(json)) return out;
  const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
  for (const [tag, ref] of Object.entries(using)) out.set(`wx-${tag}`, path.posix.join(path.posix.dirname(owner), ref).replace(/^\//, ''));
  return out;
}

/** The names wcc's script leaves on the global object (found by running it once in a scratch context). */
function impliedGlobals(script: string): string[] {
  const scratch = vm.createContext({ console: { warn: () => undefined, log: () => undefined, error: () => undefined } });
  vm.runInContext('var window = globalThis;', scratch);
  const before = new Set(Object.getOwnPropertyNames(scratch));
  const gwx = (vm.runInContext(`(function (global) {${script}\n})`, scratch) as (g: unknown) => Gwx)({});
  gwx('base.wxml')?.(vm.runInContext('({ root: { cn: [] } })', scratch), {}, {});
  return Object.getOwnPropertyNames(scratch).filter((k) => !before.has(k) && k !== 'window' && /^[A-Za-z_$][\w$]*$/.test(k));
}

/** WeChat's view layer for dist: `$gwx` evaluated in its own realm, as the webview runs it. */
export function createView(dist: string): View {
  const { file } = compiledWxml(dist);
  const warnings: string[] = [];
  const say = (label: string) => (...args: unknown[]) => void warnings.push(`${label}${args.map(String).join(' ')}`);
  const script = readFileSync(file, 'utf8');
  const context = vm.createContext({ console: { warn: say(''), log: say('log: '), error: say('error: '), info: () => undefined, debug: () => undefined } });
  vm.runInContext('var window = globalThis;', context);
  // wcc's script assigns its helpers ($gwx, wh, gra, grb, __WXML_GLOBAL__, …) without `var`: as
  // globals of a V8 context every read goes through the context's interceptors, several times
  // slower. Declared as locals of the wrapper they behave the same, and a page draws ~3× faster.
  const locals = impliedGlobals(script).join(', ');
  const wrapped = `(function (global) {${locals ? `var ${locals};` : ''}${script}\n})`;
  const gwx = (vm.runInContext(wrapped, context, { filename: file }) as (g: unknown) => Gwx)({});
  // WXML compares constructors (o.constructor === Object): data must be made in the view's realm.
  const viewJSON = vm.runInContext('JSON', context) as JSON;
  const components = new Map<string, Map<string, string>>();
  const usedBy = (owner: string) => {
    let m = components.get(owner);
    if (!m) components.set(owner, (m = componentsOf(dist, owner)));
    return m;
  };

  function draw(owner: string, data: unknown, depth: number): Element {
    const fn = gwx(`${owner}.wxml`);
    if (!fn) {
      warnings.push(`${owner}.wxml is not in the compiled WXML`);
      return { tag: 'wx-page', attr: {}, children: [] };
    }
    let raw: RawNode;
    try {
      raw = fn(viewJSON.parse(JSON.stringify(data)), {}, {});
    } catch (e) {
      warnings.push(`${owner}.wxml threw: ${String((e as Error)?.message ?? e)}`);
      return { tag: 'wx-page', attr: {}, children: [] };
    }
    return lean(raw, usedBy(owner), depth);
  }

  /** The drawn node as plain data, each custom component drawn from its own WXML with its attributes. */
  function lean(node: RawNode, using: Map<string, string>, depth: number): Element {
    const attr = { ...(node.attr ?? {}) };
    const component = using.get(node.tag);
    if (component) {
      if (depth > 64) {
        warnings.push(`${component} is nested more than 64 times`);
        return { tag: node.tag, attr, children: [] };
      }
      return { tag: node.tag, attr, children: draw(component, attr, depth + 1).children };
    }
    return { tag: node.tag, attr, children: (node.children ?? []).map((c) => (typeof c === 'string' ? c : lean(c, using, depth))) };
  }

  return {
    render(route, data) {
      warnings.length = 0;
      const tree = draw(route, data, 0);
      return { tree, warnings: [...warnings] };
    },
  };
}
