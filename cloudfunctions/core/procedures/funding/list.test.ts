import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, MEMBER2, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import type { Project } from '@shared/domain/project/project';
import { approvedProject, GRANT, passedMidterm } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

describe('the 组织部’s list of funded projects', () => {
  it('shows every approved project of the batch with what is paid and what is due', async () => {
    const a = await passedMidterm(h); // tranche 1 paid, midterm passed: tranche 2 due
    const b = await approvedProject(h, 20_000, MEMBER2); // nothing paid yet: tranche 1 due
    const list = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH });
    expect(list).toMatchObject({ total: 2, page: 0, due: 2, midterm: 0, final: 0 });
    const byId = Object.fromEntries(list.items.map((x) => [x.projectId, x]));
    expect(byId[a._id]).toMatchObject({ state: 'cultivating', grantFen: GRANT, paidFen: 5_000, dueTranche: 2, midtermPassed: true, committeeName: '计算机与软件学院党委' });
    expect(byId[b._id]).toMatchObject({ state: 'approved', grantFen: 20_000, paidFen: 0, dueTranche: 1, hostName: '李思雨' });
    expect((await h.err(SECRETARY_CS, 'funding.list', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'funding.list', { batchId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('a batch with many funded projects', () => {
  it('answers a page of 50 rows at a time, with the whole batch’s counts', async () => {
    const a = await passedMidterm(h);
    const stored = (await h.store.get<Project>('projects', a._id))!;
    const { _id: _ignored, version: _v, ...doc } = stored;
    // 119 more approved (tranche 1 due) projects of the same batch, written directly.
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < 119; i += 1) await tx.insert<Project>('projects', { ...doc, _id: `bulk-${i}`, hostId: `u_bulk-${i}`, state: 'approved', midtermPassed: false });
    });
    const first = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH });
    expect(first).toMatchObject({ total: 120, page: 0, pageSize: 50, due: 120, midterm: 0, final: 0 });
    expect(first.items).toHaveLength(50);
    const last = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, page: 2 });
    expect(last.items).toHaveLength(20);
    // Every project once across the pages.
    const second = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, page: 1 });
    const ids = new Set([...first.items, ...second.items, ...last.items].map((p) => p.projectId));
    expect(ids.size).toBe(120);
    // A page past the end shows the last one rather than nothing.
    expect((await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, page: 9 })).page).toBe(2);
    expect((await h.err(ADMIN, 'funding.list', { batchId: OPEN_BATCH, page: -1 })).code).toBe('VALIDATION');
  });
});
