import { beforeEach, describe, expect, it } from 'vitest';
import { mergeSubmitted } from '@shared/contracts/project-merge';
import type { Project } from '@shared/domain/project/project';
import { CLOSED_BATCH, COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, ADMIN, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function draft(openid = HOST) {
  return h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
}

async function submitted(openid = HOST) {
  const p = await draft(openid);
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
  return h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
}

describe('drafting an application', () => {
  it('creates a draft in the host’s committee, editable and not yet submittable', async () => {
    const p = await draft();
    expect(p.state).toBe('draft');
    expect(p.committeeId).toBe('c-cs');
    expect(p.hostName).toBe('张晓明');
    expect(p.canEdit).toBe(true);
    expect(p.deadlineText).toBe('2026年12月27日 23:59（北京时间）');
  });

  it('autosaves with versioned writes and refuses a stale second device with CONFLICT', async () => {
    const p = await draft();
    const first = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: '设备一' } });
    expect(first.version).toBe(p.version + 1);
    const stale = await h.err(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: { ...COMPLETE_FIELDS, title: '设备二' } });
    expect(stale.code).toBe('CONFLICT');
    const now = await h.ok(HOST, 'project.get', { id: p._id });
    expect(now.fields.title).toBe('设备一');
  });

  it('allows one project per host per batch, and points to the existing one', async () => {
    const p = await draft();
    const again = await h.err(HOST, 'project.create', { batchId: OPEN_BATCH });
    expect(again.code).toBe('ALREADY_EXISTS');
    expect(again.details?.projectId).toBe(p._id);
  });

  it('lets exactly one of two simultaneous creations by the same host succeed', async () => {
    const results = await Promise.all([0, 1, 2].map(() => h.raw(HOST, 'project.create', { batchId: OPEN_BATCH })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.store.count('projects', { hostId: 'u_dev-member-1' })).toBe(1);
  });

  it('refuses a new draft in a closed batch, naming the deadline in Beijing time', async () => {
    const e = await h.err(HOST, 'project.create', { batchId: CLOSED_BATCH });
    expect(e.code).toBe('DEADLINE_PASSED');
    expect(e.message).toContain('2022年6月29日 23:59（北京时间）');
  });

  it('keeps drafts private to the host', async () => {
    const p = await draft();
    expect((await h.err(MEMBER2, 'project.get', { id: p._id })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_CS, 'project.get', { id: p._id })).code).toBe('FORBIDDEN');
    expect((await h.err(MEMBER2, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS })).code).toBe('FORBIDDEN');
  });

  it('warns, without blocking, when the host is not a 党务工作者', async () => {
    const p = await draft(MEMBER2);
    expect(p.warnings.join()).toContain('党务工作者');
    expect((await draft()).warnings).toEqual([]);
  });
});

