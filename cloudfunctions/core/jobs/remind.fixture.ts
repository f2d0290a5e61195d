import { openSqliteStore } from '../adapters/sqlite/store';
import type { Notifier, OutgoingMessage, SendOutcome } from '../ports/notifier';
import type { Store, StoredDoc } from '../ports/store';
import { grantId } from './reminder-docs';

type Doc = StoredDoc & Record<string, unknown>;

/** Host with a draft, host who submitted, a secretary of c1 and a reviewer with one unscored sheet. */
export const HOST = 'u_host';
export const DONE_HOST = 'u_done';
export const SECRETARY = 'u_sec';
export const REVIEWER = 'u_rev';
export const DEADLINE = '2022-06-29';

const user = (id: string, roles: Array<{ role: string; committeeId?: string }>): Omit<Doc, 'version'> => ({
  _id: id,
  openid: id.slice(2),
  profile: { name: id, staffNo: id, kind: 'teacher', committeeId: 'c1', branchId: 'b1', politicalStatus: 'member', isPartyWorker: true },
  profileStatus: 'confirmed',
  roles: [{ role: 'member' }, ...roles],
  createdAt: '2022-01-01T00:00:00.000Z',
});

const project = (id: string, hostId: string, state: string, batchId = 'b2022'): Omit<Doc, 'version'> => ({
  _id: id,
  batchId,
  committeeId: 'c1',
  hostId,
  hostName: hostId,
  state,
  fields: { title: `项目${id}` },
  createdAt: '2022-06-01T00:00:00.000Z',
  updatedAt: '2022-06-01T00:00:00.000Z',
  submittedAt: null,
});

export async function seedReminders(store: Store, grants = 5): Promise<void> {
  const insert = (c: string, d: Omit<Doc, 'version'>) => store.insert<Doc>(c, d);
  await insert('batches', {
    _id: 'b2022',
    name: '2022年第二批',
    year: 2022,
    level: 'school',
    calendar: { submissionDeadline: DEADLINE, recommendationDeadline: '2022-07-06', reviewStart: '2022-07-07', reviewEnd: '2022-07-20' },
    grantPerProject: 0,
    quota: 10,
  });
  await insert('batches', { _id: 'b2021', name: '2021年', year: 2021, level: 'school', calendar: { submissionDeadline: '2021-06-01', reviewEnd: '2022-07-20', midtermDate: '2022-07-06', finalDate: '2022-12-30' }, grantPerProject: 0, quota: 10 });
  await insert('users', user(HOST, []));
  await insert('users', user(DONE_HOST, []));
  await insert('users', user(SECRETARY, [{ role: 'secretary', committeeId: 'c1' }]));
  await insert('users', user(REVIEWER, [{ role: 'reviewer' }]));
  await insert('roleIndex', { _id: `secretary:c1:${SECRETARY}`, role: 'secretary', userId: SECRETARY, committeeId: 'c1' });
  // c1's brand report for 2022 is already submitted: no brand duty unless a test removes it.
  await insert('brandSlots', { _id: 'c1:2022', committeeId: 'c1', year: 2022, brandId: 'brand-c1' });
  await insert('brands', { _id: 'brand-c1', committeeId: 'c1', year: 2022, state: 'submitted', report: {}, searchText: '', updatedAt: '2022-06-01T00:00:00.000Z' });
  await insert('projects', project('p1', HOST, 'draft'));
  await insert('projects', project('p2', DONE_HOST, 'submitted'));
  await insert('projects', project('p3', 'u_other', 'under_review', 'b2021'));
  await insert('projects', project('p4', HOST, 'cultivating', 'b2021'));
  await insert('reviewAssignments', { _id: `p3:${REVIEWER}`, batchId: 'b2021', projectId: 'p3', reviewerId: REVIEWER, assignedBy: 'x', assignedAt: 'x', how: 'manual' });
  for (const u of [HOST, DONE_HOST, SECRETARY, REVIEWER]) {
    for (const t of ['deadline', 'task']) {
      await insert('subscriptions', { _id: grantId(u, t), userId: u, templateKey: t, remaining: grants, lastResult: 'accept', updatedAt: 'x' });
    }
  }
}

export async function freshStore(grants = 5): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await seedReminders(store, grants);
  return store;
}

/** "The process died": every later call of the store or notifier fails. */
export class Killed extends Error {}

/**
 * A store that dies after `budget` writes (a transaction commits as one write): the run is
 * killed at that step, whatever it was doing.
 */
export function killable(store: Store, budget: number): { store: Store; killed: () => boolean } {
  let left = budget;
  let dead = false;
  const step = () => {
    if (dead || left <= 0) {
      dead = true;
      throw new Killed('killed');
    }
    left -= 1;
  };
  const alive = () => {
    if (dead) throw new Killed('killed');
  };
  const wrapped: Store = {
    get: async (c, id) => (alive(), store.get(c, id)),
    find: async (c, o) => (alive(), store.find(c, o)),
    count: async (c, w) => (alive(), store.count(c, w)),
    aggregate: async (c, s) => (alive(), store.aggregate(c, s)),
    insert: async (c, d) => (step(), store.insert(c, d)),
    update: async (c, id, v, p) => (step(), store.update(c, id, v, p)),
    remove: async (c, id, v) => (step(), store.remove(c, id, v)),
    transaction: async (fn) => {
      step();
      return store.transaction(fn);
    },
    close: () => store.close(),
  };
  return { store: wrapped, killed: () => dead };
}

/** A notifier answering from a script, recording what it was asked to send. */
export function scripted(outcomes: SendOutcome[] = []): Notifier & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    async send(m) {
      const o = outcomes.shift() ?? { ok: true };
      sent.push(m);
      return o;
    },
  };
}
