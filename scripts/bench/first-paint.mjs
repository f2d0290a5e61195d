// H5 first paint: the local host (from source, with tsx) serves the H5 build on the seeded
// university; headless Chromium at 375 px loads the home page (signed in as a member) and a
// promoted brand's showcase page (signed out), each 5 times in a fresh context (cold cache), and
// reads first-contentful-paint, the JS+CSS bytes transferred from the page's resource timing and,
// on the showcase, when the brand's name is on screen (its data loaded through the API).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';

const LOADS = 5;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** dist/h5 when it is newer than every source file, else a private build in /tmp/bench-h5 (kept while fresh). */
function h5Dir(root) {
  const dist = path.join(root, 'dist', 'h5');
  const index = path.join(dist, 'index.html');
  const sources = Math.max(newest(path.join(root, 'miniprogram')), newest(path.join(root, 'shared')), statSync(path.join(root, 'config', 'index.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return { dir: dist, buildMs: null };
  const out = path.join(tmpdir(), 'bench-h5');
  if (existsSync(path.join(out, 'index.html')) && statSync(path.join(out, 'index.html')).mtimeMs > sources) return { dir: out, buildMs: null };
  rmSync(out, { recursive: true, force: true });
  console.log('building h5 into', out, '…');
  const t = performance.now();
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, encoding: 'utf8', env: { ...process.env, TARO_ENV: 'h5', TARO_OUTPUT_ROOT: out, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`taro build --type h5 failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { dir: out, buildMs: Math.round(performance.now() - t) };
}

/** The brand's name as stored: the showcase has loaded its data once this text is on screen. */
function brandName(dbFile, brandId) {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(`SELECT json_extract(doc, '$.report.name') AS name FROM c_brands WHERE id = ?`).get(brandId).name;
  } finally {
    db.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measureFirstPaint(root, { dbFile, brandId, now }) {
  const { dir: staticDir, buildMs } = h5Dir(root);
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.dirname(dbFile), DB_FILE: path.basename(dbFile), STATIC_DIR: staticDir, APP_ENV: 'test', FAKE_NOW: now.toISOString() };
  const host = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'cloudfunctions', 'local', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  host.stdout.on('data', (s) => (log += s));
  host.stderr.on('data', (s) => (log += s));
  const url = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 150 || host.exitCode !== null) throw new Error(`local host did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const pages = [
      { name: 'home (signed in as a member)', path: '/', openid: 'dev-member-1' },
      { name: 'showcase brand page (signed out)', path: `/brand?id=${encodeURIComponent(brandId)}`, openid: null, text: brandName(dbFile, brandId) },
    ];
    const results = [];
    for (const p of pages) {
      const fcp = [];
      const shownAt = [];
      const bytes = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
        if (p.openid) await context.addCookies([{ name: 'dev_openid', value: p.openid, url }]);
        const page = await context.newPage();
        await page.goto(`${url}${p.path}`, { waitUntil: 'load' });
        if (p.text) {
          const shown = await page.waitForFunction((text) => (document.body.innerText.includes(text) ? performance.now() : null), p.text, { timeout: 15_000 });
          shownAt.push(await shown.jsonValue());
        }
        const paint = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, null, { timeout: 15_000 });
        fcp.push(await paint.jsonValue());
        await page.waitForLoadState('networkidle');
        bytes.push(
          await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .filter((e) => /\.(js|css)(\?|$)/.test(new URL(e.name).pathname))
              .reduce((a, e) => a + e.transferSize, 0),
          ),
        );
        await context.close();
      }
      results.push({ page: p.name, path: p.path, loads: LOADS, fcpMedianMs: Math.round(median(fcp)), fcpMs: fcp.map(Math.round), ...(shownAt.length ? { contentShownMedianMs: Math.round(median(shownAt)) } : {}), jsCssTransferredBytes: Math.round(median(bytes)) });
      const shownText = shownAt.length ? `, its name on screen at ${Math.round(median(shownAt))} ms` : '';
      console.log(`${p.name}: first contentful paint ${Math.round(median(fcp))} ms (median of ${LOADS})${shownText}, JS+CSS ${(median(bytes) / 1024).toFixed(1)} KB transferred`);
    }
    return { h5Dir: path.relative(root, staticDir) || staticDir, h5BuildMs: buildMs, pages: results };
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
}
