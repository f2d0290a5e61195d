import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackNpm, loadCi, createProject, type OfflineReport } from '../../scripts/deploy/checks.mjs';
import { loadDeployConfig, parseEnvFile, DEPLOY_VARS } from '../../scripts/deploy/config.mjs';
import { functionConfigSchema, openapiCallsIn, packagesRequiredBy, readBuiltFunctions } from '../../scripts/deploy/functions.mjs';
import { listFiles, stageMiniprogram, uploadProjectConfig } from '../../scripts/deploy/stage.mjs';
import { ensureBuilt } from '../support/build-once';

// npm run deploy, offline: the settings, the checks miniprogram-ci runs without WeChat's servers
// (packNpm, checkCodeQuality, analyseCode — a fake appid and a throwaway key are enough), the
// functions' config.json, and --dry-run. The uploads themselves need WeChat and are not run here.
// Like the other build tests this uses dist/ as `npm test` builds it, and builds what is missing.

const root = path.resolve(import.meta.dirname, '..', '..');
/** A snapshot of dist/ taken once (other suites may rebuild dist/ while this one runs). */
let snapshot: string;
const dist = (...p: string[]) => path.join(snapshot, ...p);
const FAKE_APPID = 'wx0123456789abcdef';
const ENV_ID = 'cloud1-9g3x2b7c1d2e3f4a';

let tmp: string;
let keyPath: string;

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The environment of this process without any deployment settings (a developer's own are left out). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [...Object.keys(DEPLOY_VARS), 'DEPLOY_ENV_FILE']) delete env[k];
  return { ...env, DEPLOY_ENV_FILE: path.join(tmp, 'no-such-deploy.env'), ...extra };
}

/** Runs a command with no network at all when this machine allows it (a network namespace). */
function offline(cmd: string, args: string[]): [string, string[]] {
  const probe = spawnSync('unshare', ['-n', 'true']);
  return probe.status === 0 ? ['unshare', ['-n', cmd, ...args]] : [cmd, args];
}

/** Every file and directory under `dir` (node_modules left out) with its modification time. */
function tree(dir: string, base = dir): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    out[path.relative(base, p)] = statSync(p).mtimeMs;
    if (e.isDirectory()) Object.assign(out, tree(p, base));
  }
  return out;
}

