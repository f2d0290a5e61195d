import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUTS = [path.join(ROOT, 'dist', 'local', 'server.js'), path.join(ROOT, 'dist', 'h5', 'index.html')];
const LOCK = path.join(ROOT, 'dist', '.build-once.lock');
const MARKER = path.join(ROOT, 'dist', '.build-once.json');
const LOCK_WAIT_MS = 10 * 60_000;

type Step = { label: string; cmd: string; args: string[]; env?: Record<string, string> };
const STEPS: Step[] = [
  { label: 'build cloud functions and local host', cmd: 'node', args: ['scripts/build-functions.mjs'] },
  { label: 'build h5', cmd: 'npx', args: ['taro', 'build', '--type', 'h5'], env: { NODE_ENV: 'production' } },
];

/**
 * Identifies this test run, shared by every test file in it: vitest runs files in worker threads of
 * its main process (pool "threads": same pid) or in forked children of it (pool "forks": parent pid).
 * VITEST_BUILD_RUN_KEY overrides it (e.g. set once by a wrapper script).
 */
function runKey(): string {
  return process.env.VITEST_BUILD_RUN_KEY ?? `pid-${isMainThread ? process.ppid : process.pid}`;
}

function markerKey(marker = MARKER): string | null {
  try {
    return (JSON.parse(readFileSync(marker, 'utf8')) as { runKey?: unknown }).runKey === runKey() ? runKey() : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes a directory lock (mkdir is atomic) so two suites never build at the same time; breaks a dead owner's lock. */
async function withLock<T>(fn: () => T): Promise<T> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        /* the owner is between mkdir and writing its pid */
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`waited ${LOCK_WAIT_MS / 60_000} min for the build lock ${LOCK}; remove it if no build is running`);
      else await sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Runs the steps once per test run (the marker file records the run), under the build lock. */
async function buildOnce(steps: Step[], outputs: string[], marker: string): Promise<void> {
  const present = () => outputs.every((f) => existsSync(f));
  if (process.env.SKIP_BUILD === '1' && present()) return;
  await withLock(() => {
    if (markerKey(marker) && present()) return;
    for (const step of steps) {
      const started = Date.now();
      const r = spawnSync(step.cmd, step.args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...step.env }, maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) {
        const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n');
        throw new Error(
          `${step.label} failed: \`${step.cmd} ${step.args.join(' ')}\` exited ${r.status ?? r.signal ?? r.error?.message}\n${output}`,
        );
      }
      console.log(`${step.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const missing = outputs.filter((f) => !existsSync(f));
    if (missing.length) throw new Error(`build finished but these outputs are missing: ${missing.join(', ')}`);
    writeFileSync(marker, `${JSON.stringify({ runKey: runKey(), builtAt: new Date().toISOString() })}\n`);
  });
}

/**
 * Builds the local host bundle and the H5 app once per test run (several suites may ask).
 * With SKIP_BUILD=1 and both outputs present, builds nothing (npm test builds before running vitest).
 */
export function ensureBuilt(): Promise<void> {
  return buildOnce(STEPS, OUTPUTS, MARKER);
}

/** The weapp build (dist/weapp), once per test run; SKIP_BUILD=1 with the output present builds nothing. */
export function ensureWeappBuilt(): Promise<void> {
  return buildOnce(
    [{ label: 'build weapp', cmd: 'npx', args: ['taro', 'build', '--type', 'weapp'], env: { NODE_ENV: 'production' } }],
    [path.join(ROOT, 'dist', 'weapp', 'app.js'), path.join(ROOT, 'dist', 'weapp', 'app.json'), path.join(ROOT, 'dist', 'weapp', 'base.wxml')],
    path.join(ROOT, 'dist', '.build-once-weapp.json'),
  );
}
