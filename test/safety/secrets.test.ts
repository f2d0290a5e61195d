import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No secret in the repository: deploy keys, AppIDs, cloud credentials and env files stay on the
 * deployer's machine (scripts/deploy reads them from the environment or a path given there).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|json|md|css|html|txt|yml|yaml|sh|env|key|pem|config)$|^[^.]+$/;

function texts(): Array<[string, string]> {
  return tracked
    .filter((f) => TEXT.test(path.basename(f)) || f.includes('.env'))
    .map((f): [string, string] => {
      try {
        return [f, readFileSync(path.join(root, f), 'utf8')];
      } catch {
        return [f, '']; // deleted in the working tree
      }
    });
}

/** Placeholders that look like an AppID on purpose (an example in an error message). */
const APPID_ALLOWED = new Set(['wx1234567890abcdef', 'wx0123456789abcdef']);

describe('secrets and identifiers in tracked files', () => {
  it('scans a real list of files', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked).toContain('project.config.json');
  });

  it('holds no private key', () => {
    const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[\r\n]+[A-Za-z0-9+/=\r\n]{64,}-----END/;
    expect(texts().filter(([, s]) => key.test(s)).map(([f]) => f)).toEqual([]);
    expect(tracked.filter((f) => /(^|\/)private\..*\.key$|\.pem$/.test(f))).toEqual([]);
  });

  it('holds no AppID, Tencent Cloud SecretId or env file', () => {
    const found: string[] = [];
    for (const [f, s] of texts()) {
      for (const m of s.matchAll(/\bwx[0-9a-f]{16}\b/g)) if (!APPID_ALLOWED.has(m[0])) found.push(`${f}: ${m[0]}`);
      for (const m of s.matchAll(/\bAKID[0-9A-Za-z]{32}\b/g)) found.push(`${f}: ${m[0].slice(0, 8)}…`);
    }
    expect(found).toEqual([]);
    expect(tracked.filter((f) => /(^|\/)\.env(\.|$)/.test(f) && !f.endsWith('.example'))).toEqual([]);
  });

  it('keeps the tourist AppID placeholder in project.config.json', () => {
    const cfg = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid: string };
    expect(cfg.appid).toBe('touristappid');
  });

  it('denies every client read and write in the database security rules', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'cloudfunctions', 'database.rules.json'), 'utf8'))).toEqual({ read: false, write: false });
  });
});
