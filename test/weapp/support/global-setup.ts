import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWeappBuilt } from '../../support/build-once';
import { compiledWxml } from './wxml';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'weapp');

/**
 * The weapp project tests the compiled dist/weapp: build it once before any file runs, and compile
 * its WXML with WeChat's wcc once (kept by the build's hash, so every test file reads the same script).
 */
export default async function setup(): Promise<void> {
  await ensureWeappBuilt();
  const started = Date.now();
  const { hash, compiled } = compiledWxml(DIST);
  if (compiled) console.log(`wcc: compiled the WXML of dist/weapp (${hash}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
