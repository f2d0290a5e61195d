// npm test: type check, layering check, both builds and the functions, then every test suite
// (rules, handlers, store contract on both adapters, build checks, the compiled weapp in a WeChat
// runtime double, browser end to end).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(root);
const timings = [];

function step(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${label}: ${seconds} s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

step('type check (tsc --noEmit, strict)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('layering (dependency-cruiser)', 'npx', ['depcruise', 'shared', 'miniprogram', 'cloudfunctions', '--config', '.dependency-cruiser.cjs']);
step('build cloud functions and local host (esbuild)', 'node', ['scripts/build-functions.mjs']);
step('build weapp (taro build --type weapp)', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
step('build h5 (taro build --type h5)', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });

// WeChat's own compilers over dist/weapp (wcc, wcsc) and every JS file of both builds against the
// engines they must run on (scripts/wechat-compile-check.mjs): one line, repeated at the end.
let wechatLine = null;
{
  const started = Date.now();
  console.log('\n▶ WeChat compilers and JS targets (scripts/wechat-compile-check.mjs)');
  const r = spawnSync('node', ['--import', 'tsx', 'scripts/wechat-compile-check.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  wechatLine = (r.stdout ?? '').trim().split('\n').pop() || null;
  if (r.stdout) process.stdout.write(r.stdout);
  timings.push(`WeChat compilers and JS targets: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n✖ WeChat compilers and JS targets failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const report = path.join(root, 'test-results', 'vitest.json');
const started = Date.now();
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SKIP_BUILD: '1' },
});
timings.push(`tests (vitest): ${((Date.now() - started) / 1000).toFixed(1)} s`);

let summary = null;
let weapp = null;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  // The weapp project: the compiled dist/weapp driven in the WeChat runtime double (test/weapp/).
  // The 'weapp-ios15' project runs some of the same files again (Promise callbacks as macrotasks,
  // as on iOS ≤15); its tests carry meta.promiseTiming, so each run is counted on its own.
  const files = r.testResults.filter((f) => path.relative(root, f.name).startsWith(`test${path.sep}weapp${path.sep}`));
  const count = (ios15) => {
    const runs = files.map((f) => f.assertionResults.filter((t) => (t.meta?.promiseTiming !== undefined) === ios15)).filter((ts) => ts.length > 0);
    const tests = runs.flat();
    return { files: runs.length, passed: tests.filter((t) => t.status === 'passed').length, failed: tests.filter((t) => t.status === 'failed').length };
  };
  weapp = { ...count(false), ios15: count(true) };
} catch {
  /* the reporter did not write: vitest's own exit status decides */
}
console.log(`\n${timings.join('\n')}`);
if (summary) {
  if (summary.passed === 0) console.error('no test ran');
  if (weapp) console.log(`\nweapp (the compiled mini-program in the WeChat runtime double): ${weapp.passed} passed, ${weapp.failed} failed in ${weapp.files} files; again with iOS ≤15 Promise timing: ${weapp.ios15.passed} passed, ${weapp.ios15.failed} failed in ${weapp.ios15.files} files`);
  if (wechatLine) console.log(`\n${wechatLine}`);
  if (!weapp || weapp.passed === 0) console.error('the weapp project ran no test');
  if (weapp && weapp.ios15.passed === 0) console.error('the weapp-ios15 project ran no test');
  console.log(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
}
process.exit(vitest.status !== 0 || !summary || summary.passed === 0 || summary.failed > 0 || !weapp || weapp.passed === 0 || weapp.ios15.passed === 0 ? 1 : 0);
