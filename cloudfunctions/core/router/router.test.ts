import { beforeEach, describe, expect, it } from 'vitest';
import { contracts } from '@shared/contracts';
import { createHarness, HOST, NEWCOMER, OPEN_BATCH, type Harness } from '../../../test/support/harness';
import { procedures } from '../procedures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function snapshot() {
  return Promise.all(['users', 'projects', 'hostSlots', 'audit'].map((c) => h.store.count(c)));
}

describe('the router', () => {
  it('has a handler for every contract and nothing else', () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(contracts).sort());
  });

  it('answers an unknown procedure with NOT_FOUND', async () => {
    const r = await h.raw(HOST, 'project.delete', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a malformed envelope with VALIDATION in Chinese', async () => {
    const r = await h.router.call({ openid: HOST }, 'not an object');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('names the bad field in Chinese', async () => {
    const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    const r = await h.err(HOST, 'project.saveDraft', {
      id: p._id,
      version: p.version,
      fields: { title: 'x', contactPhone: '', category: 'nonsense', goals: '', measures: '', expectedOutcomes: '', budget: [] },
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('项目类别');
  });

  it('refuses unknown input keys rather than ignoring them', async () => {
    const r = await h.err(HOST, 'project.create', { batchId: OPEN_BATCH, hostId: 'u_someone-else' });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('hostId');
  });

  it('answers a caller without a bound profile with UNAUTHENTICATED', async () => {
    expect((await h.err(NEWCOMER, 'project.listMine', {})).code).toBe('UNAUTHENTICATED');
    expect((await h.err(NEWCOMER, 'project.create', { batchId: OPEN_BATCH })).code).toBe('UNAUTHENTICATED');
  });

  it('answers a call with no platform identity with UNAUTHENTICATED', async () => {
    expect((await h.raw(null, 'session.me', {})).ok).toBe(false);
  });

  it('changes nothing in the store when a call fails', async () => {
    const before = await snapshot();
    const bad: Array<[string, unknown]> = [
      ['project.create', { batchId: 'batch-2022-2' }],
      ['project.create', { batchId: 'no-such-batch' }],
      ['project.create', { batchId: 42 }],
      ['project.submit', { id: 'missing', version: 1 }],
      ['profile.bind', { name: '张三' }],
      ['committee.inbox', {}],
    ];
    for (const [procedure, input] of bad) expect((await h.raw(HOST, procedure, input)).ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('leaks no internals when a handler fails unexpectedly', async () => {
    await h.store.close();
    const r = await h.raw(HOST, 'project.listMine', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });
});

describe('validation messages', () => {
  it('name the brand field, not a field of another form with the same key', async () => {
    const b = await h.ok('dev-secretary-cs', 'brand.create', { year: 2026 });
    const e = await h.err('dev-secretary-cs', 'brand.save', { id: b._id, version: b.version, report: { ...b.report, name: '党'.repeat(21) } });
    expect(e.message).toBe('品牌名称不能超过20个字');
    const missing = await h.err('dev-secretary-cs', 'brand.save', { id: b._id, version: b.version, report: { ...b.report, carriers: [{ description: '', projectId: null, photos: [] }] } });
    expect(missing.message).toContain('活动载体名称');
  });
});
