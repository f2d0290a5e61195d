// Weapp package sizes: this app's main package and each subpackage (measured like
// test/build/build.test.ts: the output tree's bytes, minus the subpackage roots for the main
// package), beside an empty Taro app (one page, the same config) built the same way.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The main package may be at most this many times the empty Taro app's (1.39 until dayjs came back as the one date library, issue 29). */
export const MAIN_PACKAGE_GOAL = 1.45;

function dirSize(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirSize(p) : statSync(p).size);
  }, 0);
}

/** The latest modification time of any file under dir (ms). */
export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function build(cwd, outDir) {
  const t = performance.now();
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd, encoding: 'utf8', env: { ...process.env, TARO_OUTPUT_ROOT: outDir, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`taro build --type weapp in ${cwd} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return performance.now() - t;
}

/** Main package and subpackages of a built weapp directory, in bytes. */
export function packageSizes(dir) {
  const app = JSON.parse(readFileSync(path.join(dir, 'app.json'), 'utf8'));
  const subs = (app.subPackages ?? []).map((s) => {
    const root = s.root.replace(/\/$/, '');
    return { root, bytes: dirSize(path.join(dir, root)) };
  });
  const total = dirSize(dir);
  return { total, main: total - subs.reduce((a, s) => a + s.bytes, 0), subPackages: subs };
}

/** A one-page Taro app with this repo's config, babel preset and packages, in a temp dir (also the H5 floor). */
export function emptyApp(root) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-empty-taro-'));
  for (const f of ['package.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']) copyFileSync(path.join(root, f), path.join(dir, f));
  mkdirSync(path.join(dir, 'config'));
  copyFileSync(path.join(root, 'config', 'index.ts'), path.join(dir, 'config', 'index.ts'));
  mkdirSync(path.join(dir, 'shared'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  mkdirSync(path.join(dir, 'miniprogram', 'pages', 'index'), { recursive: true });
  const w = (p, s) => writeFileSync(path.join(dir, 'miniprogram', p), s);
  copyFileSync(path.join(root, 'miniprogram', 'index.html'), path.join(dir, 'miniprogram', 'index.html'));
  w('app.ts', "import type { PropsWithChildren } from 'react';\n\nfunction App({ children }: PropsWithChildren) {\n  return children;\n}\n\nexport default App;\n");
  w('app.config.ts', "export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'empty' }, cloud: true, lazyCodeLoading: 'requiredComponents' });\n");
  w('pages/index/index.tsx', "import { View } from '@tarojs/components';\n\nexport default function Index() {\n  return <View>hello</View>;\n}\n");
  w('pages/index/index.config.ts', "export default definePageConfig({ navigationBarTitleText: 'empty' });\n");
  return dir;
}

export async function measureSizes(root) {
  const out = { app: null, empty: null, appBuildMs: null, emptyBuildMs: null, reused: null };
  // Reuse dist/weapp (or the private build) when newer than every source file; else build privately.
  const dist = path.join(root, 'dist', 'weapp');
  const sources = Math.max(newest(path.join(root, 'miniprogram')), newest(path.join(root, 'shared')), statSync(path.join(root, 'config', 'index.ts')).mtimeMs);
  const fresh = existsSync(path.join(dist, 'app.json')) && statSync(path.join(dist, 'app.json')).mtimeMs > sources;
  const privateDir = path.join(tmpdir(), 'bench-weapp');
  const privateFresh = existsSync(path.join(privateDir, 'app.json')) && statSync(path.join(privateDir, 'app.json')).mtimeMs > sources;
  const appDir = fresh ? dist : privateDir;
  if (fresh || privateFresh) out.reused = path.relative(root, appDir) || appDir;
  else {
    rmSync(appDir, { recursive: true, force: true });
    console.log('building weapp into', appDir, '…');
    out.appBuildMs = Math.round(build(root, appDir));
  }
  out.app = packageSizes(appDir);

  const emptyDir = emptyApp(root);
  try {
    console.log('building an empty Taro app …');
    out.emptyBuildMs = Math.round(build(emptyDir, path.join(emptyDir, 'dist')));
    out.empty = packageSizes(path.join(emptyDir, 'dist'));
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  out.mainRatio = Math.round((out.app.main / out.empty.main) * 100) / 100;
  out.mainGoal = MAIN_PACKAGE_GOAL;
  console.log(`weapp main package ${kb(out.app.main)}, ${out.mainRatio}× the empty Taro app's ${kb(out.empty.main)} (goal ≤ ${MAIN_PACKAGE_GOAL}×); ${out.app.subPackages.map((s) => `${s.root} ${kb(s.bytes)}`).join(', ')}`);
  return out;
}
