import { describe, expect, it } from 'vitest';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../test/support/harness';
import type { Store } from '../ports/store';
import { readEvery } from '../procedures/reminders/duties';
import { tellSecretaries, type GroupNotice } from '../services/group-notice';
import { enqueue, type OutboxEntry } from '../services/outbox';
import { fanOutGroupNotices } from './fan-out';
import { Killed, killable } from './remind.fixture';

const uid = (openid: string) => `u_${openid}`;
const quiet = { error: () => {} };

async function submitted(h: Harness, openid: string, title: string) {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  return h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
}

const told = async (store: Store, kind: OutboxEntry['kind']) => (await readEvery<OutboxEntry>(store, 'outbox', {})).filter((e) => e.kind === kind);

/** 计算机系党委 with a second secretary (MEMBER2), granted by the 组织部. */
async function twoSecretaries(): Promise<Harness> {
  const h = await createHarness();
  await h.ok(ADMIN, 'people.grant', { userId: uid(MEMBER2), role: 'secretary', committeeId: 'c-cs' });
  return h;
}

describe('notices addressed to a committee’s secretaries', () => {
  it('a submission is one notice to the committee; the next run tells each of its secretaries once, as of the submission', async () => {
    const h = await twoSecretaries();
    const submittedAt = h.now.value.toISOString();
    const p = await submitted(h, HOST, '红色引擎');
    expect(await told(h.store, 'project.submit')).toEqual([]);
    const [notice] = await readEvery<GroupNotice>(h.store, 'groupNotices', {});
    expect(notice).toMatchObject({ kind: 'project.submit', committeeId: 'c-cs', entityId: p._id, exceptIds: [uid(HOST)] });

    h.now.value = new Date(h.now.value.getTime() + 5 * 60_000);
    expect(await fanOutGroupNotices(h.store, quiet)).toBe(2);
    const messages = await told(h.store, 'project.submit');
    expect(messages.map((m) => m.recipientId).sort()).toEqual([uid(MEMBER2), uid(SECRETARY_CS)].sort());
    expect(messages.every((m) => m.createdAt === submittedAt && m.title.includes('红色引擎') && m.link.includes(p._id) && m.status === 'pending')).toBe(true);
    // Not the other committee's secretary; the notice is gone, and a second run writes nothing.
    expect(messages.some((m) => m.recipientId === uid(SECRETARY_ME))).toBe(false);
    expect(await h.store.count('groupNotices')).toBe(0);
    expect(await fanOutGroupNotices(h.store, quiet)).toBe(0);
    expect(await told(h.store, 'project.submit')).toHaveLength(2);
    // In 消息 with the unread count, as every other message is.
    expect((await h.ok(MEMBER2, 'messages.list', {})).unread.map((m) => m.kind)).toContain('project.submit');
  });

  it('nobody is told of their own act, nor twice when also told as the team', async () => {
    const h = await twoSecretaries();
    // A secretary applies: the other secretary hears of it, the applicant does not.
    await submitted(h, MEMBER2, '先锋工程');
    await fanOutGroupNotices(h.store, quiet);
    expect((await told(h.store, 'project.submit')).map((m) => m.recipientId)).toEqual([uid(SECRETARY_CS)]);

    // A decision the team and the committee both hear (as notifyProject writes it) reaches the
    // secretary who hosts it once, as the host, not again as a secretary.
    const notice = { kind: 'project.approve', title: '「先锋工程」已立项', body: '', entityId: 'p', eventId: 'e-approve' } as const;
    await h.store.transaction(async (tx) => {
      await enqueue(tx, { ...notice, recipientIds: [uid(MEMBER2)] }, h.now.value.toISOString());
      await tellSecretaries(tx, notice, 'c-cs', [uid(ADMIN), uid(MEMBER2)], h.now.value.toISOString());
    });
    await fanOutGroupNotices(h.store, quiet);
    expect((await told(h.store, 'project.approve')).map((m) => m.recipientId).sort()).toEqual([uid(MEMBER2), uid(SECRETARY_CS)].sort());
  });

  it('reaches those who hold the role when the job runs: a secretary revoked before it is not told', async () => {
    const h = await twoSecretaries();
    await submitted(h, HOST, '红色引擎');
    await h.ok(ADMIN, 'people.revoke', { userId: uid(MEMBER2), role: 'secretary', committeeId: 'c-cs' });
    await fanOutGroupNotices(h.store, quiet);
    expect((await told(h.store, 'project.submit')).map((m) => m.recipientId)).toEqual([uid(SECRETARY_CS)]);
  });

  it('a committee with no secretary yet: the notice is settled, nobody is told, and the next run has nothing left', async () => {
    const h = await createHarness();
    await h.ok(ADMIN, 'people.revoke', { userId: uid(SECRETARY_CS), role: 'secretary', committeeId: 'c-cs' });
    await submitted(h, HOST, '红色引擎');
    expect(await fanOutGroupNotices(h.store, quiet)).toBe(0);
    expect(await h.store.count('groupNotices')).toBe(0);
    expect(await told(h.store, 'project.submit')).toEqual([]);
  });

  it('killed at every write and rerun: each secretary told exactly once, and the notice gone', async () => {
    let writes = 0;
    {
      const h = await twoSecretaries();
      await submitted(h, HOST, '红色引擎');
      const counting: Store = { ...h.store, insert: (c, d) => (writes++, h.store.insert(c, d)), remove: (c, i, v) => (writes++, h.store.remove(c, i, v)) };
      await fanOutGroupNotices(counting, quiet);
    }
    expect(writes).toBe(3);
    for (let budget = 0; budget <= writes; budget++) {
      const h = await twoSecretaries();
      await submitted(h, HOST, '红色引擎');
      const dying = killable(h.store, budget);
      await fanOutGroupNotices(dying.store, { error: (_m, err) => expect(err).toBeInstanceOf(Killed) });
      await Promise.all([fanOutGroupNotices(h.store, quiet), fanOutGroupNotices(h.store, quiet)]);
      const messages = await told(h.store, 'project.submit');
      expect(messages.map((m) => m.recipientId).sort(), `killed after ${budget} writes`).toEqual([uid(MEMBER2), uid(SECRETARY_CS)].sort());
      expect(await h.store.count('groupNotices'), `killed after ${budget} writes`).toBe(0);
    }
  });
});
