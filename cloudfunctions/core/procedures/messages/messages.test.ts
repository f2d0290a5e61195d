import { beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '@shared/domain/batch';
import type { Project } from '@shared/domain/project/project';
import type { StoredDoc } from '../../ports/store';
import type { OutboxEntry } from '../../services/outbox';
import type { DevInboxMessage } from '../../adapters/local/notifier';
import { fanOutGroupNotices } from '../../jobs/fan-out';
import { ADMIN, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const uid = (openid: string) => `u_${openid}`;
const REVIEWER = 'dev-reviewer';

async function submitted(openid: string, title: string) {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  return h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
}

async function patch<T extends StoredDoc>(collection: string, id: string, fields: Partial<T>) {
  const doc = await h.store.get<T>(collection, id);
  if (!doc) throw new Error(`no ${collection}/${id}`);
  await h.store.update<T>(collection, id, doc.version, fields as never);
}

const dev = async () => h.store.find<DevInboxMessage>('devInbox', { limit: 100 });
const grant = (openid: string, key: string) => h.ok(openid, 'subscribe.record', { results: { [key]: 'accept' } });

describe('消息', () => {
  it('a returned application reaches its host with the comment, opens it, and only the host can read it', async () => {
    const s = await submitted(HOST, '红色引擎');
    // The submission is addressed to the committee: the timed job's next run (every 5 minutes)
    // writes it out to the committee's secretary, not to the host who made it.
    expect((await h.ok(SECRETARY_CS, 'messages.list', {})).unread).toEqual([]);
    expect(await h.ok(ADMIN, 'scheduler.run', {})).toMatchObject({ fannedOut: 1 });
    expect((await h.ok(SECRETARY_CS, 'messages.list', {})).unread.map((m) => m.kind)).toEqual(['project.submit']);
    expect((await h.ok(HOST, 'messages.unreadCount', {})).count).toBe(0);

    await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: '请补充预期成果的量化指标' });
    const list = await h.ok(HOST, 'messages.list', {});
    expect(list.unreadCount).toBe(1);
    const [m] = list.unread;
    expect(m).toMatchObject({ kind: 'project.return', kindLabel: '退回修改', body: '请补充预期成果的量化指标', link: `/packages/project/edit/index?id=${s._id}`, read: false });
    expect(m.title).toContain('红色引擎');
    expect(m.timeText).toMatch(/^2026年11月27日 10:00$/);

    // Someone else's message is not found, exactly as an id that does not exist.
    const theirs = await h.err(SECRETARY_ME, 'messages.markRead', { id: m._id });
    const none = await h.err(SECRETARY_ME, 'messages.markRead', { id: 'no-such-message' });
    expect([theirs.code, theirs.message]).toEqual([none.code, none.message]);
    expect(theirs.code).toBe('NOT_FOUND');
    expect((await h.ok(HOST, 'messages.unreadCount', {})).count).toBe(1);

    expect(await h.ok(HOST, 'messages.markRead', { id: m._id })).toEqual({ unreadCount: 0 });
    const after = await h.ok(HOST, 'messages.list', {});
    expect(after.unread).toEqual([]);
    expect(after.read.map((x) => x._id)).toEqual([m._id]);
  });

  it('mark all read clears the count; unread come first, newest first', async () => {
    const a = await submitted(HOST, '甲');
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    const b = await submitted(MEMBER2, '乙');
    await fanOutGroupNotices(h.store);
    const unread = (await h.ok(SECRETARY_CS, 'messages.list', {})).unread;
    expect(unread.map((m) => m.title.includes('乙'))).toEqual([true, false]);
    await h.ok(SECRETARY_CS, 'messages.markRead', { id: unread[1]._id });
    h.now.value = new Date(h.now.value.getTime() + 60_000);
    await h.ok(HOST, 'project.withdraw', { id: a._id, version: a.version });
    await fanOutGroupNotices(h.store);
    const list = await h.ok(SECRETARY_CS, 'messages.list', {});
    expect(list.unread.map((m) => m.kind)).toEqual(['project.withdraw', 'project.submit']);
    expect(list.read).toHaveLength(1);
    expect(await h.ok(SECRETARY_CS, 'messages.markAllRead', {})).toEqual({ marked: 2, unreadCount: 0 });
    expect(b.state).toBe('submitted');
  });

  it('with a grant the job sends a message once; a second run sends nothing; without one it stays in 消息', async () => {
    const s = await submitted(HOST, '红色引擎');
    await grant(HOST, 'result');
    await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: '请补充' });
    const first = await h.ok(ADMIN, 'scheduler.run', {});
    const cards = (await dev()).filter((c) => c.toUserId === uid(HOST));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ title: '审核结果通知', page: `packages/project/edit/index?id=${s._id}` });
    expect(cards[0].lines.map((l) => l.value)).toContain('退回修改');
    // The secretary allowed nothing: the submission stays in 消息 only.
    expect(first.skippedNoGrant).toBeGreaterThanOrEqual(1);
    const again = await h.ok(ADMIN, 'scheduler.run', {});
    expect(again.sent).toBe(0);
    expect((await dev()).filter((c) => c.toUserId === uid(HOST))).toHaveLength(1);
    expect((await h.ok(SECRETARY_CS, 'messages.list', {})).unreadCount).toBe(1);
  });
});