describe('submitting before the deadline', () => {
  it('submits a complete application, records the time, and audits the transition', async () => {
    const s = await submitted();
    expect(s.state).toBe('submitted');
    expect(s.submittedAt).toBe(h.now.value.toISOString());
    expect(s.canEdit).toBe(false);
    expect(s.canWithdraw).toBe(true);
    const audit = await h.store.find<{ _id: string; version: number; action: string; from: string; to: string; actorId: string }>('audit', { where: { entityId: s._id }, orderBy: [{ field: 'at', direction: 'asc' }] });
    expect(audit.map((a) => [a.action, a.from, a.to, a.actorId])).toEqual([
      ['create', null, 'draft', 'u_dev-member-1'],
      ['submit', 'draft', 'submitted', 'u_dev-member-1'],
    ]);
  });

  it('refuses an incomplete application with the missing fields named', async () => {
    const p = await draft();
    const e = await h.err(HOST, 'project.submit', { id: p._id, version: p.version });
    expect(e.code).toBe('INCOMPLETE');
    expect(e.message).toContain('项目名称');
    expect((await h.ok(HOST, 'project.get', { id: p._id })).state).toBe('draft');
  });

  it('accepts a submission at 23:59:59 Beijing time on the deadline day', async () => {
    const p = await draft();
    const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    h.now.value = new Date('2026-12-27T15:59:59.000Z');
    const page = await h.ok(HOST, 'project.get', { id: p._id });
    const submitted = await h.ok(HOST, 'project.submit', { id: p._id, version: saved.version });
    expect(submitted.state).toBe('submitted');
    // Built from what the move read and wrote, the answer merged into the page is what the page reads next — the new line of the timeline included.
    const merged = mergeSubmitted(page, submitted);
    expect(merged).toEqual(await h.ok(HOST, 'project.get', { id: p._id }));
    expect(merged.timeline.map((t) => [t.actionLabel, t.actorName])).toEqual([['创建', '张晓明'], ['提交', '张晓明']]);
  });

  it('refuses it at 00:00:00 the next day, saying when the deadline was, and changes nothing', async () => {
    const p = await draft();
    const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    h.now.value = new Date('2026-12-27T16:00:00.000Z');
    const e = await h.err(HOST, 'project.submit', { id: p._id, version: saved.version });
    expect(e.code).toBe('DEADLINE_PASSED');
    expect(e.message).toContain('2026年12月27日 23:59（北京时间）');
    const after = await h.store.get<Project>('projects', p._id);
    expect(after?.state).toBe('draft');
    expect(after?.version).toBe(saved.version);
    // The draft can still be saved so nothing typed is lost.
    await h.ok(HOST, 'project.saveDraft', { id: p._id, version: saved.version, fields: { ...COMPLETE_FIELDS, title: '截止后仍可保存' } });
  });

  it('refuses a double submit', async () => {
    const s = await submitted();
    expect((await h.err(HOST, 'project.submit', { id: s._id, version: s.version })).code).toBe('INVALID_TRANSITION');
  });

  it('lets the host withdraw an undecided submission back to a draft', async () => {
    const s = await submitted();
    const w = await h.ok(HOST, 'project.withdraw', { id: s._id, version: s.version });
    expect(w.state).toBe('draft');
    expect(w.submittedAt).toBeNull();
    expect((await h.err(HOST, 'project.withdraw', { id: s._id, version: w.version })).code).toBe('INVALID_TRANSITION');
  });

  it('does not let anyone but the host submit', async () => {
    const p = await draft();
    const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
    expect((await h.err(SECRETARY_CS, 'project.submit', { id: p._id, version: saved.version })).code).toBe('FORBIDDEN');
  });
});

describe('the committee’s 待处理 list', () => {
  it('shows the secretary their committee’s submissions and nobody else’s', async () => {
    const s = await submitted();
    await draft(MEMBER2); // a draft is not the committee's business yet
    const inbox = await h.ok(SECRETARY_CS, 'committee.inbox', {});
    expect(inbox.committeeName).toBe('计算机与软件学院党委');
    expect(inbox.items.map((i) => [i.title, i.hostName, i.budgetTotal])).toEqual([[COMPLETE_FIELDS.title, '张晓明', 420_050]]);
    const other = await h.ok(SECRETARY_ME, 'committee.inbox', {});
    expect(other.items).toEqual([]);
    expect((await h.err(SECRETARY_ME, 'committee.inbox', { committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_ME, 'project.get', { id: s._id })).code).toBe('FORBIDDEN');
    expect((await h.ok(SECRETARY_CS, 'project.get', { id: s._id })).canEdit).toBe(false);
  });

  it('is closed to members and open to the Organization Department for any committee', async () => {
    await submitted();
    expect((await h.err(HOST, 'committee.inbox', {})).code).toBe('FORBIDDEN');
    expect((await h.ok(ADMIN, 'committee.inbox', { committeeId: 'c-cs' })).items).toHaveLength(1);
  });

  it('drops a withdrawn application from the list', async () => {
    const s = await submitted();
    await h.ok(HOST, 'project.withdraw', { id: s._id, version: s.version });
    expect((await h.ok(SECRETARY_CS, 'committee.inbox', {})).items).toEqual([]);
  });
});

describe('my projects', () => {
  it('lists the host’s own applications only', async () => {
    await draft();
    await draft(MEMBER2);
    const mine = await h.ok(HOST, 'project.listMine', {});
    expect(mine).toHaveLength(1);
    expect(mine[0].hostName).toBe('张晓明');
  });
});
