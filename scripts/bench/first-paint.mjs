// H5 on a phone's network, against its floor, in the same run. The local host (from source, with
// tsx) serves the H5 build on the seeded university; a second local host serves an empty Taro H5
// app (one page saying "hello", this repo's config) built alongside. Headless Chromium at 375 px
// with Lighthouse's mobile profile — 150 ms round trip, 1.6 Mbps down, 750 kbps up, 4× CPU
// slowdown, set through the DevTools protocol — loads each page LOADS times in a fresh context
// (cold cache) and reads:
// - first contentful paint;
// - when the page's own text is on screen (watched from before the first byte by an init script,
//   so it is not held back by the load event): the floor's "hello", the home page's greeting,
//   the showcase list's first brand, a brand page's name AND first paragraph;
// - the JS+CSS bytes transferred, and the cloud calls the page made (POST /api/…).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { emptyApp, newest } from './sizes.mjs';

const LOADS = Number(process.env.BENCH_PAINT_LOADS ?? 7);
/** Lighthouse's mobile profile (DevTools "Slow 4G" numbers). */
export const MOBILE_PROFILE = { latencyMs: 150, downKbps: 1600, upKbps: 750, cpuSlowdown: 4 };
export const HOME_GOAL = 1.2;
export const SHOWCASE_GOAL_MS = 1000;

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

function buildH5(cwd, out) {
  const t = performance.now();
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd, encoding: 'utf8', env: { ...process.env, TARO_ENV: 'h5', TARO_OUTPUT_ROOT: out, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`taro build --type h5 in ${cwd} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return Math.round(performance.now() - t);
}

/** dist/h5 when it is newer than every source file, else a private build in /tmp/bench-h5 (kept while fresh). */
function h5Dir(root) {
  const dist = path.join(root, 'dist', 'h5');
  const index = path.join(dist, 'index.html');
  const sources = Math.max(newest(path.join(root, 'miniprogram')), newest(path.join(root, 'shared')), statSync(path.join(root, 'config', 'index.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return { dir: dist, buildMs: null };
  const out = path.join(tmpdir(), `bench-h5-${path.basename(root)}`);
  if (existsSync(path.join(out, 'index.html')) && statSync(path.join(out, 'index.html')).mtimeMs > sources) return { dir: out, buildMs: null };
  rmSync(out, { recursive: true, force: true });
  console.log('building h5 into', out, '…');
  return { dir: out, buildMs: buildH5(root, out) };
}

/** The empty Taro H5 app, built with this repo's config (kept in /tmp/bench-empty-h5 while the config and packages are unchanged). */
function emptyH5Dir(root) {
  const out = path.join(tmpdir(), 'bench-empty-h5');
  const inputs = Math.max(...['config/index.ts', 'package.json', 'babel.config.js', 'miniprogram/index.html'].map((f) => statSync(path.join(root, f)).mtimeMs));
  if (existsSync(path.join(out, 'index.html')) && statSync(path.join(out, 'index.html')).mtimeMs > inputs) return { dir: out, buildMs: null };
  rmSync(out, { recursive: true, force: true });
  const app = emptyApp(root);
  try {
    console.log('building the empty Taro H5 app into', out, '…');
    return { dir: out, buildMs: buildH5(app, out) };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

function brandTexts(dbFile, brandId) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db.prepare(`SELECT json_extract(doc, '$.report.name') AS name, json_extract(doc, '$.report.connotation') AS connotation FROM c_brands WHERE id = ?`).get(brandId);
    // The first paragraph's opening words: enough to know it is on screen, short enough not to wrap oddly.
    return [row.name, row.connotation.split('\n')[0].trim().slice(0, 12)];
  } finally {
    db.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function startHost(root, env) {
  const port = await freePort();
  const host = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'cloudfunctions', 'local', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', APP_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  host.stdout.on('data', (s) => (log += s));
  host.stderr.on('data', (s) => (log += s));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300 || host.exitCode !== null) throw new Error(`local host did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => host.kill('SIGTERM') };
}