beforeAll(async () => {
  const built = (...p: string[]) => path.join(root, 'dist', ...p);
  if (!existsSync(built('weapp', 'app.json'))) run('npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
  if (!existsSync(built('h5', 'index.html')) || !existsSync(built('cloudfunctions', 'api', 'index.js'))) await ensureBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  snapshot = path.join(tmp, 'dist');
  // Not while test/support/build-once.ts is rebuilding (it holds this lock).
  for (let waited = 0; existsSync(built('.build-once.lock')) && waited < 600_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
  for (const part of ['weapp', 'h5', 'cloudfunctions']) cpSync(built(part), dist(part), { recursive: true });
  // A throwaway key, in the format WeChat's 小程序代码上传密钥 comes in (PKCS#1 PEM).
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  keyPath = path.join(tmp, `private.${FAKE_APPID}.key`);
  writeFileSync(keyPath, privateKey);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the deployment settings', () => {
  const good = () => ({ DEPLOY_ENV_FILE: path.join(tmp, 'none.env'), WX_APPID: FAKE_APPID, WX_PRIVATE_KEY_PATH: keyPath, WX_CLOUD_ENV: ENV_ID });

  it('names every missing setting, in Chinese, with its variable', () => {
    const r = loadDeployConfig(root, { DEPLOY_ENV_FILE: path.join(tmp, 'none.env') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(3);
    for (const name of ['WX_APPID', 'WX_PRIVATE_KEY_PATH', 'WX_CLOUD_ENV']) expect(r.problems.some((p) => p.startsWith(`缺少 ${name}。`))).toBe(true);
    expect(r.problems.join('\n')).toContain('微信公众平台 → 开发管理 → 开发设置');
  });

  it('refuses bad values, each with what to do', () => {
    const truncated = path.join(tmp, 'truncated.key');
    writeFileSync(truncated, '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAnot-a-key\n-----END RSA PRIVATE KEY-----\n');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ WX_APPID: 'wx123' }, /WX_APPID「wx123」格式不对.*16 位/],
      [{ WX_APPID: 'WX0123456789ABCDEF' }, /WX_APPID「WX0123456789ABCDEF」格式不对/],
      [{ WX_APPID: 'touristappid' }, /不能是占位的 touristappid/],
      [{ WX_PRIVATE_KEY_PATH: path.join(tmp, 'missing.key') }, /WX_PRIVATE_KEY_PATH：找不到文件/],
      [{ WX_PRIVATE_KEY_PATH: path.join(root, 'package.json') }, /WX_PRIVATE_KEY_PATH：.*不像 PEM 私钥/],
      [{ WX_PRIVATE_KEY_PATH: truncated }, /WX_PRIVATE_KEY_PATH：.*无法解析为私钥/],
      [{ WX_CLOUD_ENV: 'Prod Env' }, /WX_CLOUD_ENV「Prod Env」不像云开发环境 ID/],
      [{ WX_CLOUD_ENV: 'cloud1' }, /WX_CLOUD_ENV「cloud1」/],
      [{ WX_ROBOT: '0' }, /WX_ROBOT 应为 1 到 30 的整数/],
      [{ WX_ROBOT: '31' }, /WX_ROBOT 应为 1 到 30 的整数/],
      [{ WX_ROBOT: '1.5' }, /WX_ROBOT 应为 1 到 30 的整数/],
      [{ WX_VERSION: '1.2' }, /WX_VERSION「1.2」格式不对/],
      [{ WX_DESC: '备'.repeat(101) }, /WX_DESC 太长/],
      [{ H5_PUBLIC_BASE_URL: 'http://example.com' }, /H5_PUBLIC_BASE_URL「http:\/\/example.com」应为 https:\/\//],
    ];
    for (const [override, message] of cases) {
      const r = loadDeployConfig(root, { ...good(), ...override });
      expect(r.ok, JSON.stringify(override)).toBe(false);
      if (!r.ok) {
        expect(r.problems, JSON.stringify(override)).toHaveLength(1);
        expect(r.problems[0]).toMatch(message);
      }
    }
  });

  it('accepts good values; the environment wins over the env file, which takes comments and quotes', () => {
    const envFile = path.join(tmp, 'deploy.env');
    writeFileSync(
      envFile,
      ['# 部署配置', `export WX_APPID=${FAKE_APPID}`, `WX_PRIVATE_KEY_PATH="${keyPath}"`, `WX_CLOUD_ENV='prod-abc123'  `, 'WX_ROBOT=3 # 第三个机器人', 'H5_PUBLIC_BASE_URL=https://prod-abc123-1300000000.tcloudbaseapp.com/', ''].join('\n'),
    );
    const r = loadDeployConfig(root, { DEPLOY_ENV_FILE: envFile, WX_CLOUD_ENV: ENV_ID, WX_VERSION: '1.2.0' });
    expect(r).toEqual({
      ok: true,
      config: { appid: FAKE_APPID, privateKeyPath: keyPath, cloudEnv: ENV_ID, version: '1.2.0', desc: undefined, robot: 3, h5BaseUrl: 'https://prod-abc123-1300000000.tcloudbaseapp.com' },
      sources: { WX_APPID: 'deploy.env', WX_PRIVATE_KEY_PATH: 'deploy.env', WX_CLOUD_ENV: '环境变量', WX_VERSION: '环境变量', WX_ROBOT: 'deploy.env', H5_PUBLIC_BASE_URL: 'deploy.env' },
    });
    const minimal = loadDeployConfig(root, good());
    expect(minimal.ok && minimal.config.robot).toBe(1);
    expect(parseEnvFile('WX_APPID wx0123\n').errors).toEqual(['第 1 行不是 名称=值 的格式：WX_APPID wx0123']);
  });

  it('refuses a key or an env file that git would commit, and accepts them once ignored', () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(repo);
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    cpSync(keyPath, path.join(repo, `private.${FAKE_APPID}.key`));
    writeFileSync(path.join(repo, 'deploy.env'), `WX_APPID=${FAKE_APPID}\nWX_PRIVATE_KEY_PATH=private.${FAKE_APPID}.key\nWX_CLOUD_ENV=${ENV_ID}\n`);
    const before = loadDeployConfig(repo, {});
    expect(before.ok).toBe(false);
    if (!before.ok) {
      expect(before.problems).toHaveLength(2);
      expect(before.problems[0]).toMatch(/deploy.env 没有被 git 忽略/);
      expect(before.problems[1]).toMatch(/WX_PRIVATE_KEY_PATH 指向仓库里一个没有被 git 忽略的文件/);
    }
    writeFileSync(path.join(repo, '.gitignore'), 'deploy.env\nprivate.*.key\n');
    const after = loadDeployConfig(repo, {});
    expect(after.ok && after.config.privateKeyPath).toBe(path.join(repo, `private.${FAKE_APPID}.key`));
    // This repository ignores both names too.
    for (const name of ['deploy.env', `private.${FAKE_APPID}.key`]) expect(spawnSync('git', ['check-ignore', '-q', name], { cwd: root }).status, name).toBe(0);
  });
});

describe('npm run deploy', () => {
  it('without settings exits non-zero with the message and touches nothing', () => {
    // A checkout of its own (the deploy script, package.json, project.config.json, a copy of dist/,
    // node_modules linked), so that "nothing changed" is not blurred by other suites' builds.
    const own = mkdtempSync(path.join(tmp, 'checkout-'));
    for (const f of ['package.json', 'project.config.json', 'scripts/deploy.mjs', 'scripts/deploy']) cpSync(path.join(root, f), path.join(own, f), { recursive: true });
    cpSync(snapshot, path.join(own, 'dist'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(own, 'node_modules'));
    const tmpdir = mkdtempSync(path.join(tmp, 'tmpdir-'));
    const before = tree(own);
    const started = Date.now();
    const r = spawnSync('npm', ['run', 'deploy', '--silent'], { cwd: own, encoding: 'utf8', env: cleanEnv({ TMPDIR: tmpdir }) });
    console.log(`npm run deploy without settings: ${Date.now() - started} ms`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法部署：部署配置缺失或有误。');
    for (const name of ['WX_APPID', 'WX_PRIVATE_KEY_PATH', 'WX_CLOUD_ENV']) expect(r.stderr).toContain(`缺少 ${name}。`);
    expect(r.stderr).toContain('npm run deploy -- --dry-run');
    expect(r.stdout).not.toContain('构建');
    expect(tree(own)).toEqual(before); // no file built, written or removed
    expect(Object.keys(before)).toContain('dist/weapp/app.json');
    expect(readdirSync(tmpdir).filter((f) => f.startsWith('dangjian-deploy-'))).toEqual([]); // no staging copy was made
  });

  it('--dry-run with a throwaway key runs the offline checks and lists the functions and the H5 files, with no network', () => {
    const tmpdir = mkdtempSync(path.join(tmp, 'tmpdir-'));
    const report = path.join(tmp, 'report.json');
    const repoConfig = readFileSync(path.join(root, 'project.config.json'), 'utf8');
    const [cmd, args] = offline('node', ['scripts/deploy.mjs', '--dry-run', '--skip-build', '--dist', snapshot, '--report', report]);
    const started = Date.now();
    const r = spawnSync(cmd, args, {
      cwd: root,
      encoding: 'utf8',
      env: cleanEnv({ TMPDIR: tmpdir, WX_APPID: FAKE_APPID, WX_PRIVATE_KEY_PATH: keyPath, WX_CLOUD_ENV: ENV_ID, WX_DESC: '测试', H5_PUBLIC_BASE_URL: 'https://example.tcloudbaseapp.com' }),
      maxBuffer: 16 * 1024 * 1024,
    });
    const ms = Date.now() - started;
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const plan = JSON.parse(readFileSync(report, 'utf8')) as {
      checks: OfflineReport;
      functions: Array<{ name: string; files: Array<{ path: string }>; dependencies: Record<string, string>; triggers?: unknown[] }>;
      h5: { files: Array<{ path: string; bytes: number }> };
      miniprogram: { files: number };
      uploaded: { functions: string[]; h5?: boolean; miniprogram?: unknown };
      config: { appid: string; version: string; desc: string };
    };
    const { checks } = plan;
    console.log(
      `deploy --dry-run${cmd === 'unshare' ? ' (inside a network namespace with no network)' : ''}: ${ms} ms in all; packNpm ${checks.packNpm.ms} ms, checkCodeQuality ${checks.quality.ms} ms, analyseCode ${checks.analyse.ms} ms (${checks.analyse.files} files, ${checks.analyse.modules} modules)`,
    );

    // packNpm: Taro bundles every npm module, so there is nothing to build (see the control below).
    expect(checks.packNpm.packed).toBe(0);
    // checkCodeQuality: every item passes (the upload copy turns WeChat's compression on).
    expect(checks.quality.items.length).toBeGreaterThanOrEqual(9);
    expect(checks.quality.items.filter((i) => !i.success)).toEqual([]);
    expect(checks.quality.items.map((i) => i.name)).toContain('PACKAGE_SIZE_LIMIT');
    // analyseCode: every page, component and file reference resolves.
    expect(checks.analyse.errors).toEqual([]);
    expect(checks.analyse.files).toBeGreaterThan(50);
    expect(checks.problems).toEqual([]);

    expect(plan.config).toMatchObject({ appid: FAKE_APPID, version: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version, desc: '测试' });
    expect(plan.uploaded).toEqual({ functions: [], triggers: [] });
    expect(plan.miniprogram.files).toBe(listFiles(dist('weapp')).length + (existsSync(dist('weapp', 'project.config.json')) ? 0 : 1));
    expect(plan.functions.map((f) => f.name)).toEqual(['api', 'scheduler']);
    expect(plan.h5.files).toEqual(listFiles(dist('h5')));
    expect(plan.h5.files.map((f) => f.path)).toContain('index.html');

    // What it would upload is printed: each function with its files, every H5 file.
    expect(r.stdout).toContain('将要上传（--dry-run，未连接微信）');
    for (const f of plan.functions) expect(r.stdout).toMatch(new RegExp(`- ${f.name}：.*index\\.js`));
    for (const f of plan.h5.files) expect(r.stdout).toContain(`    ${f.path}  `);
    expect(r.stdout).toContain('检查通过，未上传任何内容');
    expect(r.stdout).toContain('https://example.tcloudbaseapp.com/brand?id=<品牌 id>');
    expect(r.stdout).toMatch(/定时触发器：scheduler 的 every5min「0 \*\/5 \* \* \* \* \*」/);
    expect(r.stdout).toContain('database.rules.json');
    expect(r.stdout).toContain('REMINDER_CONFIG');

    // The repository keeps its placeholder appid; the staging copy is gone.
    expect(readFileSync(path.join(root, 'project.config.json'), 'utf8')).toBe(repoConfig);
    expect(readdirSync(tmpdir).filter((f) => f.startsWith('dangjian-deploy-'))).toEqual([]);
  });
});

describe('the offline miniprogram-ci checks', () => {
  it('the upload copy carries the appid and compression; the repository config keeps its placeholder', () => {
    const repoConfig = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid: string; miniprogramRoot: string; setting: Record<string, unknown> };
    expect(repoConfig.appid).toBe('touristappid');
    const out = mkdtempSync(path.join(tmp, 'stage-'));
    const { config } = stageMiniprogram(root, FAKE_APPID, out, snapshot);
    expect(config).toEqual(uploadProjectConfig(repoConfig, FAKE_APPID));
    const staged = JSON.parse(readFileSync(path.join(out, 'project.config.json'), 'utf8')) as typeof repoConfig & { cloudfunctionRoot?: string };
    expect(staged.appid).toBe(FAKE_APPID);
    expect(staged.miniprogramRoot).toBe('./');
    expect(staged.cloudfunctionRoot).toBeUndefined();
    expect(staged.setting).toMatchObject({ ...repoConfig.setting, minified: true, minifyWXML: true, minifyWXSS: true });
    expect(existsSync(path.join(out, 'app.json'))).toBe(true);
  });

  it('analyseCode finds a page whose files are missing, and the deployment stops', () => {
    const out = mkdtempSync(path.join(tmp, 'broken-'));
    stageMiniprogram(root, FAKE_APPID, out, snapshot);
    const app = JSON.parse(readFileSync(path.join(out, 'app.json'), 'utf8')) as { pages: string[] };
    app.pages.push('pages/missing/index');
    writeFileSync(path.join(out, 'app.json'), JSON.stringify(app));
    const [cmd, args] = offline('node', ['--import', 'tsx', 'scripts/deploy/checks.mts', out, FAKE_APPID, keyPath]);
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.split('@@REPORT@@')[1]) as OfflineReport;
    expect(report.analyse.errors.some((e) => e.includes('pages/missing/index.js'))).toBe(true);
    expect(report.problems.some((p) => p.startsWith('代码依赖分析发现'))).toBe(true);
  });

  it('packNpm works offline and builds a declared npm package (control for the 0 found in the Taro build)', async () => {
    const project = mkdtempSync(path.join(tmp, 'npm-'));
    writeFileSync(path.join(project, 'project.config.json'), JSON.stringify({ appid: FAKE_APPID, compileType: 'miniprogram', miniprogramRoot: './' }));
    writeFileSync(path.join(project, 'app.json'), JSON.stringify({ pages: ['pages/index/index'] }));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'fixture', dependencies: { tiny: '1.0.0' } }));
    mkdirSync(path.join(project, 'node_modules', 'tiny'), { recursive: true });
    writeFileSync(path.join(project, 'node_modules', 'tiny', 'package.json'), JSON.stringify({ name: 'tiny', version: '1.0.0', main: 'index.js' }));
    writeFileSync(path.join(project, 'node_modules', 'tiny', 'index.js'), 'module.exports = (a, b) => a + b;\n');
    const ci = loadCi();
    const result = await runPackNpm(ci, createProject(ci, { projectPath: project, appid: FAKE_APPID, privateKeyPath: keyPath }));
    expect(result.packed).toBe(1);
    expect(existsSync(path.join(project, 'miniprogram_npm', 'tiny', 'index.js'))).toBe(true);
  });
});