/** Two submitted projects in publicity, the period over: ready for the 立项 decision. */
async function inPublicity(): Promise<string[]> {
  const ids = [(await submitted(HOST, '项目一'))._id, (await submitted(MEMBER2, '项目二'))._id];
  for (const id of ids) await patch<Project & StoredDoc>('projects', id, { state: 'in_publicity' });
  const b = await h.store.get<Batch & StoredDoc>('batches', OPEN_BATCH);
  await patch<Batch & StoredDoc>('batches', OPEN_BATCH, { calendar: { ...b!.calendar, publicityStart: '2026-11-20', publicityEnd: '2026-11-25' } });
  return ids;
}

const hostMessages = async (openid: string, kind: string) => (await h.ok(openid, 'messages.list', {})).unread.filter((m) => m.kind === kind);

describe('one release for a round’s results', () => {
  it('stages the 立项 results, previews them by kind, and tells each host exactly once even when released twice', async () => {
    const ids = await inPublicity();
    const refused = await h.err(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'approval' });
    expect(refused.code).toBe('INVALID_TRANSITION');
    expect(refused.message).toContain('尚未决定');

    await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: ids.slice(0, 1), reject: ids.slice(1).map((projectId) => ({ projectId, reason: '公示期收到实名异议，经核实不予立项' })) });
    expect(await hostMessages(HOST, 'project.approve')).toEqual([]);
    expect(await hostMessages(MEMBER2, 'project.reject')).toEqual([]);
    expect((await h.ok(HOST, 'messages.unreadCount', {})).count).toBe(0);

    const preview = await h.ok(ADMIN, 'release.preview', { batchId: OPEN_BATCH, stage: 'approval' });
    expect(preview.state).toBe('staged');
    const byKind = Object.fromEntries(preview.groups.map((g) => [g.kind, g.count]));
    // Host plus the committee's secretary per project.
    expect(byKind['project.approve']).toBe(2);
    expect(byKind['project.reject']).toBe(2);
    expect(preview.groups.find((g) => g.kind === 'project.reject')?.samples[0]?.body).toContain('不予立项');

    const [a, b] = await Promise.all([h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'approval' }), h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'approval' })]);
    expect(a.released + b.released).toBe(preview.held);
    expect(await h.ok(ADMIN, 'release.run', { batchId: OPEN_BATCH, stage: 'approval' })).toMatchObject({ released: 0, remaining: 0 });
    expect(await hostMessages(HOST, 'project.approve')).toHaveLength(1);
    expect(await hostMessages(MEMBER2, 'project.reject')).toHaveLength(1);
    expect((await h.ok(ADMIN, 'release.preview', { batchId: OPEN_BATCH, stage: 'approval' })).state).toBe('released');
  });

  it('a release that stops half way is finished by the timed job, and nobody is told twice', async () => {
    const ids = await inPublicity();
    await h.ok(ADMIN, 'review.finalize', { batchId: OPEN_BATCH, approve: ids, reject: [] });
    // The release was recorded and one message shown when the function stopped.
    await h.store.insert<StoredDoc & Record<string, unknown>>('releases', { _id: `${OPEN_BATCH}:approval`, batchId: OPEN_BATCH, stage: 'approval', state: 'releasing', released: 0, startedAt: h.now.value.toISOString(), releasedAt: null, releasedBy: uid(ADMIN) });
    const [one] = await h.store.find<OutboxEntry>('outbox', { where: { releaseId: `${OPEN_BATCH}:approval`, box: 'held' }, limit: 1 });
    await h.store.update<OutboxEntry>('outbox', one._id, one.version, { box: 'inbox', status: 'pending' });
    await h.ok(ADMIN, 'scheduler.run', {});
    expect(await h.store.count('outbox', { releaseId: `${OPEN_BATCH}:approval`, box: 'held' })).toBe(0);
    expect(await hostMessages(HOST, 'project.approve')).toHaveLength(1);
    expect(await hostMessages(MEMBER2, 'project.approve')).toHaveLength(1);
    expect((await h.ok(ADMIN, 'release.preview', { batchId: OPEN_BATCH, stage: 'approval' })).state).toBe('released');
  });
});

