// npm start: build what the local host serves, then run it on SQLite with demo data.
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(root);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log('▶ 构建云函数与本地服务…');
run('node', ['scripts/build-functions.mjs']);
if (!process.argv.includes('--no-h5')) {
  console.log('▶ 构建 H5 应用（约半分钟）…');
  run('npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
}
const child = spawn('node', ['dist/local/server.js'], { cwd: root, stdio: 'inherit' });
openBrowserWhenReady(`http://127.0.0.1:${process.env.PORT ?? 8765}/`);
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

// Opens the address in the desktop's browser once the host answers (skipped without a desktop).
async function openBrowserWhenReady(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : process.env.DISPLAY ? 'xdg-open' : null;
  if (!opener || process.env.NO_OPEN) return;
  for (let i = 0; i < 50; i += 1) {
    try {
      if ((await fetch(`${url}healthz`)).ok) {
        spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
