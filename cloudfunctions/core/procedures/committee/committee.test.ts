import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import { COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, ADMIN, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function submitted(openid = HOST, title = COMPLETE_FIELDS.title) {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title } });
  return h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
}

async function counts() {
  return Promise.all(['projects', 'audit', 'outbox', 'rankSlots'].map((c) => h.store.count(c)));
}

describe('the committee’s decision', () => {
  it('returns an application with comments; the host revises and resubmits before the deadline', async () => {
    const s = await submitted();
    const r = await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: '请补充预期成果的量化指标' });
    expect(r.state).toBe('returned');
    const mine = await h.ok(HOST, 'project.get', { id: s._id });
    expect(mine.canEdit).toBe(true);
    const saved = await h.ok(HOST, 'project.saveDraft', { id: s._id, version: mine.version, fields: { ...COMPLETE_FIELDS, expectedOutcomes: '形成制度成果2项' } });
    expect((await h.ok(HOST, 'project.submit', { id: s._id, version: saved.version })).state).toBe('submitted');
  });

  it('recommends with an opinion and a rank, one project per rank', async () => {
    const a = await submitted(HOST, '项目甲');
    const b = await submitted(MEMBER2, '项目乙');
    const ra = await h.ok(SECRETARY_CS, 'committee.decide', { id: a._id, version: a.version, decision: 'recommend', comment: '经党委会研究，同意推荐', rank: 1 });
    expect(ra).toMatchObject({ state: 'recommended' });
    const before = await counts();
    const clash = await h.err(SECRETARY_CS, 'committee.decide', { id: b._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 1 });
    expect(clash.code).toBe('VALIDATION');
    expect(clash.message).toContain('排序第 1 位');
    expect(await counts()).toEqual(before);
    await h.ok(SECRETARY_CS, 'committee.decide', { id: b._id, version: b.version, decision: 'recommend', comment: '同意推荐', rank: 2 });
    const list = await h.ok(SECRETARY_CS, 'committee.inbox', { view: 'recommended' });
    expect(list.items.map((i) => [i.title, i.committeeRank, i.committeeOpinion])).toEqual([
      ['项目甲', 1, '经党委会研究，同意推荐'],
      ['项目乙', 2, '同意推荐'],
    ]);
  });

  it('requires an opinion and a rank to recommend, a reason to return or not recommend', async () => {
    const s = await submitted();
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: '', rank: 1 })).code).toBe('VALIDATION');
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: '同意' })).code).toBe('VALIDATION');
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: ' ' })).code).toBe('VALIDATION');
    const n = await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'notRecommend', comment: '与本单位品牌关联不足' });
    expect(n.state).toBe('not_recommended');
  });

  it('is the committee’s own: another committee, the host or the 组织部 cannot decide', async () => {
    const s = await submitted();
    const before = await counts();
    for (const who of [SECRETARY_ME, HOST, ADMIN]) {
      expect((await h.err(who, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: '同意', rank: 1 })).code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('cannot decide a draft, decide twice, or act on a stale version', async () => {
    const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: p._id, version: p.version, decision: 'return', comment: 'x' })).code).toBe('INVALID_TRANSITION');
    const s = await submitted(MEMBER2);
    const r = await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'notRecommend', comment: '不推荐' });
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: r.version, decision: 'return', comment: 'x' })).code).toBe('INVALID_TRANSITION');
    expect((await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: 'x' })).code).toBe('CONFLICT');
  });

  it('refuses decisions after the batch’s recommendation deadline, naming it in Beijing time', async () => {
    const s = await submitted();
    h.now.value = new Date('2027-01-06T16:00:00Z'); // 2027-01-07 00:00 Beijing: the demo recommendation deadline was 01-06
    const e = await h.err(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'recommend', comment: '同意', rank: 1 });
    expect(e.code).toBe('DEADLINE_PASSED');
    expect(e.message).toContain('2027年1月6日 23:59（北京时间）');
  });

  it('tells the host through the outbox and records the decision in the timeline', async () => {
    const s = await submitted();
    await h.ok(SECRETARY_CS, 'committee.decide', { id: s._id, version: s.version, decision: 'return', comment: '请补充' });
    const outbox = await h.store.find<{ _id: string; version: number; recipientId: string; kind: string }>('outbox', { where: { status: 'pending' } });
    expect(outbox.some((m) => m.recipientId === 'u_dev-member-1' && m.kind === 'project.return')).toBe(true);
  });
});

describe('who has not submitted yet', () => {
  it('names hosts with drafts, without their content, and counts by state', async () => {
    await submitted();
    await h.ok(MEMBER2, 'project.create', { batchId: OPEN_BATCH });
    const p = await h.ok(SECRETARY_CS, 'committee.progress', { batchId: OPEN_BATCH });
    expect(p.counts).toEqual({ submitted: 1, draft: 1 });
    expect(p.notSubmitted).toEqual([expect.objectContaining({ hostName: '李思雨', state: 'draft' })]);
    expect(JSON.stringify(p)).not.toContain('fields');
    expect((await h.err(SECRETARY_ME, 'committee.progress', { batchId: OPEN_BATCH, committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    const other = await h.ok(SECRETARY_ME, 'committee.progress', { batchId: OPEN_BATCH });
    expect(other.counts).toEqual({});
  });

  it('is refused to plain members', async () => {
    const member = await h.store.get<User>('users', 'u_dev-member-1');
    expect(member?.roles).toEqual([{ role: 'member' }]);
    expect((await h.err(HOST, 'committee.progress', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
  });
});
