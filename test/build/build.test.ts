import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The test command builds both targets and the functions first (scripts/test.mjs); run alone,
// this suite builds what is missing.
const root = path.resolve(import.meta.dirname, '..', '..');
const dist = (...p: string[]) => path.join(root, 'dist', ...p);
const MB = 1024 * 1024;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  cloud?: boolean;
  __usePrivacyCheck__?: boolean;
}

beforeAll(() => {
  if (!existsSync(dist('weapp', 'app.json'))) run('npx', ['taro', 'build', '--type', 'weapp']);
  if (!existsSync(dist('cloudfunctions', 'api', 'index.js'))) run('node', ['scripts/build-functions.mjs']);
});

describe('the weapp build', () => {
  const app = () => JSON.parse(readFileSync(dist('weapp', 'app.json'), 'utf8')) as AppJson;

  it('declares cloud: true and every page', () => {
    const a = app();
    expect(a.cloud).toBe(true);
    // WeChat's privacy check on: personal data only after consent (PrivacyPopup).
    expect(a.__usePrivacyCheck__).toBe(true);
    expect(a.pages).toContain('pages/index/index');
    for (const page of a.pages) expect(existsSync(dist('weapp', `${page}.js`))).toBe(true);
    for (const sub of a.subPackages ?? []) for (const page of sub.pages) expect(existsSync(dist('weapp', sub.root, `${page}.js`))).toBe(true);
  });

  it('keeps the main package far under WeChat’s 2 MB limit', () => {
    const a = app();
    const subRoots = (a.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
    const total = dirSize(dist('weapp'));
    const subs = subRoots.map((r) => ({ root: r, size: dirSize(dist('weapp', r)) }));
    const main = total - subs.reduce((s, x) => s + x.size, 0);
    console.log(`weapp main package: ${(main / 1024).toFixed(1)} KB; ${subs.map((s) => `${s.root}: ${(s.size / 1024).toFixed(1)} KB`).join('; ')}`);
    expect(main).toBeLessThan(1 * MB); // "far under" 2 MB: fail well before the hard limit
    for (const s of subs) expect(s.size).toBeLessThan(2 * MB);
    expect(total).toBeLessThan(20 * MB);
  });

  it('denies every client read and write in the database security rules', () => {
    const rules = JSON.parse(readFileSync(path.join(root, 'cloudfunctions', 'database.rules.json'), 'utf8')) as unknown;
    expect(rules).toEqual({ read: false, write: false });
  });

  it('points project.config.json at the build outputs', () => {
    const cfg = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as Record<string, string>;
    expect(cfg.miniprogramRoot).toBe('dist/weapp/');
    expect(cfg.cloudfunctionRoot).toBe('dist/cloudfunctions/');
  });
});

describe('the bundled cloud functions', () => {
  for (const name of ['api', 'scheduler']) {
    it(`${name} loads in plain Node with require and exports main, without the office libraries`, () => {
      // exceljs, docx and jszip load on the first export call (router/lazy), not at a cold start.
      const script = `const m = require(${JSON.stringify(dist('cloudfunctions', name, 'index.js'))}); const office = Object.keys(require.cache).filter((k) => /node_modules[\\/](exceljs|docx|jszip)[\\/]/.test(k)); process.stdout.write(JSON.stringify({ main: typeof m.main, office }))`;
      const out = JSON.parse(run('node', ['-e', script])) as { main: string; office: string[] };
      expect(out).toEqual({ main: 'function', office: [] });
      console.log(`${name} bundle: ${(statSync(dist('cloudfunctions', name, 'index.js')).size / 1024).toFixed(1)} KB`);
    });

    it(`${name} pins wx-server-sdk to an exact version and has a valid config.json`, () => {
      const pkg = JSON.parse(readFileSync(dist('cloudfunctions', name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(pkg.dependencies['wx-server-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
      const cfg = JSON.parse(readFileSync(dist('cloudfunctions', name, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] } };
      expect(Array.isArray(cfg.permissions?.openapi)).toBe(true);
    });
  }

  it('the scheduler has one timer trigger with a 7-field cron', () => {
    const cfg = JSON.parse(readFileSync(dist('cloudfunctions', 'scheduler', 'config.json'), 'utf8')) as { triggers: Array<{ type: string; config: string }> };
    const timers = cfg.triggers.filter((t) => t.type === 'timer');
    expect(timers).toHaveLength(1);
    expect(timers[0].config.trim().split(/\s+/)).toHaveLength(7);
  });

  it('api without cloud credentials answers with a coded error and does not crash', () => {
    // wx-server-sdk reads the WeChat context from WX_* variables; with no credentials its first
    // query fails (and may reject a promise nobody awaits): the function must survive both.
    const script = `
      const m = require(${JSON.stringify(dist('cloudfunctions', 'api', 'index.js'))});
      m.main({ procedure: 'session.me', input: {} }).then((r) => {
        setTimeout(() => { process.stdout.write(JSON.stringify(r)); }, 500);
      });`;
    const r = spawnSync('node', ['-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-test' },
    });
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout) as { ok: boolean; error?: { code: string; message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('INTERNAL');
    expect(answer.error?.message).not.toMatch(/stack|Error:|at /);
  });

  it('api checks a call against its area\'s contracts, which load on that call and not at a cold start', () => {
    // Each area's zod schemas are built on its first call (shared/contracts/areas.ts). A public
    // procedure with a bad id: answered VALIDATION by the brand area's schema, before any store call.
    const script = `
      const m = require(${JSON.stringify(dist('cloudfunctions', 'api', 'index.js'))});
      m.main({ procedure: 'brand.public', input: { id: 5 } }).then((bad) =>
        m.main({ procedure: 'brand.public', input: { id: 'b1', extra: 1 } }).then((again) => process.stdout.write(JSON.stringify({ bad, again }))));`;
    const r = spawnSync('node', ['-e', script], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '' } });
    const out = JSON.parse(r.stdout) as Record<'bad' | 'again', { ok: boolean; error?: { code: string; message: string } }>;
    expect(out.bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(out.bad.error?.message).toBe('编号须为文字');
    expect(out.again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '包含无法识别的字段：extra' } });
  });

  it('api without an OPENID refuses the call', () => {
    const script = `require(${JSON.stringify(dist('cloudfunctions', 'api', 'index.js'))}).main({ procedure: 'session.me' }).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const r = spawnSync('node', ['-e', script], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '' } });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
