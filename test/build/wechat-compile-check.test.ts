import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transformSync } from '@babel/core';
import { getBrowsersList } from 'miniprogram-compat';
import { afterAll, describe, expect, it } from 'vitest';
import { jsTargets } from '../../config/index';
import { lookbehindAt, scanSource, summary, wechatCompileCheck } from '../../scripts/wechat-compile-check.mjs';

// scripts/wechat-compile-check.mjs on small builds written here: a clean one passes, and each fault
// fails with the file and the feature named. npm test runs the same script over dist/weapp and dist/h5.

const check = wechatCompileCheck;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A one-page mini-program with a component and a subpackage, plus `extra` files (path → text). */
function weapp(extra: Record<string, string> = {}): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'wechat-check-')), 'weapp');
  dirs.push(path.dirname(dir));
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/x', pages: ['index'] }] }),
    'app.js': 'App({});\n',
    'app.wxss': '.page{color:#333}\n',
    'pages/index/index.json': JSON.stringify({ usingComponents: { card: '../../components/card/index' } }),
    'pages/index/index.js': 'Page({ data: { a: 1 } });\n',
    'pages/index/index.wxml': '<view class="page"><card title="{{a}}"/></view>\n',
    'pages/index/index.wxss': '.date-field{display:flex}.date-field .date-picker{flex:1}\n',
    'components/card/index.json': JSON.stringify({ component: true }),
    'components/card/index.js': 'Component({ properties: { title: String } });\n',
    'components/card/index.wxml': '<view class="card">{{title}}</view>\n',
    'components/card/index.wxss': '.card{padding:8rpx}\n',
    'packages/x/index.json': '{}',
    'packages/x/index.js': 'var s = "a+b".replaceAll("+", " ");\nvar lim = typeof BigInt === "function" ? BigInt("9007199254740993") : undefined;\nPage({ s: s, lim: lim });\n',
    'packages/x/index.wxml': '<view>{{s}}</view>\n',
    'packages/x/index.wxss': '.x{margin:0}\n',
    ...extra,
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

function h5(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'wechat-check-')), 'h5');
  dirs.push(path.dirname(dir));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

describe('the WeChat compile check', () => {
  it('passes a clean build: every file compiled and checked, built-ins the base library polyfills allowed, guarded BigInt allowed', async () => {
    const r = await check({ weapp: weapp(), h5: null });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ wxml: 3, wxss: 4, weappJs: 4 });
    expect(summary(r)).toMatch(/^WeChat compilers: 3 WXML \(wcc\) and 4 WXSS \(wcsc\) compiled, 4 weapp JS against base library \d+\.\d+\.\d+ \(ios 13, chrome 86\) checked: 0 errors$/);
  });

  it('fails on `> :first-child` (wcsc), naming the file, position and selector', async () => {
    const r = await check({ weapp: weapp({ 'pages/index/index.wxss': '.date-field{display:flex}.date-field > :first-child{flex:1}\n' }), h5: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].file).toMatch(/^weapp\/pages\/index\/index\.wxss:1:\d+$/);
    expect(r.errors[0].feature).toMatch(/^wcsc: error at token `:` in `\.date-field > :first-child`$/);
  });

  it('fails on a WXML wcc cannot compile, naming the file', async () => {
    const r = await check({ weapp: weapp({ 'packages/x/index.wxml': '<view>{{s}}</text>\n' }), h5: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].file).toMatch(/^weapp\/packages\/x\/index\.wxml/);
    expect(r.errors[0].feature).toMatch(/^wcc: /);
  });

  it('fails on a regex lookbehind, which es-check does not see', async () => {
    const r = await check({ weapp: weapp({ 'common.js': 'var strip = function (s) { return s.replace(/(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/g, ""); };\n' }), h5: null });
    expect(r.errors).toEqual([{ file: 'weapp/common.js', feature: 'regex lookbehind `(?<![\\uD800-\\uDBFF])` (JavaScriptCore before iOS 16.4 cannot parse it)' }]);
  });

  it('fails on an optional chain in a subpackage (es-check), naming the feature and the engine', async () => {
    const r = await check({ weapp: weapp({ 'packages/x/sub-common/zod.js': 'var a = globalThis.x?.y;\n' }), h5: null });
    expect(r.errors).toEqual([{ file: 'weapp/packages/x/sub-common/zod.js', feature: expect.stringMatching(/^OptionalChaining \(safari_ios 13\.0 requires 13\.4\)/) }]);
  });

  it('fails on a BigInt literal and on BigInt() called without a typeof guard', async () => {
    const r = await check({
      weapp: weapp({ 'lit.js': 'var big = 1n;\n', 'load.js': 'push({ 1: function (m) { m.exports = { int64: [BigInt("-9223372036854775808")] }; } });\n' }),
      h5: null,
    });
    expect(r.errors).toEqual([
      { file: 'weapp/lit.js', feature: 'BigInt (safari_ios 13.0 requires 14)' },
      { file: 'weapp/load.js', feature: 'BigInt (safari_ios 13.0 requires 14)' },
    ]);
  });

  it('checks dist/h5 with its inline scripts against the H5 targets; only what polyfills.h5.ts loads passes', async () => {
    const dir = h5({
      'index.html': '<html><head><script>var t = localStorage.getItem("k") ?? "";</script><script src="/js/app.js"></script></head></html>',
      'js/app.js': 'var q = "a+b".replaceAll("+", " "); var last = [1, 2].at(-1);\n',
      'js/ok.js': 'var o = { ...{ a: 1 } }; async function f() { await 1; }\n',
    });
    const r = await check({ weapp: null, h5: dir });
    expect(r.h5Js).toBe(3);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { file: 'h5/js/app.js', feature: expect.stringMatching(/^ArrayPrototypeAt \(chrome 86 requires 92, safari_ios 13\.0 requires 15\.4/) },
        { file: 'h5/index.html (inline script 1)', feature: expect.stringMatching(/^NullishCoalescing/) },
      ]),
    );
    expect(r.errors).toHaveLength(2);
  });
});

