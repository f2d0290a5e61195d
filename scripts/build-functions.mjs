// Bundles each deployable cloud function (core + shared inlined) and the local host with esbuild.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const sdkVersion = rootPkg.devDependencies['wx-server-sdk'];
if (!/^\d+\.\d+\.\d+$/.test(sdkVersion)) throw new Error(`wx-server-sdk must be pinned to an exact version, found ${sdkVersion}`);

export const FUNCTIONS = ['api', 'scheduler'];

/**
 * Packages a function loads from its own node_modules instead of the bundle: the SDK, and the
 * office-file writers (exceljs reads its own files at run time and does not bundle cleanly).
 * Each must be pinned to an exact version in package.json; WeChat installs them on upload.
 */
const RUNTIME_PACKAGES = ['wx-server-sdk', 'docx', 'exceljs', 'jszip'];
const runtimeVersions = Object.fromEntries(
  RUNTIME_PACKAGES.map((name) => {
    const v = rootPkg.dependencies[name] ?? rootPkg.devDependencies[name];
    if (!/^\d+\.\d+\.\d+$/.test(v ?? '')) throw new Error(`${name} must be pinned to an exact version in package.json, found ${v}`);
    return [name, v];
  }),
);

/**
 * zod's entry re-exports all of its ~50 message locales (a third of the bundle's bytes, parsed at
 * every cold start); the contracts write their own Chinese messages and use none of them. The
 * locales index resolves to English alone, which zod's schemas load by default anyway.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (a) => (a.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: root }));
  },
};

async function bundle(entry, outfile, external) {
  const started = Date.now();
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    // WeChat cloud functions run on Node 16 or newer.
    target: 'node16',
    format: 'cjs',
    external,
    sourcemap: false,
    minify: true,
    // No keepNames: it adds ~900 name-setting calls that run at every cold start (~10 ms here).
    // Errors are logged with their code and message; stack frames carry minified names.
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  });
  const size = statSync(path.join(root, outfile)).size;
  console.log(`  ${outfile}  ${(size / 1024).toFixed(1)} KB  (${Date.now() - started} ms)`);
  return size;
}

console.log('building cloud functions:');
for (const name of FUNCTIONS) {
  const out = path.join('dist/cloudfunctions', name);
  mkdirSync(path.join(root, out), { recursive: true });
  await bundle(`cloudfunctions/${name}/index.ts`, `${out}/index.js`, RUNTIME_PACKAGES);
  copyFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), path.join(root, out, 'config.json'));
  const pkg = { name, version: rootPkg.version, private: true, main: 'index.js', dependencies: runtimeVersions };
  writeFileSync(path.join(root, out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}
// The api function answers the public showcase (GET /brand?id=…) through its HTTP route with the
// page pre-rendered into the H5 app's index.html, whose assets load from the static site
// (H5_PUBLIC_BASE_URL). Build the H5 app first (the deploy does) for the function to carry it.
const h5Index = path.join(root, 'dist', 'h5', 'index.html');
const shellFile = path.join(root, 'dist', 'cloudfunctions', 'api', 'showcase-shell.json');
if (existsSync(h5Index)) {
  writeFileSync(shellFile, `${JSON.stringify({ html: readFileSync(h5Index, 'utf8'), assetBase: process.env.H5_PUBLIC_BASE_URL || null })}\n`);
  console.log(`  dist/cloudfunctions/api/showcase-shell.json  (the H5 shell for GET /brand${process.env.H5_PUBLIC_BASE_URL ? `, assets from ${process.env.H5_PUBLIC_BASE_URL}` : ''})`);
} else {
  rmSync(shellFile, { force: true });
  console.log('  (no dist/h5/index.html yet: the api function will not pre-render /brand; build h5 first)');
}
console.log('building the local host:');
await bundle('cloudfunctions/local/main.ts', 'dist/local/server.js', ['better-sqlite3', ...RUNTIME_PACKAGES]);
