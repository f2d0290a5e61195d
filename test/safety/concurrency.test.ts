import { afterAll, describe, expect, it } from 'vitest';
import type { CallResult } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import type { AuditEntry } from '../../cloudfunctions/core/services/audit';
import { createApp } from '../../cloudfunctions/core/app';
import { seedIfEmpty } from '../../cloudfunctions/local/seed';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../support/harness';
import { openWechatStore, stopWechatFake } from '../support/wechat-store';
import { approved, drafted, inPublicityPair, PERIOD, stored, submitted, underReviewPair, uid } from './journey';

/**
 * Conflicting actions sent at the same moment, through the real router on SQLite (and the
 * WeChat adapter over the loopback CloudBase fake): exactly one wins, the other gets an honest
 * refusal, and what is stored is consistent — one audit line, one payment, the right version.
 */

afterAll(stopWechatFake);

const REVIEWER = 'dev-reviewer';
const LOSING = ['CONFLICT', 'INVALID_TRANSITION', 'ALREADY_EXISTS'];

function split(results: Array<CallResult<unknown>>) {
  const won = results.filter((r) => r.ok);
  const lost = results.filter((r): r is Extract<CallResult<unknown>, { ok: false }> => !r.ok);
  return { won, lost };
}

function expectOneWinner(results: Array<CallResult<unknown>>) {
  const { won, lost } = split(results);
  expect(won, JSON.stringify(results)).toHaveLength(1);
  for (const r of lost) {
    expect(LOSING, r.error.message).toContain(r.error.code);
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
  }
  return { won, lost };
}

async function auditOf(h: Harness, entityId: string, action?: string): Promise<AuditEntry[]> {
  const all = await h.store.find<AuditEntry>('audit', { where: { entityId }, limit: 100 });
  return action ? all.filter((a) => a.action === action) : all;
}

describe('conflicting actions in parallel (SQLite)', () => {
  it('double submit: one submission, one audit line, version +1', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const results = await Promise.all([1, 2, 3].map(() => h.raw(HOST, 'project.submit', { id: p._id, version: p.version })));
    expectOneWinner(results);
    const after = await stored(h, p._id);
    expect(after).toMatchObject({ state: 'submitted', version: p.version + 1 });
    expect(await auditOf(h, p._id, 'submit')).toHaveLength(1);
  });

  it('two committee decisions on one application: only one stands', async () => {
    const h = await createHarness();
    const p = await submitted(h);
    const results = await Promise.all([
      h.raw(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'recommend', comment: '同意推荐', rank: 1 }),
      h.raw(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'return', comment: '请补充材料' }),
      h.raw(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'notRecommend', comment: '不予推荐' }),
    ]);
    const { won } = expectOneWinner(results);
    const after = await stored(h, p._id);
    expect(after.version).toBe(p.version + 1);
    expect(after.state).toBe((won[0] as { data: { state: string } }).data.state);
    const decisions = (await auditOf(h, p._id)).filter((a) => ['recommend', 'return', 'notRecommend'].includes(a.action));
    expect(decisions).toHaveLength(1);
    expect(await h.store.count('rankSlots')).toBe(after.state === 'recommended' ? 1 : 0);
  });

  it('two admins finalizing the same 公示 at once: one release, the other refused', async () => {
    const h = await createHarness();
    const [a, b] = await inPublicityPair(h);
    const results = await Promise.all([
      h.raw(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [a._id, b._id], reject: [] }),
      h.raw(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: [a._id], reject: [{ projectId: b._id, reason: '名额所限' }] }),
    ]);
    const { won } = expectOneWinner(results);
    const approvedIds = ((won[0] as { data: { approved: Array<{ projectId: string }> } }).data.approved).map((x) => x.projectId).sort();
    for (const p of [a, b]) {
      const after = await stored(h, p._id);
      expect(after.version).toBe(p.version + 1);
      expect(after.state).toBe(approvedIds.includes(p._id) ? 'approved' : 'rejected');
      expect((await auditOf(h, p._id)).filter((x) => x.action === 'approve' || x.action === 'reject').length).toBe(1);
    }
  });

  it('double disbursement of the same tranche: one payment', async () => {
    const h = await createHarness();
    const p = await approved(h);
    const pay = { projectId: p._id, tranche: 1, amountFen: 1_000_000, note: '' };
    const results = await Promise.all([h.raw(ADMIN, 'funding.disburse', pay), h.raw(ADMIN, 'funding.disburse', pay), h.raw(ADMIN, 'funding.disburse', { ...pay, amountFen: 900_000 })]);
    expectOneWinner(results);
    expect(await h.store.count('disbursements', { projectId: p._id })).toBe(1);
    const after = await stored(h, p._id);
    expect(after.state).toBe('cultivating');
    expect(await auditOf(h, p._id, 'startCultivation')).toHaveLength(1);
  });

  it('a reviewer scoring while the round is publicised: either the score is in before, or it is refused', async () => {
    for (const scoreFirst of [true, false]) {
      const h = await createHarness();
      const [a] = await underReviewPair(h);
      await h.ok(ADMIN, 'review.assign', { batchId: OPEN_BATCH, projectId: a._id, reviewerIds: [uid(REVIEWER)] });
      const score = () => h.raw(REVIEWER, 'review.score', { projectId: a._id, scores: { fit: 9, innovation: 9, practice: 9, effect: 9, support: 9 }, comment: '' });
      const publicize = () => h.raw(ADMIN, 'review.publicize', { batchId: OPEN_BATCH, projectIds: [a._id], ...PERIOD });
      const [s, pub] = scoreFirst ? await Promise.all([score(), publicize()]) : (await Promise.all([publicize(), score()])).reverse();
      expect(pub.ok, JSON.stringify(pub)).toBe(true);
      const reviews = await h.store.count('reviews', { projectId: a._id });
      if (s.ok) expect(reviews).toBe(1);
      else {
        expect(['INVALID_TRANSITION', 'DEADLINE_PASSED', 'CONFLICT']).toContain(s.error.code);
        expect(reviews).toBe(0);
      }
      expect((await stored(h, a._id)).state).toBe('in_publicity');
    }
  });

  it('the same request id sent twice at once acts once and both get the same answer', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const [x, y] = await Promise.all([
      h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'same-id'),
      h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'same-id'),
    ]);
    expect(x.ok, JSON.stringify(x)).toBe(true);
    expect(y).toEqual(JSON.parse(JSON.stringify(x)));
    expect(await auditOf(h, p._id, 'submit')).toHaveLength(1);
    expect((await stored(h, p._id)).version).toBe(p.version + 1);
  });
});

