import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

describe('roles granted by the 组织部', () => {
  it('finds a person by 工号/学号 and makes them a reviewer, who can then review', async () => {
    const [p] = await h.ok(ADMIN, 'people.find', { staffNo: '2310452117' });
    expect(p).toMatchObject({ name: '李思雨', committeeName: '计算机与软件学院党委' });
    const granted = await h.ok(ADMIN, 'people.grant', { userId: p.userId, role: 'reviewer' });
    expect(granted.roles.map((r) => r.role)).toEqual(['member', 'reviewer']);
    expect((await h.ok(ADMIN, 'people.withRole', { role: 'reviewer' })).map((x) => x.name).sort()).toEqual(['李思雨', '赵明']);
    expect(Array.isArray(await h.ok(MEMBER2, 'review.myAssignments', {}))).toBe(true);
    expect((await h.err(ADMIN, 'people.grant', { userId: p.userId, role: 'reviewer' })).code).toBe('ALREADY_EXISTS');
    await h.ok(ADMIN, 'people.revoke', { userId: p.userId, role: 'reviewer' });
    expect((await h.err(MEMBER2, 'review.myAssignments', {})).code).toBe('FORBIDDEN');
  });

  it('makes a secretary of one committee, who then sees that committee’s applications', async () => {
    const [p] = await h.ok(ADMIN, 'people.find', { staffNo: 'T2009031' });
    expect((await h.err(ADMIN, 'people.grant', { userId: p.userId, role: 'secretary' })).code).toBe('VALIDATION');
    await h.ok(ADMIN, 'people.grant', { userId: p.userId, role: 'secretary', committeeId: 'c-cs' });
    expect((await h.ok(HOST, 'committee.progress', { batchId: OPEN_BATCH })).committeeName).toBe('计算机与软件学院党委');
  });

  it('is the 组织部’s alone, and an admin cannot remove their own admin role', async () => {
    expect((await h.err(SECRETARY_CS, 'people.grant', { userId: 'u_dev-member-2', role: 'reviewer' })).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'people.revoke', { userId: 'u_dev-admin', role: 'admin' })).code).toBe('VALIDATION');
    expect((await h.err(ADMIN, 'people.grant', { userId: 'u_nobody', role: 'reviewer' })).code).toBe('NOT_FOUND');
  });
});

describe('the committee confirms a bound profile (DESIGN: "the committee confirms it")', () => {
  const profile = { name: '孙新生', staffNo: 'S20269001', kind: 'student' as const, committeeId: 'c-cs', branchId: 'b-cs-s2', politicalStatus: 'full_member' as const, isPartyWorker: false };
  const NEW = 'wx-new-person';

  it('lets a waiting person look around but not act, until their own committee confirms them', async () => {
    const me = await h.ok(NEW, 'profile.bind', profile);
    expect(me.profileStatus).toBe('pending');
    // Looking around is open; acting is not, and the answer says what to do.
    expect(Array.isArray(await h.ok(NEW, 'batch.list', {}))).toBe(true);
    const refused = await h.err(NEW, 'project.create', { batchId: OPEN_BATCH });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('等待所在基层党委确认');

    // Another committee's secretary neither sees nor confirms them.
    expect((await h.ok(SECRETARY_ME, 'people.pending', {})).items).toEqual([]);
    expect((await h.err(SECRETARY_ME, 'people.pending', { committeeId: 'c-cs' })).code).toBe('FORBIDDEN');
    const pending = await h.ok(SECRETARY_CS, 'people.pending', {});
    expect(pending.items.map((p) => [p.name, p.staffNo, p.branchName])).toEqual([['孙新生', 'S20269001', '本科生第二党支部']]);
    const { userId, version } = pending.items[0];
    expect((await h.err(SECRETARY_ME, 'people.confirm', { userId, version, accept: true })).code).toBe('NOT_FOUND');
    expect((await h.err(SECRETARY_CS, 'people.confirm', { userId, version, accept: false })).code).toBe('VALIDATION');
    expect((await h.err(HOST, 'people.confirm', { userId, version, accept: true })).code).toBe('FORBIDDEN');

    await h.ok(SECRETARY_CS, 'people.confirm', { userId, version, accept: true });
    expect((await h.ok(NEW, 'session.me', {})).profileStatus).toBe('confirmed');
    expect((await h.ok(NEW, 'project.create', { batchId: OPEN_BATCH })).state).toBe('draft');
    expect((await h.err(SECRETARY_CS, 'people.confirm', { userId, version: version + 1, accept: true })).code).toBe('INVALID_TRANSITION');
    const lines = await h.store.find<{ _id: string; version: number; action: string; actorId: string }>('audit', { where: { entityId: userId } });
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['bind', 'confirmProfile']));
  });

  it('returns a profile with a reason; the person corrects it and waits again', async () => {
    await h.ok(NEW, 'profile.bind', { ...profile, staffNo: 'T2009031' });
    const [item] = (await h.ok(SECRETARY_CS, 'people.pending', {})).items;
    // The 工号 someone else already bound is pointed out to the secretary.
    expect(item.sameStaffNo).toEqual([{ name: '张晓明', committeeName: '计算机与软件学院党委' }]);
    await h.ok(SECRETARY_CS, 'people.confirm', { userId: item.userId, version: item.version, accept: false, reason: '工号与人事系统不符' });
    const me = await h.ok(NEW, 'session.me', {});
    expect(me).toMatchObject({ profileStatus: 'rejected', rejectReason: '工号与人事系统不符' });
    expect((await h.err(NEW, 'project.create', { batchId: OPEN_BATCH })).message).toContain('工号与人事系统不符');

    const again = await h.ok(NEW, 'profile.bind', profile);
    expect(again).toMatchObject({ profileStatus: 'pending', rejectReason: null });
    expect((await h.err(NEW, 'profile.bind', profile)).code).toBe('ALREADY_EXISTS');
    // A secretary still looking at the profile as it was before the correction is told to refresh.
    expect((await h.err(SECRETARY_CS, 'people.confirm', { userId: item.userId, version: item.version, accept: true })).code).toBe('CONFLICT');
    expect((await h.ok(ADMIN, 'people.pending', { committeeId: 'c-cs' })).items.map((p) => p.staffNo)).toEqual(['S20269001']);
  });

  it('counts a role granted by the 组织部 as confirmation', async () => {
    const me = await h.ok(NEW, 'profile.bind', profile);
    await h.ok(ADMIN, 'people.grant', { userId: me.userId, role: 'reviewer' });
    expect((await h.ok(NEW, 'session.me', {})).profileStatus).toBe('confirmed');
    expect(Array.isArray(await h.ok(NEW, 'review.myAssignments', {}))).toBe(true);
  });
});