describe('the regex scan', () => {
  it('finds a lookbehind only where it is one', () => {
    expect(lookbehindAt('(?<=a)b')).toBe(0);
    expect(lookbehindAt('x(?<!a)')).toBe(1);
    expect(lookbehindAt('(?<name>a)')).toBe(-1);
    expect(lookbehindAt('\\(?<=a')).toBe(-1);
    expect(lookbehindAt('[(?<=]')).toBe(-1);
    expect(scanSource('new RegExp("(?<=\\\\$)\\\\d+")')).toEqual(['regex lookbehind `(?<=\\$)` in a string (for new RegExp)']);
  });

  it('finds the regex d flag', () => {
    expect(scanSource('var r = /a(b)/d;')).toEqual(['regex d flag (iOS 15, Chrome 90)']);
    expect(scanSource('var r = /a(?<b>c)/gsu;')).toEqual([]);
  });
});

describe('the targets and the upload settings', () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const project = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { libVersion: string; setting: Record<string, unknown> };

  it('takes the weapp targets from WeChat\'s compat data for libVersion, and uploads dist/weapp as checked', () => {
    expect(jsTargets('weapp')).toEqual(getBrowsersList(project.libVersion));
    // DevTools' 将 JS 编译成 ES5 / 增强编译 would rewrite the checked build on upload.
    expect(project.setting).toMatchObject({ es6: false, enhance: false });
  });

  it('puts every BigInt() call in zod behind a typeof test (babel.config.js): undefined while loading, a TypeError later', () => {
    const babel = (code: string, filename: string) => transformSync(code, { filename, cwd: root, configFile: path.join(root, 'babel.config.js') })?.code ?? '';
    for (const name of ['util.js', 'checks.js', 'schemas.js']) {
      const file = path.join(root, 'node_modules', 'zod', 'v4', 'core', name);
      const code = babel(readFileSync(file, 'utf8'), file);
      const calls = code.match(/\bBigInt\(/g) ?? [];
      expect(calls.length, name).toBeGreaterThan(0);
      expect(code.match(/typeof BigInt === "function" \? BigInt\(/g), name).toHaveLength(calls.length);
    }
    expect(babel('const a = BigInt(2);', 'x.js')).toContain('typeof BigInt === "function" ? BigInt(2) : undefined');
    expect(babel('function f() { return BigInt(1); }', 'x.js')).toMatch(/typeof BigInt === "function" \? BigInt\(1\) : \(\(\) => \{\s*throw new TypeError/);
  });
});
