// project.config.json as WeChat DevTools opens it (the repository root, miniprogramRoot
// dist/weapp/) passes every item of miniprogram-ci's checkCodeQuality, minification included, so
// a package uploaded from DevTools is compressed too, not only the deploy script's copy.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OfflineReport } from '../../scripts/deploy/checks.mts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('project.config.json at the repository root', () => {
  it('turns JS, WXML and WXSS minification on', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string; setting: Record<string, unknown> };
    expect(config.miniprogramRoot).toBe('dist/weapp/');
    expect(config.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  });

  it('passes miniprogram-ci checkCodeQuality 11/11 on the weapp build', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weapp-quality-'));
    try {
      const keyPath = path.join(dir, 'private.key');
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      writeFileSync(keyPath, privateKey);
      // The checks leave file watchers open: they run in their own process, which exits.
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'deploy', 'checks.mts'), ROOT, 'wx0123456789abcdef', keyPath], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      const json = /@@REPORT@@(.*)/.exec(r.stdout ?? '')?.[1];
      expect(json, `checks did not report (exit ${r.status ?? r.signal}):\n${(r.stderr ?? '').slice(-2000)}`).toBeTruthy();
      const report = JSON.parse(json ?? '{}') as OfflineReport;
      const failed = report.quality.items.filter((i) => !i.success);
      expect(failed, failed.map((i) => `${i.name}: ${i.text}`).join('\n')).toEqual([]);
      expect(report.quality.items).toHaveLength(11);
      expect(report.analyse.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
