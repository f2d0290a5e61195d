import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the e2e suite drives it through playwright-core (no bundled browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/**
 * Returns the Chromium executable path. When it is missing and we run as root, installs it (with CJK
 * fonts so the Chinese pages render) and checks again; otherwise fails with the command to run.
 * Never skips: a missing browser is a failure, not a pass.
 */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${CHROMIUM_PATH}; installing: ${INSTALL_COMMAND}`);
    const r = spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`installing Chromium failed (exit ${r.status ?? r.signal}); run as root: ${INSTALL_COMMAND}`);
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
    throw new Error(`Chromium still missing at ${CHROMIUM_PATH} after "${INSTALL_COMMAND}"`);
  }
  throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it (as root) with:\n  sudo sh -c '${INSTALL_COMMAND}'`);
}

/** Launches headless Chromium with a fresh profile and nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
