import { describe, expect, it } from 'vitest';
import { createHarness, HOST } from '../../../../test/support/harness';
import { openSqliteStore } from '../../adapters/sqlite/store';
import { createApp } from '../../app';
import { loadReminderConfig } from '../../jobs/reminder-config';

describe('subscriptions and 我的待办', () => {
  it('counts accepted taps per template; reject and ban are recorded, ban zeroes the counter', async () => {
    const h = await createHarness();
    const t = await h.ok(HOST, 'subscribe.templates', {});
    expect(t.templates.length).toBeLessThanOrEqual(3);
    expect(t.templates.map((x) => x.key)).toContain('deadline');
    await h.ok(HOST, 'subscribe.record', { results: { deadline: 'accept', task: 'reject' } });
    const r = await h.ok(HOST, 'subscribe.record', { results: { deadline: 'accept' } });
    expect(r.grants).toContainEqual({ templateKey: 'deadline', remaining: 2, lastResult: 'accept' });
    expect(r.grants).toContainEqual({ templateKey: 'task', remaining: 0, lastResult: 'reject' });
    const banned = await h.ok(HOST, 'subscribe.record', { results: { deadline: 'ban' } });
    expect(banned.grants).toContainEqual({ templateKey: 'deadline', remaining: 0, lastResult: 'ban' });
    expect((await h.err(HOST, 'subscribe.record', { results: { nope: 'accept' } })).code).toBe('VALIDATION');
  });

  it('shows a fresh draft in 我的待办 with the deadline counted down in Beijing time', async () => {
    const h = await createHarness();
    await h.ok(HOST, 'project.create', { batchId: 'batch-2026-open' });
    const todo = await h.ok(HOST, 'todo.mine', {});
    const draft = todo.items.find((i) => i.kind === 'submitDraft');
    expect(draft?.daysLeft).toBeGreaterThan(0);
    expect(draft?.deadlineText).toContain('（北京时间）');
    expect(draft?.link).toMatch(/^\/packages\/project\/edit\/index\?id=/);
    expect(todo.count).toBe(todo.items.length);
  });

  it('only the 组织部 may run the scheduler', async () => {
    const h = await createHarness();
    expect((await h.err(HOST, 'scheduler.run', {})).code).toBe('FORBIDDEN');
  });

  it('a bad template configuration stops start-up with a clear message', () => {
    expect(() => loadReminderConfig({ REMINDER_CONFIG: '{not json' })).toThrow(/REMINDER_CONFIG 不是有效的 JSON/);
    const bad = JSON.stringify({ templates: [], duties: {}, offsets: [7], sendHour: 9 });
    const env = process.env.REMINDER_CONFIG;
    process.env.REMINDER_CONFIG = bad;
    try {
      expect(() => createApp({ store: openSqliteStore(':memory:') })).toThrow(/订阅消息模板配置有误/);
    } finally {
      if (env === undefined) delete process.env.REMINDER_CONFIG;
      else process.env.REMINDER_CONFIG = env;
    }
  });
});
