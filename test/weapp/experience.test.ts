// 体验评分 while typing in the 申报书: a thumb types into two fields, a key every 100 ms, with
// autosave on (it saves 1.2 s after the last change). Every setData stays ≤ 256 KB, at most 20
// fall in any second of the double's clock, and the drawn page keeps within nodes < 1000, depth
// < 30 and children < 60 (support/audit.ts; the first open of each page is in pages.test.ts).
import type { Project } from '@shared/domain/project/project';
import { describe, expect, it } from 'vitest';
import { ADMIN, HOST } from '../support/harness';
import { busiestWindow, figures, overThresholds } from './support/audit';
import type { Frame } from './support/runtime';
import { useWeapp } from './support/session';
import { KEY_EVERY_MS, TYPED } from './support/typing';

const w = useWeapp({ world: true });

describe('体验评分 while typing in the 申报书', () => {
  it('keeps setData and the drawn page within DevTools’ thresholds, and autosaves', async () => {
    w.rt.as(HOST);
    const id = w.world.projects.draft.cs.id;
    await w.me.open(`/packages/project/edit/index?id=${id}`);
    await w.me.waitFor('基本信息');
    const start = w.rt.frames.length;
    for (const [field, text] of Object.entries(TYPED)) await w.me.typeKeys(field, text, KEY_EVERY_MS);
    await w.me.waitFor(/已自动保存 \d{2}:\d{2}/, 10_000);
    const typing = figures(w.rt.frames.slice(start).filter((f) => f.route === 'packages/project/edit/index'));
    expect(typing.calls, 'each key reaches the page').toBeGreaterThanOrEqual([...Object.values(TYPED).join('')].length);
    expect(overThresholds(typing), JSON.stringify(typing)).toEqual([]);
    const stored = await w.cloud.store.get<Project>('projects', id);
    expect(stored?.fields.background).toContain(TYPED['field-background']);
    expect(w.rt.errors).toEqual([]);
  });
});

describe('体验评分 of 批次管理 at a university’s scale', () => {
  it('draws 10 batches at a time, within the thresholds, however many the 组织部 sees', async () => {
    for (let i = 1; i <= 20; i++) {
      const input = { name: `规模批次${i}`, year: 2026, level: 'school' as const, calendar: { submissionDeadline: '2026-12-27', recommendationDeadline: '2027-01-06' }, grantPerProject: 2_000_000, quota: 5, noticeTitle: '', paperInstructions: '' };
      const r = await w.cloud.router.call({ openid: ADMIN }, { procedure: 'batch.create', input, requestId: `scale-${i}` });
      expect(r.ok).toBe(true);
    }
    w.rt.as(ADMIN);
    const start = w.rt.frames.length;
    await w.me.open('/packages/admin/batches/index');
    await w.me.waitFor('显示更早的批次（还有 23 个）');
    const opened = figures(w.rt.frames.slice(start).filter((f) => f.route === 'packages/admin/batches/index'));
    expect(overThresholds(opened), JSON.stringify(opened)).toEqual([]);
    expect(w.me.all('batch-item')).toHaveLength(10);
    for (const more of [13, 3]) {
      await w.me.tap({ cls: 'batch-more' });
      expect(w.me.has(`显示更早的批次（还有 ${more} 个）`)).toBe(true);
    }
    await w.me.tap({ cls: 'batch-more' });
    expect(w.me.all('batch-item')).toHaveLength(33);
    expect(w.me.has('规模批次20')).toBe(true);
    expect(w.me.has('显示更早的批次')).toBe(false);
  });
});

describe('the 体验评分 checks', () => {
  const frame = (at: number, bytes = 100, nodes = 10): Frame => ({ route: 'p', at, bytes, shape: { nodes, depth: 3, children: 2 }, drawMs: 0 });
  it('count setData calls in the busiest second, and flag each figure past its threshold', () => {
    const steady = Array.from({ length: 40 }, (_, i) => frame(i * 50));
    expect(busiestWindow(steady)).toBe(20);
    expect(overThresholds(figures(steady))).toEqual([]);
    const burst = Array.from({ length: 21 }, (_, i) => frame(5000 + i * 10));
    expect(overThresholds(figures([...steady, ...burst]))).toEqual(['21 setData calls in one second (≤ 20)']);
    expect(overThresholds(figures([frame(0, 256 * 1024 + 1, 1000)]))).toEqual(['a setData of 256.0 KB (≤ 256 KB)', '1000 nodes (< 1000)']);
  });
});
