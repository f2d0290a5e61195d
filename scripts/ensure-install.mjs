// On a fresh clone the README's commands install the packages themselves, from the lock file.
// (npm ci refuses it: optional packages for other platforms are absent from the registry here.)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function ensureInstalled(root) {
  if (existsSync(path.join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('▶ first run: installing packages (about 2 minutes)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('npm install failed; fix the error above and run the command again.');
    process.exit(r.status ?? 1);
  }
}
