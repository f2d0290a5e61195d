// The built cloud functions (dist/cloudfunctions/<name>/): what each one is, checked before upload.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/** A 7-field cron (second minute hour day month weekday year), as WeChat's timer triggers take. */
export const CRON_FIELD = /^[0-9A-Za-z*,\-/?#]+$/;
const cron7 = z.string().refine((v) => {
  const fields = v.trim().split(/\s+/);
  return fields.length === 7 && fields.every((f) => CRON_FIELD.test(f));
}, '定时触发器的 config 应为 7 段 cron（秒 分 时 日 月 星期 年），如 0 0 * * * * *');

export const functionConfigSchema = z
  .object({
    permissions: z.object({ openapi: z.array(z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'openapi 权限应写作 命名空间.方法，如 security.msgSecCheck')) }),
    triggers: z.array(z.object({ name: z.string().min(1), type: z.literal('timer'), config: cron7 })).optional(),
  })
  .strict();

export type FunctionConfig = z.infer<typeof functionConfigSchema>;

/**
 * Namespaces of WeChat's server-side openapi (cloud.openapi.<namespace>.<method>). A call to any
 * of them needs `<namespace>.<method>` in the function's config.json permissions.
 */
export const OPENAPI_NAMESPACES = [
  'analysis',
  'auth',
  'customerServiceMessage',
  'img',
  'immediateDelivery',
  'logistics',
  'nearbyPoi',
  'ocr',
  'phonenumber',
  'plugin',
  'redirect',
  'search',
  'security',
  'serviceMarket',
  'soter',
  'subscribeMessage',
  'templateMessage',
  'uniformMessage',
  'updatableMessage',
  'urllink',
  'urlscheme',
  'wxacode',
] as const;

/** The openapi methods a bundle calls (`<namespace>.<method>(`, also through a narrowed variable). */
export function openapiCallsIn(code: string): string[] {
  const re = new RegExp(`\\b(${OPENAPI_NAMESPACES.join('|')})\\??\\.([a-zA-Z]+)\\(`, 'g');
  const calls = new Set<string>();
  for (const m of code.matchAll(re)) calls.add(`${m[1]}.${m[2]}`);
  return [...calls].sort();
}

/**
 * The npm packages a bundle loads at run time (`require("x")` left out of the bundle, such as
 * wx-server-sdk, docx, exceljs): WeChat installs them from the function's package.json on upload.
 */
export function packagesRequiredBy(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const spec = m[1];
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return [...names].sort();
}

export interface BuiltFunction {
  name: string;
  dir: string;
  config: FunctionConfig;
  dependencies: Record<string, string>;
  /** Files that go up (node_modules is left out: WeChat installs the dependencies). */
  files: Array<{ path: string; bytes: number }>;
  openapiCalls: string[];
}

function walk(dir: string, base = dir): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p, base) : [{ path: path.relative(base, p).split(path.sep).join('/'), bytes: statSync(p).size }];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads and checks every function under `functionsRoot`. Throws one error listing every problem:
 * a missing entry, a config.json that is not valid, an openapi call without its permission (or a
 * permission nothing calls), a package the bundle requires but does not declare, a version that is
 * not exact.
 */
export function readBuiltFunctions(functionsRoot: string): BuiltFunction[] {
  if (!existsSync(functionsRoot)) throw new Error(`找不到 ${functionsRoot}：请先构建云函数（node scripts/build-functions.mjs）`);
  const problems: string[] = [];
  const out: BuiltFunction[] = [];
  const names = readdirSync(functionsRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (names.length === 0) problems.push(`${functionsRoot} 下没有云函数`);
  for (const name of names) {
    const dir = path.join(functionsRoot, name);
    const at = (f: string) => path.join(dir, f);
    const missing = ['index.js', 'config.json', 'package.json'].filter((f) => !existsSync(at(f)));
    if (missing.length) {
      problems.push(`云函数 ${name} 缺少 ${missing.join('、')}`);
      continue;
    }
    let config: FunctionConfig;
    try {
      const parsed = functionConfigSchema.safeParse(JSON.parse(readFileSync(at('config.json'), 'utf8')));
      if (!parsed.success) {
        problems.push(...parsed.error.issues.map((i) => `云函数 ${name} 的 config.json（${i.path.join('.') || '根'}）：${i.message}`));
        continue;
      }
      config = parsed.data;
    } catch (e) {
      problems.push(`云函数 ${name} 的 config.json 不是合法 JSON：${(e as Error).message}`);
      continue;
    }
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { main?: string; dependencies?: Record<string, string> };
    const dependencies = pkg.dependencies ?? {};
    if (pkg.main !== undefined && pkg.main !== 'index.js') problems.push(`云函数 ${name} 的 package.json main 应为 index.js`);
    const code = readFileSync(at('index.js'), 'utf8');
    const required = packagesRequiredBy(code);
    for (const dep of new Set(['wx-server-sdk', ...required])) {
      if (dependencies[dep] === undefined) problems.push(`云函数 ${name} 的代码 require 了 ${dep}，但 package.json 的 dependencies 里没有它（云端安装不到，运行时会报错）`);
    }
    for (const [dep, v] of Object.entries(dependencies)) {
      if (!/^\d+\.\d+\.\d+$/.test(v)) problems.push(`云函数 ${name} 的 package.json 没有把 ${dep} 固定到确切版本（当前：${v}）`);
    }
    const openapiCalls = openapiCallsIn(code);
    const declared = new Set(config.permissions.openapi);
    const undeclared = openapiCalls.filter((c) => !declared.has(c));
    const unused = config.permissions.openapi.filter((c) => !openapiCalls.includes(c));
    if (undeclared.length) problems.push(`云函数 ${name} 调用了 ${undeclared.join('、')}，但 config.json 的 permissions.openapi 没有声明（上线后会报无权限）`);
    if (unused.length) problems.push(`云函数 ${name} 的 permissions.openapi 声明了代码没有调用的 ${unused.join('、')}，请删去`);
    out.push({ name, dir, config, dependencies, files: walk(dir), openapiCalls });
  }
  if (problems.length) throw new Error(`云函数检查未通过：\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
  return out;
}