/** Records, from before the first byte, when every one of `texts` is in the rendered text. */
function watchTexts(texts) {
  const seen = () => document.body && texts.every((t) => document.body.innerText.includes(t));
  const tick = () => {
    if (seen()) window.__textShownAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measurePage(browser, p) {
  const samples = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    if (p.openid) await context.addCookies([{ name: 'dev_openid', value: p.openid, url: p.base }]);
    await context.addInitScript(watchTexts, p.texts);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE_PROFILE.latencyMs,
      downloadThroughput: (MOBILE_PROFILE.downKbps * 1000) / 8,
      uploadThroughput: (MOBILE_PROFILE.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_PROFILE.cpuSlowdown });
    const calls = [];
    page.on('request', (r) => {
      const m = /\/api\/([A-Za-z0-9.]+)$/.exec(new URL(r.url()).pathname);
      if (m && r.method() === 'POST') calls.push(m[1]);
    });
    await page.goto(`${p.base}${p.path}`, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(() => window.__textShownAt ?? null, null, { timeout: 60_000, polling: 100 });
    const textMs = await shown.jsonValue();
    const paint = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, null, { timeout: 60_000, polling: 100 });
    const fcpMs = await paint.jsonValue();
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.(js|css)(\?|$)/.test(new URL(e.name).pathname))
        .reduce((a, e) => a + e.transferSize, 0),
    );
    // Text cannot be seen before the first paint: the later of the two.
    samples.push({ fcpMs, textMs: Math.max(textMs, fcpMs), bytes, calls: [...calls] });
    await context.close();
  }
  const callCounts = samples.map((s) => s.calls.length);
  return {
    page: p.name,
    path: p.path,
    loads: LOADS,
    fcpMedianMs: Math.round(median(samples.map((s) => s.fcpMs))),
    textShownMedianMs: Math.round(median(samples.map((s) => s.textMs))),
    textWatched: p.texts,
    fcpMs: samples.map((s) => Math.round(s.fcpMs)),
    textShownMs: samples.map((s) => Math.round(s.textMs)),
    jsCssTransferredBytes: Math.round(median(samples.map((s) => s.bytes))),
    cloudCalls: Math.max(...callCounts),
    cloudCallNames: samples[0].calls,
  };
}

// For a before/after in one sitting: BENCH_H5_DIR serves another H5 build, BENCH_HOST_ROOT runs
// another checkout's local host (e.g. main's, with its node_modules linked).
export async function measureFirstPaint(root, { dbFile, brandId, listBrandName, now }) {
  const project = process.env.BENCH_H5_DIR ? { dir: path.resolve(process.env.BENCH_H5_DIR), buildMs: null } : h5Dir(root);
  const hostRoot = process.env.BENCH_HOST_ROOT ? path.resolve(process.env.BENCH_HOST_ROOT) : root;
  const empty = emptyH5Dir(root);
  const emptyData = mkdtempSync(path.join(tmpdir(), 'bench-empty-data-'));
  const hosts = [];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const app = await startHost(hostRoot, { DATA_DIR: path.dirname(dbFile), DB_FILE: path.basename(dbFile), STATIC_DIR: project.dir, FAKE_NOW: now.toISOString() });
    hosts.push(app);
    const floor = await startHost(root, { DATA_DIR: emptyData, STATIC_DIR: empty.dir, FAKE_NOW: now.toISOString() });
    hosts.push(floor);
    const pages = [
      { key: 'floor', name: 'empty Taro H5 app (the floor)', base: floor.url, path: '/', openid: null, texts: ['hello'] },
      { key: 'home', name: 'home (signed in as a member)', base: app.url, path: '/', openid: 'dev-member-1', texts: ['您好'] },
      { key: 'list', name: 'showcase list (signed out)', base: app.url, path: '/packages/showcase/list/index', openid: null, texts: [listBrandName] },
      { key: 'brand', name: 'brand showcase page (signed out)', base: app.url, path: `/brand?id=${encodeURIComponent(brandId)}`, openid: null, texts: brandTexts(dbFile, brandId) },
    ];
    const results = {};
    // Interleaved by page, each page's loads back to back: the floor first, so a slower machine shows in its figure too.
    for (const p of pages) {
      results[p.key] = await measurePage(browser, p);
      const r = results[p.key];
      console.log(`${r.page}: first contentful paint ${r.fcpMedianMs} ms, text on screen ${r.textShownMedianMs} ms (median of ${LOADS}), JS+CSS ${(r.jsCssTransferredBytes / 1024).toFixed(1)} KB, ${r.cloudCalls} cloud call(s)${r.cloudCalls ? `: ${r.cloudCallNames.join(', ')}` : ''}`);
    }
    const ratio = (a, b) => Math.round((a / b) * 100) / 100;
    const summary = {
      profile: MOBILE_PROFILE,
      homeFcpRatio: ratio(results.home.fcpMedianMs, results.floor.fcpMedianMs),
      homeTextRatio: ratio(results.home.textShownMedianMs, results.floor.textShownMedianMs),
      listTextRatio: ratio(results.list.textShownMedianMs, results.floor.textShownMedianMs),
      brandTextMs: results.brand.textShownMedianMs,
      brandTextRatio: ratio(results.brand.textShownMedianMs, results.floor.textShownMedianMs),
      goals: { homeRatio: HOME_GOAL, brandTextMs: SHOWCASE_GOAL_MS },
    };
    console.log(
      `H5 on Lighthouse's mobile profile: home ${summary.homeFcpRatio}× the floor's first paint, ${summary.homeTextRatio}× its text (goal ≤ ${HOME_GOAL}×); ` +
        `brand page's name and first paragraph at ${summary.brandTextMs} ms (goal ≤ ${SHOWCASE_GOAL_MS} ms, ${summary.brandTextRatio}× the floor's text); showcase list ${summary.listTextRatio}× the floor's text`,
    );
    return { h5Dir: path.relative(root, project.dir) || project.dir, h5BuildMs: project.buildMs, emptyH5BuildMs: empty.buildMs, ...summary, pages: results };
  } finally {
    await browser.close();
    for (const h of hosts) h.stop();
    rmSync(emptyData, { recursive: true, force: true });
  }
}
