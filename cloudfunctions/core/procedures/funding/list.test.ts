import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, MEMBER2, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';
import { approvedProject, GRANT, passedMidterm } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

describe('the 组织部’s list of funded projects', () => {
  it('shows every approved project of the batch with what is paid and what is due', async () => {
    const a = await passedMidterm(h); // tranche 1 paid, midterm passed: tranche 2 due
    const b = await approvedProject(h, 20_000, MEMBER2); // nothing paid yet: tranche 1 due
    const list = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH });
    const byId = Object.fromEntries(list.map((x) => [x.projectId, x]));
    expect(byId[a._id]).toMatchObject({ state: 'cultivating', grantFen: GRANT, paidFen: 5_000, dueTranche: 2, midtermPassed: true, committeeName: '计算机与软件学院党委' });
    expect(byId[b._id]).toMatchObject({ state: 'approved', grantFen: 20_000, paidFen: 0, dueTranche: 1, hostName: '李思雨' });
    expect((await h.err(SECRETARY_CS, 'funding.list', { batchId: OPEN_BATCH })).code).toBe('FORBIDDEN');
    expect((await h.err(ADMIN, 'funding.list', { batchId: 'nope' })).code).toBe('NOT_FOUND');
  });
});
