import { describe, expect, it } from 'vitest';
import type { User } from '@shared/domain/person';
import type { Duty } from '@shared/domain/reminders/duty';
import type { StoredDoc } from '../../ports/store';
import { countingStore } from '../../../../scripts/bench/counting-store';
import { freshStore, HOST, REVIEWER, SECRETARY } from '../../jobs/remind.fixture';
import { allDuties, dutiesOf } from './duties';

type Doc = StoredDoc & Record<string, unknown>;
const key = (d: Duty) => `${d.personId} ${d.kind} ${d.deadline} ${d.count} ${d.title} ${d.link}`;
const PEOPLE = [HOST, SECRETARY, REVIEWER];
// Before the submission deadline, on the recommendation deadline, in the review window.
const TIMES = ['2022-06-26T01:00:00Z', '2022-07-06T01:30:00Z', '2022-07-13T01:30:00Z'].map((t) => new Date(t));

describe('我的待办 read per person agrees with the scheduler read per batch', () => {
  it.each(TIMES.map((t) => [t.toISOString(), t]))('at %s, for the host, the secretary and the reviewer', async (_label, now) => {
    const store = await freshStore();
    let seen = 0;
    const everyone = (await allDuties(store, now, Number.POSITIVE_INFINITY)).map(key).sort();
    for (const id of PEOPLE) {
      const user = await store.get<User & { version: number }>('users', id);
      if (!user) throw new Error(id);
      const mine = (await dutiesOf(store, user, now)).map(key).sort();
      expect(mine, id).toEqual(everyone.filter((k) => k.startsWith(`${id} `)));
      seen += mine.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('moves a draft’s deadline by the host’s extension, read in the same one read as their committee’s', async () => {
    const store = await freshStore();
    await store.insert<Doc>('extensions', { _id: 'x1', batchId: 'b2022', target: 'host', targetId: HOST, targetName: HOST, date: '2022-07-10', reason: '病假', grantedBy: 'u_admin', grantedAt: '2022-06-20T00:00:00Z' });
    const user = await store.get<User & { version: number }>('users', HOST);
    if (!user) throw new Error(HOST);
    const counted = countingStore(store);
    const duties = await dutiesOf(counted.store, user, new Date('2022-07-01T01:00:00Z'));
    expect(duties.find((d) => d.kind === 'submitDraft')?.deadline).toBe('2022-07-10');
    expect(counted.counter.byOp.find).toBe(3); // hosted projects, batches, extensions
  });

  it('gives no scoring duty to someone whose reviewer role was revoked (review.score would refuse them)', async () => {
    const store = await freshStore();
    const now = TIMES[2];
    const user = await store.get<User & { version: number }>('users', REVIEWER);
    if (!user) throw new Error(REVIEWER);
    expect((await dutiesOf(store, user, now)).map((d) => d.kind)).toEqual(['scoreReviews']);
    expect(await dutiesOf(store, { ...user, roles: [{ role: 'member' }] }, now)).toEqual([]);
  });

  it('reads a reviewer’s rounds, sheets and projects in a fixed number of reads, not one per assignment', async () => {
    const store = await freshStore();
    for (let i = 0; i < 30; i++) {
      await store.insert<Doc>('projects', { _id: `q${i}`, batchId: 'b2021', committeeId: 'c1', hostId: `u_h${i}`, hostName: 'h', state: 'under_review', fields: { title: `q${i}` }, createdAt: 'x', updatedAt: 'x', submittedAt: null });
      await store.insert<Doc>('reviewAssignments', { _id: `q${i}:${REVIEWER}`, batchId: 'b2021', projectId: `q${i}`, reviewerId: REVIEWER, assignedBy: 'x', assignedAt: 'x', how: 'manual' });
    }
    const user = await store.get<User & { version: number }>('users', REVIEWER);
    if (!user) throw new Error(REVIEWER);
    const counted = countingStore(store);
    const duties = await dutiesOf(counted.store, user, TIMES[2]);
    expect(duties.map((d) => [d.kind, d.count])).toEqual([['scoreReviews', 31]]);
    // hosted projects, batches, assignments, sheets, the unscored projects
    expect(counted.counter.trips).toBe(5);
  });
});