describe('the cloud functions as uploaded', () => {
  it('each config.json is valid and its openapi permissions are exactly what the code calls', () => {
    const functions = readBuiltFunctions(dist('cloudfunctions'));
    expect(functions.map((f) => f.name)).toEqual(['api', 'scheduler']);
    for (const f of functions) {
      // The built config.json is the source's.
      expect(f.config).toEqual(functionConfigSchema.parse(JSON.parse(readFileSync(path.join(root, 'cloudfunctions', f.name, 'config.json'), 'utf8'))));
      expect([...f.config.permissions.openapi].sort()).toEqual(f.openapiCalls);
      expect(f.dependencies['wx-server-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
      for (const dep of packagesRequiredBy(readFileSync(path.join(f.dir, 'index.js'), 'utf8'))) expect(f.dependencies[dep], `${f.name} requires ${dep}`).toMatch(/^\d+\.\d+\.\d+$/);
    }
    const api = functions.find((f) => f.name === 'api')!;
    expect(api.openapiCalls).toEqual(['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited']);
    expect(api.config.triggers ?? []).toEqual([]);
    const scheduler = functions.find((f) => f.name === 'scheduler')!;
    expect(scheduler.openapiCalls).toEqual(['subscribeMessage.send']);
    expect(scheduler.config.triggers).toHaveLength(1);
    expect(scheduler.config.triggers![0].type).toBe('timer');
    expect(scheduler.config.triggers![0].config.trim().split(/\s+/)).toHaveLength(7);
  });

  it('refuses a 5-field cron, an undeclared or unused permission, an unpinned or undeclared package', () => {
    expect(functionConfigSchema.safeParse({ permissions: { openapi: [] }, triggers: [{ name: 'h', type: 'timer', config: '0 * * * *' }] }).success).toBe(false);
    expect(functionConfigSchema.safeParse({ permissions: { openapi: ['msgSecCheck'] } }).success).toBe(false);
    expect(openapiCallsIn('a.openapi.security.msgSecCheck({});t.subscribeMessage?.send(x);security.notACall')).toEqual(['security.msgSecCheck', 'subscribeMessage.send']);
    expect(packagesRequiredBy('require("node:fs");require("path");require("@scope/pkg/sub");require("./local");require("docx")')).toEqual(['@scope/pkg', 'docx']);

    const copy = (mutate: (dir: string) => void) => {
      const out = mkdtempSync(path.join(tmp, 'functions-'));
      cpSync(dist('cloudfunctions'), out, { recursive: true });
      mutate(path.join(out, 'api'));
      return () => readBuiltFunctions(out);
    };
    const editJson = (file: string, edit: (j: Record<string, any>) => void) => {
      const j = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
      edit(j);
      writeFileSync(file, JSON.stringify(j));
    };
    expect(copy((d) => editJson(path.join(d, 'config.json'), (j) => (j.permissions.openapi = j.permissions.openapi.filter((p: string) => p !== 'wxacode.getUnlimited'))))).toThrow(
      /云函数 api 调用了 wxacode.getUnlimited，但 config.json 的 permissions.openapi 没有声明/,
    );
    expect(copy((d) => editJson(path.join(d, 'config.json'), (j) => j.permissions.openapi.push('ocr.idcard')))).toThrow(/声明了代码没有调用的 ocr.idcard/);
    expect(copy((d) => editJson(path.join(d, 'package.json'), (j) => (j.dependencies['wx-server-sdk'] = '^4.0.2')))).toThrow(/没有把 wx-server-sdk 固定到确切版本（当前：\^4.0.2）/);
    expect(copy((d) => editJson(path.join(d, 'package.json'), (j) => delete j.dependencies['wx-server-sdk']))).toThrow(/require 了 wx-server-sdk，但 package.json 的 dependencies 里没有它/);
    expect(copy((d) => rmSync(path.join(d, 'config.json')))).toThrow(/云函数 api 缺少 config.json/);
  });
});
