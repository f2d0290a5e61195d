import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLocalConfig } from './config';
import { startLocalHost, type LocalHost } from './server';

const hosts: LocalHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
});

async function post(host: LocalHost, pathname: string, body: unknown, openid?: string) {
  const res = await fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { cookie: `dev_openid=${openid}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
}

describe('reminders on the local host', () => {
  it('runs the job on demand as of a date and shows the message in the dev inbox', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'djrm-'));
    const host = await startLocalHost(parseLocalConfig({ PORT: '0', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-h5'), APP_ENV: 'test', DEMO: 'off', FAKE_NOW: '2026-11-27T02:00:00Z' }));
    hosts.push(host);
    const me = 'dev-member-1';
    expect((await post(host, '/api/project.create', { input: { batchId: 'batch-2026-open' } }, me)).ok).toBe(true);
    expect((await post(host, '/api/subscribe.record', { input: { results: { deadline: 'accept' } } }, me)).ok).toBe(true);
    const todo = (await post(host, '/api/todo.mine', { input: {} }, me)).data as { count: number; items: Array<{ kind: string; deadline: string }> };
    const draft = todo.items.find((i) => i.kind === 'submitDraft');
    expect(draft).toBeDefined();
    const sevenBefore = new Date(`${draft?.deadline}T09:30:00+08:00`);
    sevenBefore.setUTCDate(sevenBefore.getUTCDate() - 7);

    const run = await post(host, '/dev/scheduler/run', { asOf: sevenBefore.toISOString() });
    expect(run.data).toMatchObject({ sent: 1 });
    const again = await post(host, '/dev/scheduler/run', { asOf: sevenBefore.toISOString() });
    expect(again.data).toMatchObject({ sent: 0, queued: 0 });

    const html = await (await fetch(`${host.url}/dev/inbox`)).text();
    expect(html).toContain('截止提醒');
    expect(html).toContain('提交申报');
    expect(html).toContain('width=device-width');
  });
});
