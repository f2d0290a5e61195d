import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, HOST, NEWCOMER, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const profile = {
  name: '周新',
  staffNo: '2410001234',
  kind: 'student' as const,
  committeeId: 'c-me',
  branchId: 'b-me-s1',
  politicalStatus: 'activist' as const,
  isPartyWorker: false,
};

describe('binding a profile', () => {
  it('tells an unbound caller they are not bound yet', async () => {
    const me = await h.ok(NEWCOMER, 'session.me', {});
    expect(me.bound).toBe(false);
  });

  it('binds once, as a member awaiting the committee’s confirmation', async () => {
    const me = await h.ok(NEWCOMER, 'profile.bind', profile);
    expect(me).toMatchObject({ bound: true, profileStatus: 'pending', committeeName: '机电与控制工程学院党委', branchName: '机电研究生党支部' });
    expect(me.roles).toEqual([{ role: 'member' }]);
    expect((await h.err(NEWCOMER, 'profile.bind', profile)).code).toBe('ALREADY_EXISTS');
  });

  it('binds the identity from the context, whatever the payload says', async () => {
    const r = await h.raw(NEWCOMER, 'profile.bind', { ...profile, openid: HOST });
    expect(r.ok).toBe(false);
    expect((await h.ok(HOST, 'session.me', {})).profile?.name).toBe('张晓明');
  });

  it('refuses a branch of another committee', async () => {
    const e = await h.err(NEWCOMER, 'profile.bind', { ...profile, branchId: 'b-cs-t1' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('党支部');
  });

  it('validates names and numbers with messages that name the field', async () => {
    expect((await h.err(NEWCOMER, 'profile.bind', { ...profile, name: '周' })).message).toContain('姓名');
    expect((await h.err(NEWCOMER, 'profile.bind', { ...profile, staffNo: '12 34' })).message).toContain('工号/学号');
    expect((await h.err(NEWCOMER, 'profile.bind', { ...profile, politicalStatus: 'vip' })).message).toContain('政治面貌');
  });

  it('does not let someone already bound bind again', async () => {
    expect((await h.err(SECRETARY_CS, 'profile.bind', profile)).code).toBe('ALREADY_EXISTS');
  });

  it('gives the organisation tree to a newcomer for the form', async () => {
    const org = await h.ok(NEWCOMER, 'org.tree', {});
    expect(org.committees.map((c) => c.name)).toContain('体育学院党总支');
    expect(org.branches.every((b) => org.committees.some((c) => c._id === b.committeeId))).toBe(true);
  });
});

describe('batches', () => {
  it('lists the open batch and the notice’s closed 2022 batch', async () => {
    const batches = await h.ok(HOST, 'batch.list', {});
    const byId = Object.fromEntries(batches.map((b) => [b._id, b]));
    expect(byId['batch-2022-2']).toMatchObject({ open: false, deadlineText: '2022年6月29日 23:59（北京时间）' });
    expect(byId['batch-2026-open']).toMatchObject({ open: true, daysLeft: 30 });
  });
});
