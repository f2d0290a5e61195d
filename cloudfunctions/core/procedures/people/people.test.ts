import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, HOST, MEMBER2, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

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
