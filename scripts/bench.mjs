// `npm run bench`: every benchmark, each in its own process (tsx loads the TypeScript sources).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = ['bench-remind.mjs', 'bench-release.mjs', 'bench-scale.mjs', 'bench-export.mjs', 'bench-packet.mjs', 'bench-import.mjs', 'bench-weapp.mjs'];
let failed = false;
for (const b of BENCHES) {
  console.log(`\n== ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, b)], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
