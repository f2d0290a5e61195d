import { describe, expect, it, vi } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import type { AuditEntry } from '../../cloudfunctions/core/services/audit';
import { AlreadyClaimed, ALREADY_DONE_MESSAGE, purgeRequests, READ_ONLY_PROCEDURES, requestRecordId, type RequestRecord } from '../../cloudfunctions/core/services/idempotency';
import { fanOutGroupNotices } from '../../cloudfunctions/core/jobs/fan-out';
import { procedures } from '../../cloudfunctions/core/procedures';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { COMPLETE_FIELDS, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS } from '../support/harness';
import { drafted, PROFILE, stored, submitted } from './journey';

// The client is tested without Taro: its platform is replaced by a scripted one.
const sent: Array<{ procedure: string; requestId: string }> = [];
let failures = 0;
vi.mock('../../miniprogram/platform', () => ({
  platform: {
    async callFunction(e: { procedure: string; input: unknown; requestId: string }) {
      sent.push({ procedure: e.procedure, requestId: e.requestId });
      if (failures > 0) {
        failures -= 1;
        throw new Error('network down');
      }
      return { ok: true, data: { echoed: e.requestId } };
    },
  },
}));
const { call, sendOnce, ApiError } = await import('../../miniprogram/api/client');

async function submitLines(store: Store, id: string) {
  return (await store.find<AuditEntry>('audit', { where: { entityId: id } })).filter((a) => a.action === 'submit');
}

