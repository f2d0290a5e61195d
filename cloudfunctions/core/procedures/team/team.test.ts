import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import { COMPLETE_FIELDS, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function addUser(openid: string, name: string, committeeId: string, politicalStatus: User['profile']['politicalStatus'], kind: User['profile']['kind'] = 'student') {
  await h.store.insert<User>('users', {
    _id: `u_${openid}`,
    openid,
    profile: { name, staffNo: '20240001', kind, committeeId, branchId: 'b-x', politicalStatus, isPartyWorker: false },
    profileStatus: 'confirmed',
    roles: [{ role: 'member' }],
    createdAt: h.now.value.toISOString(),
  });
}

async function draftWithInvite() {
  const p = await h.ok(HOST, 'project.create', { batchId: OPEN_BATCH });
  const inv = await h.ok(HOST, 'team.invite', { projectId: p._id });
  return { p, inv };
}

describe('the project team', () => {
  it('is joined by invitation: members from other units, teachers and students, activists and development targets', async () => {
    const { p, inv } = await draftWithInvite();
    expect(inv.path).toBe(`/packages/project/join/index?token=${inv.token}`);
    await addUser('o-activist', '周积极', 'c-me', 'activist');
    await addUser('o-target', '吴发展', 'c-med', 'development_target', 'teacher');
    const preview = await h.ok('o-activist', 'team.preview', { token: inv.token });
    expect(preview).toMatchObject({ projectId: p._id, hostName: '张晓明', committeeName: '计算机与软件学院党委', open: true, alreadyMember: false });
    await h.ok('o-activist', 'team.join', { token: inv.token });
    const joined = await h.ok('o-target', 'team.join', { token: inv.token });
    expect(joined.members.map((m) => [m.name, m.committeeName, m.politicalStatus])).toEqual([
      ['周积极', '机电与控制工程学院党委', 'activist'],
      ['吴发展', '医学部党委', 'development_target'],
    ]);
    expect((await h.ok('o-activist', 'project.listJoined', {})).map((x) => x._id)).toEqual([p._id]);
    // A member can read the project; the timeline shows who joined.
    const view = await h.ok('o-activist', 'project.get', { id: p._id });
    expect(view.timeline.map((t) => t.actionLabel)).toEqual(['创建', '成员加入团队', '成员加入团队']);
  });

  it('refuses anyone who is not a party member, activist or development target', async () => {
    const { inv } = await draftWithInvite();
    await addUser('o-other', '郑群众', 'c-cs', 'other');
    const e = await h.err('o-other', 'team.join', { token: inv.token });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('政治面貌');
    expect(await h.store.count('teamMembers')).toBe(0);
  });

  it('lets one join once, and not the host', async () => {
    const { inv } = await draftWithInvite();
    await h.ok(MEMBER2, 'team.join', { token: inv.token });
    expect((await h.err(MEMBER2, 'team.join', { token: inv.token })).code).toBe('ALREADY_EXISTS');
    expect((await h.err(HOST, 'team.join', { token: inv.token })).code).toBe('ALREADY_EXISTS');
    const both = await Promise.all([h.raw(SECRETARY_CS, 'team.join', { token: inv.token }), h.raw(SECRETARY_CS, 'team.join', { token: inv.token })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.store.count('teamMembers')).toBe(2);
  });

  it('closes the team once the application is submitted, and expired or unknown invitations', async () => {
    const { p, inv } = await draftWithInvite();
    h.now.value = new Date(h.now.value.getTime() + 8 * 86_400_000);
    const late = await h.err(MEMBER2, 'team.join', { token: inv.token });
    expect(late.code).toBe('INVALID_TRANSITION');
    expect(late.message).toContain('过期');
    const fresh = await h.ok(HOST, 'team.invite', { projectId: p._id });
    const saved = await h.ok(HOST, 'project.saveDraft', { id: p._id, version: (await h.ok(HOST, 'project.get', { id: p._id })).version, fields: COMPLETE_FIELDS });
    await h.ok(HOST, 'project.submit', { id: p._id, version: saved.version });
    expect((await h.ok(MEMBER2, 'team.preview', { token: fresh.token })).open).toBe(false);
    expect((await h.err(MEMBER2, 'team.join', { token: fresh.token })).code).toBe('INVALID_TRANSITION');
    expect((await h.err(HOST, 'team.invite', { projectId: p._id })).code).toBe('INVALID_TRANSITION');
    expect((await h.err(MEMBER2, 'team.preview', { token: 'a'.repeat(32) })).code).toBe('NOT_FOUND');
    expect((await h.err(MEMBER2, 'team.preview', { token: 'bad token!' })).code).toBe('VALIDATION');
  });

  it('only the host invites and removes; a member may leave', async () => {
    const { p, inv } = await draftWithInvite();
    expect((await h.err(MEMBER2, 'team.invite', { projectId: p._id })).code).toBe('FORBIDDEN');
    await h.ok(MEMBER2, 'team.join', { token: inv.token });
    await h.ok(SECRETARY_CS, 'team.join', { token: inv.token });
    expect((await h.err(SECRETARY_CS, 'team.remove', { projectId: p._id, userId: 'u_dev-member-2' })).code).toBe('FORBIDDEN');
    await h.ok(HOST, 'team.remove', { projectId: p._id, userId: 'u_dev-member-2' });
    const left = await h.ok(SECRETARY_CS, 'team.remove', { projectId: p._id, userId: 'u_dev-secretary-cs' });
    expect(left.members).toEqual([]);
  });

  it('is not readable by outsiders', async () => {
    const { p } = await draftWithInvite();
    expect((await h.err(SECRETARY_ME, 'team.list', { projectId: p._id })).code).toBe('FORBIDDEN');
    expect((await h.ok(HOST, 'team.list', { projectId: p._id })).open).toBe(true);
  });
});