describe('conflicting actions in parallel (WeChat adapter over the CloudBase fake)', () => {
  async function wechatHarness() {
    const { store } = await openWechatStore();
    const now = new Date('2026-11-27T02:00:00Z');
    await seedIfEmpty(store, now);
    let n = 0;
    const router = createApp({ store, clock: () => now, newId: () => `w${++n}`, logger: { error: () => {} } });
    const call = (openid: string, procedure: string, input: unknown, requestId = `wr${++n}`) => router.call({ openid }, { procedure, input, requestId });
    return { store, call };
  }

  it('double submit and a retried request id: one submission, one audit line', async () => {
    const w = await wechatHarness();
    const created = await w.call(HOST, 'project.create', { batchId: OPEN_BATCH });
    if (!created.ok) throw new Error(created.error.message);
    const p = created.data as Project;
    const saved = await w.call(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    if (!saved.ok) throw new Error(saved.error.message);
    const v = (saved.data as Project).version;

    const results = await Promise.all([w.call(HOST, 'project.submit', { id: p._id, version: v }), w.call(HOST, 'project.submit', { id: p._id, version: v })]);
    expectOneWinner(results);
    const after = await w.store.get<Project>('projects', p._id);
    expect(after).toMatchObject({ state: 'submitted', version: v + 1 });
    const lines = await w.store.find<AuditEntry>('audit', { where: { entityId: p._id } });
    expect(lines.filter((a) => a.action === 'submit')).toHaveLength(1);

    // Withdraw, then the same request id again in sequence: acts once, same answer.
    const first = await w.call(HOST, 'project.withdraw', { id: p._id, version: v + 1 }, 'withdraw-1');
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const second = await w.call(HOST, 'project.withdraw', { id: p._id, version: v + 1 }, 'withdraw-1');
    expect(second).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await w.store.get<Project>('projects', p._id)).toMatchObject({ state: 'draft', version: v + 2 });
    expect((await w.store.find<AuditEntry>('audit', { where: { entityId: p._id } })).filter((a) => a.action === 'withdraw')).toHaveLength(1);
  });
});