describe('idempotency by request id', () => {
  it('a retried submit with the same id answers the first answer and does not act again', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const first = await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'tap-1');
    expect(first.ok).toBe(true);
    const record = await h.store.get<RequestRecord>('requests', requestRecordId(HOST, 'project.submit', 'tap-1'));
    expect(record).toMatchObject({ procedure: 'project.submit', callerId: HOST, result: JSON.parse(JSON.stringify(first)) });
    for (let i = 0; i < 3; i++) {
      expect(await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'tap-1')).toEqual(JSON.parse(JSON.stringify(first)));
    }
    expect(await submitLines(h.store, p._id)).toHaveLength(1);
    expect((await stored(h, p._id)).version).toBe(p.version + 1);
    // A new tap (a new id) is a new action: refused honestly, as without ids.
    const again = await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'tap-2');
    expect(again.ok ? 'ok' : again.error.code).toMatch(/CONFLICT|INVALID_TRANSITION/);
    expect(again.ok ? '' : again.error.message).not.toBe(ALREADY_DONE_MESSAGE);
  });

  it('a submit writes its claim once, with its answer, in the transaction that acts', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const first = await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'tap-once');
    expect(first.ok).toBe(true);
    const record = await h.store.get<RequestRecord>('requests', requestRecordId(HOST, 'project.submit', 'tap-once'));
    // Inserted with the answer and never written again (no update after the commit).
    expect(record).toMatchObject({ version: 1, result: JSON.parse(JSON.stringify(first)) });
  });

  it('a parallel duplicate submit answers the first answer; the move, its audit line and each secretary’s message happen once', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const outboxBefore = await h.store.count('outbox');
    const [a, b] = await Promise.all([0, 1].map(() => h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'double-tap')));
    expect(a.ok).toBe(true);
    expect(b).toEqual(JSON.parse(JSON.stringify(a)));
    expect(await submitLines(h.store, p._id)).toHaveLength(1);
    expect((await stored(h, p._id)).version).toBe(p.version + 1);
    // Addressed to the committee once; the timed job writes it out, twice over, once per secretary.
    expect(await h.store.count('groupNotices')).toBe(1);
    await Promise.all([fanOutGroupNotices(h.store), fanOutGroupNotices(h.store)]);
    expect(await h.store.count('groupNotices')).toBe(0);
    const told = (await h.store.find<{ _id: string; version: number; kind: string; recipientId: string }>('outbox', { limit: 100 })).filter((m) => m.kind === 'project.submit');
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told.map((m) => m.recipientId)).size).toBe(told.length);
    expect(await h.store.count('outbox')).toBe(outboxBefore + told.length);
  });

  it('a duplicate that collides with the first call while its commit is not visible yet waits for the first answer', async () => {
    // As on CloudBase: the duplicate read the project before the first call committed (a snapshot),
    // so its versioned write conflicts, and the first call's record is not visible for a moment.
    let snapshot: Project | null = null;
    let hidden = false;
    const h = await createHarness(undefined, {
      wrapStore: (s) => ({
        ...s,
        close: () => s.close(),
        get: async (c, id) => (c === 'requests' && hidden ? null : s.get(c, id)),
        transaction: (fn) => s.transaction((tx) => fn({ ...tx, get: async (c, id) => (c === 'projects' && snapshot?._id === id ? (snapshot as never) : tx.get(c, id)) })),
      }),
    });
    const p = await drafted(h);
    const first = await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'slow-commit');
    expect(first.ok).toBe(true);
    snapshot = p;
    hidden = true;
    setTimeout(() => {
      hidden = false;
    }, 250);
    expect(await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'slow-commit')).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await submitLines(h.store, p._id)).toHaveLength(1);
    expect((await stored(h, p._id)).version).toBe(p.version + 1);
    // A stale page (another request, refused by the version check) is told at once, as it is.
    snapshot = null;
    const started = Date.now();
    const other = await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'another-tap');
    expect(other.ok ? '' : other.error.code).toBe('CONFLICT');
    expect(other.ok ? '' : other.error.message).not.toBe(ALREADY_DONE_MESSAGE);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('without a request id the call behaves as before: a repeat is refused', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const records = await h.store.count('requests');
    expect((await h.call(HOST, 'project.submit', { id: p._id, version: p.version })).ok).toBe(true);
    const repeat = await h.call(HOST, 'project.submit', { id: p._id, version: p.version });
    expect(repeat.ok).toBe(false);
    expect(await h.store.count('requests')).toBe(records);
  });

  it('the same id from another caller is another request', async () => {
    const h = await createHarness();
    const a = await drafted(h, HOST, '甲');
    const b = await drafted(h, MEMBER2, '乙');
    const ra = await h.call(HOST, 'project.submit', { id: a._id, version: a.version }, 'shared-id');
    const rb = await h.call(MEMBER2, 'project.submit', { id: b._id, version: b.version }, 'shared-id');
    expect(ra.ok && rb.ok).toBe(true);
    expect((await stored(h, b._id)).state).toBe('submitted');
  });

  it('answers a retry from the record even when the handler refuses before writing (profile.bind)', async () => {
    const h = await createHarness();
    const first = await h.call(NEWCOMER, 'profile.bind', PROFILE, 'bind-1');
    expect(first.ok).toBe(true);
    expect(await h.call(NEWCOMER, 'profile.bind', PROFILE, 'bind-1')).toEqual(JSON.parse(JSON.stringify(first)));
    expect((await h.call(NEWCOMER, 'profile.bind', PROFILE, 'bind-2')).ok).toBe(false);
  });

  it('a retried autosave (a single write outside a transaction) answers the same, not a version conflict', async () => {
    const h = await createHarness();
    const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    const input = { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: '自动保存' } };
    const first = await h.call(HOST, 'project.saveDraft', input, 'save-1');
    expect(first.ok).toBe(true);
    expect(await h.call(HOST, 'project.saveDraft', input, 'save-1')).toEqual(JSON.parse(JSON.stringify(first)));
    expect((await h.call(HOST, 'project.saveDraft', input, 'save-2')).ok).toBe(false);
  });

  it('when the answer was lost after the commit, a retry is told it is done and acts no more', async () => {
    const h = await createHarness(undefined, {
      wrapStore: (s) => ({
        ...s,
        transaction: (fn) => s.transaction(fn),
        close: () => s.close(),
        async update(c, id, v, p) {
          if (c === 'requests') throw new Error('connection lost');
          return s.update(c, id, v, p);
        },
      }),
    });
    const p = await submitted(h);
    const decide = { id: p._id, version: p.version, decision: 'return', comment: '请补充' };
    const first = await h.call(SECRETARY_CS, 'committee.decide', decide, 'd-1');
    expect(first.ok).toBe(true);
    h.now.value = new Date(h.now.value.getTime() + 5_000);
    expect(await h.call(SECRETARY_CS, 'committee.decide', decide, 'd-1')).toEqual({ ok: false, error: { code: 'CONFLICT', message: ALREADY_DONE_MESSAGE } });
    expect((await stored(h, p._id)).version).toBe(p.version + 1);
  });

  it('read-only procedures and refused calls write no request record', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    const before = await h.store.count('requests');
    await h.call(HOST, 'project.get', { id: p._id }, 'read-1');
    await h.call(HOST, 'project.listMine', {}, 'read-2');
    await h.call(HOST, 'project.submit', { id: p._id, version: 99 }, 'stale-1');
    await h.call(MEMBER2, 'project.submit', { id: p._id, version: p.version }, 'not-mine');
    expect(await h.store.count('requests')).toBe(before);
  });

  it('names only existing procedures as read-only', () => {
    expect([...READ_ONLY_PROCEDURES].filter((p) => !(p in procedures))).toEqual([]);
  });

  it('old request records are purged by their time', async () => {
    const h = await createHarness();
    const p = await drafted(h);
    await h.call(HOST, 'project.submit', { id: p._id, version: p.version }, 'old');
    const old = await h.store.count('requests');
    h.now.value = new Date(h.now.value.getTime() + 8 * 86_400_000);
    await h.call(HOST, 'project.withdraw', { id: p._id, version: p.version + 1 }, 'new');
    const cutoff = new Date(h.now.value.getTime() - 7 * 86_400_000).toISOString();
    expect(old).toBeGreaterThanOrEqual(3); // create, saveDraft, submit
    expect(await purgeRequests(h.store, cutoff)).toBe(old);
    expect((await h.store.find<RequestRecord>('requests')).map((r) => r.requestId)).toEqual(['new']);
    expect((await h.store.get<Project>('projects', p._id))?.state).toBe('draft');
  });
});

