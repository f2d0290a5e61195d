import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal, type ProjectState } from '@shared/domain/project/state';
import type { Project } from '@shared/domain/project/project';
import type { Brand } from '@shared/domain/brand/brand';
import type { StoredDoc } from '../../core/ports/store';
import { openSqliteStore } from '../../core/adapters/sqlite/store';
import { createLocalFiles } from '../../core/adapters/local/files';
import { createApp } from '../../core/app';
import { seedIfEmpty } from '../seed';
import { seedDemo } from './index';

const NOW = new Date('2026-12-02T06:00:00Z');

async function seeded() {
  const dir = mkdtempSync(path.join(tmpdir(), 'demo-'));
  const store = openSqliteStore(path.join(dir, 'demo.sqlite'));
  const files = createLocalFiles(path.join(dir, 'files'));
  await seedIfEmpty(store, NOW);
  const started = Date.now();
  await seedDemo(store, files, NOW);
  const ms = Date.now() - started;
  const router = createApp({ store, clock: () => NOW, files, publicRateLimit: null });
  const call = async (openid: string | null, procedure: string, input: unknown) => {
    const r = await router.call(openid ? { openid } : null, { procedure, input, requestId: `t${Math.random()}` });
    if (!r.ok) throw new Error(`${procedure}: ${r.error.message}`);
    return r.data as never;
  };
  return { store, ms, call };
}

const IDENTITIES_WITH_TODOS = ['dev-member-1', 'dev-member-2', 'dev-secretary-cs', 'dev-secretary-me', 'dev-reviewer'];

describe('the demo seed', async () => {
  const { store, ms, call } = await seeded();

  it('takes a few seconds at most', () => {
    console.log(`demo seed: ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
  });

  it('leaves projects in every state the issue lists, across its batches', async () => {
    const projects = await store.find<Project>('projects', { limit: 100 });
    const states = new Set(projects.map((p) => p.state));
    const wanted: ProjectState[] = ['draft', 'submitted', 'returned', 'recommended', 'under_review', 'in_publicity', 'approved', 'cultivating', 'terminated', 'concluded'];
    for (const s of wanted) expect(states, s).toContain(s);
    expect(new Set(projects.map((p) => p.batchId)).size).toBeGreaterThanOrEqual(4);
    // The notice's 2022 batch is finished: nothing in it is still under way.
    expect(projects.filter((p) => p.batchId === 'batch-2022-2').every((p) => isTerminal(p.state))).toBe(true);
    // Recommended with ranks; a tranche paid, expenses with receipts, guidance, a midterm passed.
    expect(projects.filter((p) => p.state === 'recommended').length).toBeGreaterThanOrEqual(2);
    const passed = projects.find((p) => p.state === 'cultivating' && p.midtermPassed);
    expect(passed).toBeDefined();
    const funding = (await call('dev-admin', 'funding.status', { projectId: passed?._id })) as { paidFen: number; spentFen: number; expenses: Array<{ receipts: string[] }> };
    expect(funding.paidFen).toBeGreaterThan(0);
    expect(funding.expenses.length).toBeGreaterThan(0);
    expect(funding.expenses.every((e) => e.receipts.length > 0)).toBe(true);
    expect(((await call('dev-secretary-cs', 'guidance.list', { projectId: passed?._id })) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    // Some scores in, in the round under review; an objection in the 公示.
    const reviews = await store.find<StoredDoc>('reviews', { limit: 100 });
    expect(reviews.length).toBeGreaterThan(0);
    const inPublicity = projects.find((p) => p.state === 'in_publicity');
    expect(((await call('dev-admin', 'review.objections', { batchId: inPublicity?.batchId })) as unknown[]).length).toBe(1);
  });

  it('fills the showcase with three brands or more, each with its 标识, photos and events', async () => {
    const list = (await call(null, 'brand.publicList', {})) as Array<{ _id: string }>;
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const b of list) {
      const pub = (await call(null, 'brand.public', { id: b._id })) as { logo: { url: string } | null; carriers: Array<{ photos: string[] }>; events: unknown[] };
      expect(pub.logo?.url).toMatch(/^\/files\//);
      expect(pub.carriers[0].photos.length).toBeGreaterThan(0);
      expect(pub.events.length).toBeGreaterThan(0);
    }
    const states = new Set((await store.find<Brand>('brands', { limit: 20 })).map((b) => b.state));
    for (const s of ['promoted', 'accepted', 'submitted', 'draft'] as const) expect(states, s).toContain(s);
  });

  it('gives each demo identity to-dos and reminders', async () => {
    const inbox = await store.find<StoredDoc & { toUserId: string }>('devInbox', { limit: 100 });
    for (const openid of IDENTITIES_WITH_TODOS) {
      const todo = (await call(openid, 'todo.mine', {})) as { count: number };
      expect(todo.count, openid).toBeGreaterThan(0);
      expect(inbox.some((m) => m.toUserId === `u_${openid}`), openid).toBe(true);
    }
    // The 组织部 owes no deadline duty; what it has to act on arrives as 消息: the objection first.
    const admin = (await call('dev-admin', 'messages.list', {})) as { unread: Array<{ title: string }> };
    expect(admin.unread.map((m) => m.title)).toContainEqual(expect.stringContaining('收到公示异议'));
  });

  it('gives each identity the queue the sign-in page promises (issue 27)', async () => {
    type Todo = { count: number; items: Array<{ kind: string; count: number; link: string }> };
    const kinds = async (openid: string) => ((await call(openid, 'todo.mine', {})) as Todo).items.map((i) => i.kind);
    // 刘芳: the objection, the 认定, the first tranche and the midterm, none with a calendar date.
    expect(await kinds('dev-admin')).toEqual(expect.arrayContaining(['answerObjection', 'recognizeBrand', 'payFirstTranche', 'acceptMidterm']));
    // 王建国: the applications to decide and the newly bound student to confirm.
    const wang = await kinds('dev-secretary-cs');
    expect(wang).toEqual(expect.arrayContaining(['decideApplications', 'confirmIdentity']));
    // 赵明: the applications to score.
    expect(await kinds('dev-reviewer')).toContain('scoreReviews');
    for (const openid of [...IDENTITIES_WITH_TODOS, 'dev-admin']) {
      const todo = (await call(openid, 'todo.mine', {})) as Todo;
      expect(todo.count, openid).toBe(todo.items.reduce((n, i) => n + i.count, 0));
    }
  });
});