describe('催办', () => {
  /** 赵明 assigned to one application under review, not yet scored; the review window open. */
  async function reviewerOwing(): Promise<void> {
    const s = await submitted(HOST, '红色引擎');
    await patch<Project & StoredDoc>('projects', s._id, { state: 'under_review' });
    const b = await h.store.get<Batch & StoredDoc>('batches', OPEN_BATCH);
    await patch<Batch & StoredDoc>('batches', OPEN_BATCH, { calendar: { ...b!.calendar, reviewStart: '2026-11-27', reviewEnd: '2026-12-20' } });
    await h.store.insert<StoredDoc & Record<string, unknown>>('reviewAssignments', { _id: `${s._id}:${uid(REVIEWER)}`, batchId: OPEN_BATCH, projectId: s._id, reviewerId: uid(REVIEWER), assignedBy: uid(ADMIN), assignedAt: h.now.value.toISOString(), how: 'manual' });
  }

  it('reaches a reviewer with missing scores once a day, by WeChat with a grant, and says so', async () => {
    await reviewerOwing();
    const candidates = await h.ok(ADMIN, 'nudge.candidates', {});
    expect(candidates.items.find((c) => c.personId === uid(REVIEWER))).toMatchObject({ duty: 'scoreReviews', nudgedToday: false });
    await grant(REVIEWER, 'task');
    expect(await h.ok(ADMIN, 'nudge.send', { personIds: [uid(REVIEWER)] })).toEqual({ wechat: 1, inApp: 0, skipped: [] });
    expect((await dev()).filter((c) => c.toUserId === uid(REVIEWER))).toHaveLength(1);
    expect((await hostMessages(REVIEWER, 'nudge'))[0]?.link).toBe('/packages/review/mine/index');

    const again = await h.err(ADMIN, 'nudge.send', { personIds: [uid(REVIEWER)] });
    expect(again.code).toBe('RATE_LIMITED');
    expect(again.message).toContain('明天');
    expect((await hostMessages(REVIEWER, 'nudge'))).toHaveLength(1);
    expect((await h.ok(ADMIN, 'nudge.candidates', {})).items.find((c) => c.personId === uid(REVIEWER))?.nudgedToday).toBe(true);

    // The next day it may go again; without a grant left it reaches the app only.
    h.now.value = new Date(h.now.value.getTime() + 24 * 3600_000);
    expect(await h.ok(ADMIN, 'nudge.send', { personIds: [uid(REVIEWER)] })).toEqual({ wechat: 0, inApp: 1, skipped: [] });
  });

  it('a secretary nudges hosts of their own committee only', async () => {
    await reviewerOwing();
    const draft = await h.ok(MEMBER2, 'project.create', { batchId: OPEN_BATCH });
    expect(draft.state).toBe('draft');
    const mine = await h.ok(SECRETARY_CS, 'nudge.candidates', {});
    expect(mine.items.map((c) => c.personId)).toEqual([uid(MEMBER2)]);
    expect(mine.items[0].title).toBe('申报书尚未提交');
    expect((await h.ok(SECRETARY_ME, 'nudge.candidates', {})).items).toEqual([]);
    expect((await h.err(SECRETARY_CS, 'nudge.send', { personIds: [uid(REVIEWER)] })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_ME, 'nudge.send', { personIds: [uid(MEMBER2)] })).code).toBe('FORBIDDEN');
    expect(await h.ok(SECRETARY_CS, 'nudge.send', { personIds: [uid(MEMBER2)] })).toEqual({ wechat: 0, inApp: 1, skipped: [] });
  });
});
