import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The layering rules must catch a violation, not just pass on a clean tree: plant one and look.
const root = path.resolve(import.meta.dirname, '..');
const probes: string[] = [];

function plant(rel: string, source: string) {
  const file = path.join(root, rel);
  writeFileSync(file, source);
  probes.push(file);
}

function cruise() {
  const r = spawnSync('npx', ['depcruise', 'shared', 'miniprogram', 'cloudfunctions', '--config', '.dependency-cruiser.cjs'], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

afterEach(() => {
  while (probes.length) rmSync(probes.pop() as string, { force: true });
});

describe('the layering check', () => {
  it('passes on the tree as it is', () => {
    expect(cruise().status).toBe(0);
  });

  it('fails when shared/ imports Node, a platform or the server', () => {
    plant(
      'shared/zz-probe-deps.ts',
      "import fs from 'node:fs';\nimport cloud from 'wx-server-sdk';\nimport Taro from '@tarojs/taro';\nimport { createApp } from '../cloudfunctions/core/app';\nexport const probe = [fs, cloud, Taro, createApp];\n",
    );
    const r = cruise();
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('shared-is-pure');
    expect(r.out).toContain('wx-server-sdk');
    expect(r.out).toContain('@tarojs/taro');
    expect(r.out).toContain('shared-imports-only-shared');
  });

  it('fails when the mini-program imports server code', () => {
    plant('miniprogram/zz-probe-deps.ts', "import { createApp } from '../cloudfunctions/core/app';\nexport const probe = createApp;\n");
    const r = cruise();
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('app-not-to-server');
  });

  it('fails on an import cycle', () => {
    plant('shared/zz-probe-a.ts', "import { b } from './zz-probe-b';\nexport const a = () => b;\n");
    plant('shared/zz-probe-b.ts', "import { a } from './zz-probe-a';\nexport const b = () => a;\n");
    const r = cruise();
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('no-cycles');
  });
});

// One way to import the domain: `@shared/...` from the server, the app and the tests alike.
describe('imports of shared/', () => {
  it('go through the @shared alias outside shared/ itself', () => {
    const r = spawnSync('git', ['grep', '-nE', "(from |import\\()'(\\.\\./)+shared/", '--', 'cloudfunctions', 'miniprogram', 'test', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toBe('');
  });
});
