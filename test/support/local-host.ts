import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER = path.join(ROOT, 'dist', 'local', 'server.js');
const STATIC_DIR = path.join(ROOT, 'dist', 'h5');
const READY_TIMEOUT_MS = 20_000;

export interface BuiltLocalHost {
  url: string;
  /** What the host printed so far (e.g. the 初始化码 line). */
  output(): string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, found by listening on port 0 and closing again. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the built local host (dist/local/server.js) as a child process on a free port with a fresh
 * SQLite data dir (seeded on first start) and the built H5 app, and waits until /healthz answers.
 */
export async function startBuiltLocalHost(opts: { fakeNow?: string; /** The demo university (slower to seed); default: the organisation and demo identities only. */ demo?: boolean; /** 'none': an empty database, as a new cloud environment. */ seed?: 'none' } = {}): Promise<BuiltLocalHost> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dangjian-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, APP_ENV: 'test', STATIC_DIR, HOST: '127.0.0.1', DEMO: opts.demo ? 'on' : 'off', ...(opts.seed ? { SEED: opts.seed } : {}) };
  delete env.FAKE_NOW;
  if (opts.fakeNow) env.FAKE_NOW = opts.fakeNow;

  const child = spawn(process.execPath, [SERVER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const status: { exited: string | null } = { exited: null };
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      status.exited = `exit ${code ?? signal}`;
      resolve();
    });
  });
  child.once('error', (err) => (status.exited = `spawn error: ${err.message}`));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (status.exited === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const started = Date.now();
  const timeout = opts.demo ? READY_TIMEOUT_MS * 3 : READY_TIMEOUT_MS;
  while (Date.now() - started < timeout) {
    if (status.exited !== null) break;
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && ((await res.json()) as { ok?: unknown }).ok === true) return { url, dataDir, stop, output: () => stdout };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `local host (${SERVER}) did not become healthy at ${url}/healthz within ${timeout / 1000} s` +
      `${status.exited ? ` (${status.exited})` : ''}\n--- stderr ---\n${stderr || '(empty)'}\n--- stdout ---\n${stdout || '(empty)'}`,
  );
}
