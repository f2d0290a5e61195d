// The builds against WeChat's own compilers and the JS engines they must run on (issue 26):
// - every WXML of dist/weapp through wcc and every WXSS through wcsc (miniprogram-compiler: the Linux
//   binaries DevTools uses), all files in one run, components first;
// - every JS file of dist/weapp against the targets WeChat's compat data gives for project.config.json's
//   libVersion, and of dist/h5 (with index.html's inline scripts) against the H5 targets, with
//   es-check checkBrowser --checkFeatures; built-ins the base library polyfills pass in dist/weapp,
//   and those miniprogram/polyfills.h5.ts loads pass in dist/h5;
// - what es-check does not see: regex lookbehind (in a literal, or in a string for new RegExp) and the
//   regex `d` flag.
// Each error names the file and the feature. Run: node --import tsx scripts/wechat-compile-check.mjs
// [--weapp dir] [--h5 dir]; it prints one line and exits 1 on any error. test/build/ tests each check.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import { baseLibrary, jsTargets } from '../config/index.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files under dir whose names end with ext, as paths relative to dir with '/' separators. */
function filesUnder(dir, ext, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(dir, ext, p);
    return e.name.endsWith(ext) ? [p] : [];
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The selector around line:column of a WXSS file, for an error message. */
function cssAt(file, line, column) {
  const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
  const start = Math.max(text.lastIndexOf('}', column - 1), text.lastIndexOf(';', column - 1)) + 1;
  const end = text.indexOf('{', column - 1);
  return text.slice(start, end === -1 ? column + 40 : end).trim();
}

/** wcsc over every WXSS of a weapp build; the files with a .json (pages and components) first, as DevTools does. */
export function compileWxss(dir) {
  const files = filesUnder(dir, '.wxss');
  const wcsc = require('miniprogram-compiler/src/wcsc');
  const out = wcsc(dir, files.map((f) => f.slice(0, -5)), { maxBuffer: 256 * 1024 * 1024 });
  if (!(out instanceof Error)) return { count: files.length, errors: [] };
  // "ERR: packages/brand/sub-vendors.wxss(1:824): error at token `:`"
  const m = /([\w./-]+\.wxss)\((\d+):(\d+)\):\s*(.+)/.exec(out.message);
  if (!m) return { count: files.length, errors: [{ file: '(wcsc)', feature: out.message.trim() }] };
  const [, file, line, col, what] = m;
  const selector = existsSync(path.join(dir, file)) ? cssAt(path.join(dir, file), Number(line), Number(col)) : '';
  return { count: files.length, errors: [{ file: `${file}:${line}:${col}`, feature: `wcsc: ${what.trim()}${selector ? ` in \`${selector}\`` : ''}` }] };
}

/** wcc over every WXML (and WXS) of a weapp build in one run, components first. */
export function compileWxml(dir) {
  const files = filesUnder(dir, '.wxml').map((f) => f.slice(0, -5));
  const isComponent = (f) => readJson(path.join(dir, `${f}.json`))?.component === true;
  const ordered = [...files.filter(isComponent), ...files.filter((f) => !isComponent(f))];
  const wxs = filesUnder(dir, '.wxs');
  const wcc = require('miniprogram-compiler/src/wcc');
  try {
    wcc(dir, ordered, wxs, { maxBuffer: 256 * 1024 * 1024 });
    return { count: files.length, errors: [] };
  } catch (e) {
    const message = String(e instanceof Error ? e.message : e);
    const m = /([\w./-]+\.wxml)(?::(\d+):(\d+))?/.exec(message);
    return { count: files.length, errors: [{ file: m ? m[1] + (m[2] ? `:${m[2]}:${m[3]}` : '') : '(wcc)', feature: `wcc: ${message.replace(/\s+/g, ' ').trim().slice(0, 300)}` }] };
  }
}

/** Where a regex source has a lookbehind `(?<=` / `(?<!` (escapes and character classes skipped); -1 if none. */
export function lookbehindAt(source) {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && (source[i + 3] === '=' || source[i + 3] === '!')) return i;
  }
  return -1;
}

/** The lookbehind group starting at `at`, e.g. `(?<![\uD800-\uDBFF])`, cut at 60 characters. */
function lookbehindGroup(source, at) {
  const close = source.indexOf(')', at + 4);
  const group = close === -1 ? source.slice(at) : source.slice(at, close + 1);
  return `\`${group.length > 60 ? `${group.slice(0, 60)}…` : group}\``;
}

/** What es-check does not see, in one JS source: regex lookbehind (in a literal, or in a string for new RegExp) and the regex `d` flag. */
export function scanSource(code) {
  let ast;
  for (const sourceType of ['script', 'module']) {
    try {
      ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType, allowHashBang: true, allowReturnOutsideFunction: sourceType === 'script' });
      break;
    } catch {
      // es-check reports what does not parse
    }
  }
  if (!ast) return [];
  const found = new Set();
  walk.full(ast, (node) => {
    if (node.type !== 'Literal') return;
    if (node.regex) {
      const at = lookbehindAt(node.regex.pattern);
      if (at !== -1) found.add(`regex lookbehind ${lookbehindGroup(node.regex.pattern, at)} (JavaScriptCore before iOS 16.4 cannot parse it)`);
      if (node.regex.flags.includes('d')) found.add('regex d flag (iOS 15, Chrome 90)');
    } else if (typeof node.value === 'string' && lookbehindAt(node.value) !== -1) {
      found.add(`regex lookbehind ${lookbehindGroup(node.value, lookbehindAt(node.value))} in a string (for new RegExp)`);
    }
  });
  return [...found];
}

/** es-check's feature names for a set of core-js modules. */
function featuresOf(modules) {
  // es-check's own map of its feature names to core-js modules (not in its exports: loaded by path).
  const { FEATURE_CORE_JS_MODULES } = require(path.join(path.dirname(require.resolve('es-check')), 'constants', 'polyfills'));
  return Object.entries(FEATURE_CORE_JS_MODULES)
    .filter(([, m]) => modules.has(m))
    .map(([feature]) => feature);
}

/** The core-js modules WeChat's base library brings, as es-check feature names (they pass in dist/weapp). */
export function polyfilledByBaseLibrary(lib) {
  const { getPolyfillInfo } = require('miniprogram-compat');
  return featuresOf(new Set(getPolyfillInfo(lib)?.coreJsModules ?? []));
}

/** The core-js modules miniprogram/polyfills.h5.ts imports, as es-check feature names (they pass in dist/h5). */
export function polyfilledInH5(file = path.join(root, 'miniprogram', 'polyfills.h5.ts')) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return featuresOf(new Set([...text.matchAll(/^import ['"]core-js\/modules\/([\w.-]+?)(?:\.js)?['"]/gm)].map((m) => m[1])));
}

/**
 * es-check checkBrowser --checkFeatures over files, plus scanSource. `labels` maps a checked path to
 * the name an error shows. es-check lets a global pass behind a `typeof` guard (`typeof BigInt == "function" ? BigInt(x) : …`).
 */
export async function checkJs(files, targets, { polyfilled = [], labels = new Map() } = {}) {
  const { runChecks } = require('es-check');
  const errors = [];
  const name = (f) => labels.get(f) ?? f;
  if (files.length > 0) {
    const result = await runChecks([{ ecmaVersion: 'checkBrowser', checkBrowser: true, checkFeatures: true, browserslistQuery: targets.join(', '), ignore: polyfilled.join(','), files }], {});
    for (const e of result.errors) {
      const message = String(e.err?.message ?? e.err ?? '');
      const features = /Unsupported features detected: (.*?)\. These require/.exec(message)?.[1] ?? message.replace(/\s+/g, ' ').slice(0, 300);
      errors.push({ file: name(e.file), feature: features });
    }
  }
  for (const f of files) for (const feature of scanSource(readFileSync(f, 'utf8'))) errors.push({ file: name(f), feature });
  return errors;
}

/** index.html's inline scripts as files in a temp dir, with the names errors give them. */
function inlineScripts(html, htmlName, tmp) {
  const labels = new Map();
  let n = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (!m[1].trim()) continue;
    n++;
    const file = path.join(tmp, `inline-${n}.js`);
    writeFileSync(file, m[1]);
    labels.set(file, `${htmlName} (inline script ${n})`);
  }
  return labels;
}

/** Every check over a weapp and an H5 build; either may be null to skip it. */
export async function wechatCompileCheck({ weapp = path.join(root, 'dist', 'weapp'), h5 = path.join(root, 'dist', 'h5'), lib = baseLibrary(), weappTargets = jsTargets('weapp'), h5Targets = jsTargets('h5') } = {}) {
  const report = { lib, weappTargets, h5Targets, wxml: 0, wxss: 0, weappJs: 0, h5Js: 0, errors: [] };
  const rel = (base) => (f) => path.relative(base, f).split(path.sep).join('/');
  if (weapp) {
    if (!existsSync(path.join(weapp, 'app.json'))) throw new Error(`${weapp}: no app.json (build the weapp first)`);
    const wxss = compileWxss(weapp);
    const wxml = compileWxml(weapp);
    const js = filesUnder(weapp, '.js').map((f) => path.join(weapp, f));
    const labels = new Map(js.map((f) => [f, `${path.basename(weapp)}/${rel(weapp)(f)}`]));
    report.wxss = wxss.count;
    report.wxml = wxml.count;
    report.weappJs = js.length;
    const jsErrors = await checkJs(js, weappTargets, { polyfilled: polyfilledByBaseLibrary(lib), labels });
    report.errors.push(...wxss.errors.map((e) => ({ ...e, file: `${path.basename(weapp)}/${e.file}` })), ...wxml.errors.map((e) => ({ ...e, file: `${path.basename(weapp)}/${e.file}` })), ...jsErrors);
  }
  if (h5) {
    if (!existsSync(h5)) throw new Error(`${h5}: missing (build h5 first)`);
    const js = filesUnder(h5, '.js').map((f) => path.join(h5, f));
    const labels = new Map(js.map((f) => [f, `${path.basename(h5)}/${rel(h5)(f)}`]));
    const tmp = mkdtempSync(path.join(tmpdir(), 'wechat-check-inline-'));
    try {
      const html = path.join(h5, 'index.html');
      const inline = existsSync(html) ? inlineScripts(readFileSync(html, 'utf8'), `${path.basename(h5)}/index.html`, tmp) : new Map();
      for (const [f, l] of inline) labels.set(f, l);
      report.h5Js = js.length + inline.size;
      report.errors.push(...(await checkJs([...js, ...inline.keys()], h5Targets, { polyfilled: polyfilledInH5(), labels })));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return report;
}

/** The one line npm test prints. */
export function summary(r) {
  const parts = [];
  if (r.wxml || r.wxss) parts.push(`${r.wxml} WXML (wcc) and ${r.wxss} WXSS (wcsc) compiled`);
  const js = [];
  if (r.weappJs) js.push(`${r.weappJs} weapp JS against base library ${r.lib} (${r.weappTargets.join(', ')})`);
  if (r.h5Js) js.push(`${r.h5Js} h5 JS against ${r.h5Targets.join(', ')}`);
  if (js.length) parts.push(`${js.join(' + ')} checked`);
  return `WeChat compilers: ${parts.join(', ')}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (flag) => {
    const i = process.argv.indexOf(flag);
    return i === -1 ? undefined : process.argv[i + 1] === 'none' ? null : path.resolve(process.argv[i + 1]);
  };
  const options = {};
  if (arg('--weapp') !== undefined) options.weapp = arg('--weapp');
  if (arg('--h5') !== undefined) options.h5 = arg('--h5');
  const r = await wechatCompileCheck(options);
  for (const e of r.errors) console.error(`✖ ${e.file}: ${e.feature}`);
  console.log(summary(r));
  process.exit(r.errors.length === 0 ? 0 : 1);
}