describe('the phone retries with the same id', () => {
  it('retries once after a network failure, with the same request id', async () => {
    sent.length = 0;
    failures = 1;
    const out = await call('project.submit', { id: 'p1', version: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[0].requestId).toBe(sent[1].requestId);
    expect(out).toEqual({ echoed: sent[0].requestId });
  });

  it('gives up after the retry with a Chinese message, and a new action gets a new id', async () => {
    sent.length = 0;
    failures = 2;
    await expect(call('project.submit', { id: 'p1', version: 1 })).rejects.toBeInstanceOf(ApiError);
    failures = 2;
    await expect(call('project.submit', { id: 'p1', version: 1 })).rejects.toThrow('网络连接失败');
    expect(sent).toHaveLength(4);
    expect(sent[0].requestId).toBe(sent[1].requestId);
    expect(sent[2].requestId).not.toBe(sent[0].requestId);
  });

  it('sendOnce does not retry an answer, only a failure to get one', async () => {
    const send = vi.fn(async () => ({ ok: false, error: { code: 'CONFLICT', message: 'x' } }));
    await sendOnce(send, { procedure: 'project.submit', input: {} }, 'id-1', async () => {});
    expect(send).toHaveBeenCalledTimes(1);
  });
});

interface InboxDoc {
  _id: string;
  version: number;
  at: string;
  toUserId: string;
}

describe('a claim written last, with its answer', () => {
  it('a duplicate fails the claim at the end of the transaction: everything the transaction wrote is rolled back', async () => {
    const { openSqliteStore } = await import('../../cloudfunctions/core/adapters/sqlite/store');
    const { claimRequest } = await import('../../cloudfunctions/core/services/idempotency');
    const store = openSqliteStore(':memory:');
    const key = { callerId: 'u1', procedure: 'project.submit', requestId: 'r-last' };
    const act = (claimant: string) => {
      const claim = claimRequest(store, key, '2026-11-27T02:00:00.000Z', claimant, { last: true });
      const run = claim.store.transaction(async (tx) => {
        await tx.insert<InboxDoc>('devInbox', { _id: `m-${claimant}`, at: 'a', toUserId: 'x' });
        claim.answer(tx, { by: claimant });
        return claimant;
      });
      return { claim, run };
    };
    const first = act('c1');
    expect(await first.run).toBe('c1');
    expect(first.claim.answered).toBe(true);
    const second = act('c2');
    await expect(second.run).rejects.toThrow(AlreadyClaimed);
    expect(second.claim.duplicate).toBe(true);
    expect((await store.find<InboxDoc>('devInbox')).map((m) => m._id)).toEqual(['m-c1']);
    expect(await store.get<RequestRecord>('requests', requestRecordId('u1', 'project.submit', 'r-last'))).toMatchObject({ claimant: 'c1', version: 1, result: { ok: true, data: { by: 'c1' } } });
  });

  it('without an answer from the handler, the claim is still written last, and the answer stored after the commit', async () => {
    const { openSqliteStore } = await import('../../cloudfunctions/core/adapters/sqlite/store');
    const { claimRequest } = await import('../../cloudfunctions/core/services/idempotency');
    const store = openSqliteStore(':memory:');
    const claim = claimRequest(store, { callerId: 'u1', procedure: 'project.submit', requestId: 'r-plain' }, '2026-11-27T02:00:00.000Z', 'c1', { last: true });
    await claim.store.insert<InboxDoc>('devInbox', { _id: 'm1', at: 'a', toUserId: 'x' });
    expect(claim.claimed && !claim.answered).toBe(true);
    await claim.finish({ ok: true, data: 'done' });
    expect((await store.get<RequestRecord>('requests', requestRecordId('u1', 'project.submit', 'r-plain')))?.result).toEqual({ ok: true, data: 'done' });
  });
});

describe('a call that writes from several places at once', () => {
  it('claims its request once: parallel writes wait for the claim instead of colliding with it', async () => {
    const { openSqliteStore } = await import('../../cloudfunctions/core/adapters/sqlite/store');
    const { claimRequest } = await import('../../cloudfunctions/core/services/idempotency');
    const store = openSqliteStore(':memory:');
    const claim = claimRequest(store, { callerId: 'u1', procedure: 'scheduler.run', requestId: 'r-parallel' }, '2026-11-27T02:00:00.000Z', 'c1');
    // Like the reminder job: several sends at once, each a write of its own, one a transaction.
    await Promise.all([
      claim.store.insert<InboxDoc>('devInbox', { _id: 'm1', at: 'a', toUserId: 'x' }),
      claim.store.insert<InboxDoc>('devInbox', { _id: 'm2', at: 'b', toUserId: 'y' }),
      claim.store.transaction(async (tx) => {
        await tx.insert<InboxDoc>('devInbox', { _id: 'm3', at: 'c', toUserId: 'z' });
        // A nested write inside the claiming transaction does not wait for itself.
        await claim.store.insert<InboxDoc>('devInbox', { _id: 'm4', at: 'd', toUserId: 'z' });
      }),
    ]);
    expect(claim.claimed).toBe(true);
    expect(claim.duplicate).toBe(false);
    expect(await store.count('devInbox')).toBe(4);
    expect(await store.count('requests')).toBe(1);
  });
});
