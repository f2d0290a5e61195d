import { describe, expect, it } from 'vitest';
import type { TodoItem } from '@shared/contracts/reminders';
import type { Project } from '@shared/domain/project/project';
import { queueTotal } from '@shared/domain/queue/counts';
import { userIdFor } from '../../context';
import { ADMIN, createHarness, HOST, MEMBER2, NEWCOMER, OPEN_BATCH, SECRETARY_CS, SECRETARY_ME} from '../../../../test/support/harness';
import type { ObjectionFinding } from '@shared/domain/review/objection';
import type { Objection } from '../review/docs';
import { approvedProject, cultivatingProject, passedMidterm, submitMidterm } from '../funding/fixtures';

const NEW_PROFILE = { name: '周新', staffNo: '2410001234', kind: 'student' as const, committeeId: 'c-me', branchId: 'b-me-s1', politicalStatus: 'activist' as const, isPartyWorker: false };

const one = (items: TodoItem[], kind: TodoItem['kind']) => {
  const found = items.filter((i) => i.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0];
};
const query = (link: string) => Object.fromEntries(new URL(link, 'https://x').searchParams);

describe('我的待办: the whole queue, with or without a deadline', () => {
  it('the 组织部: the tranches owed and the midterm waiting, each opening 培育与验收 filtered to exactly those', async () => {
    const h = await createHarness();
    await approvedProject(h, 20_000, MEMBER2); // tranche 1 owed
    await passedMidterm(h); // tranche 2 owed
    const todo = await h.ok(ADMIN, 'todo.mine', {});
    const first = one(todo.items, 'payFirstTranche');
    const second = one(todo.items, 'paySecondTranche');
    for (const [item, tranche] of [[first, 1], [second, 2]] as const) {
      expect(item).toMatchObject({ count: 1, deadline: null, daysLeft: null });
      expect(item.waitedText).toBe('今天送达');
      expect(item.link.startsWith('/packages/admin/funded/index?')).toBe(true);
      expect(query(item.link)).toEqual({ batchId: OPEN_BATCH, tranche: String(tranche) });
      const list = await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, tranche, sort: 'updated', page: 0, pageSize: 20 });
      expect(list.total).toBe(item.count);
    }
    expect(todo.count).toBe(queueTotal(todo.items));
    // Two days on (Beijing calendar days), the same work has waited two days.
    h.now.value = new Date('2026-11-29T02:00:00Z');
    expect((await h.ok(ADMIN, 'todo.mine', {})).items.find((i) => i.kind === 'payFirstTranche')?.waitedText).toBe('已等待 2 天');
  });

  it('the midterm and the 结项 waiting for acceptance, counted as the list filtered by state counts them', async () => {
    const h = await createHarness();
    const p = await cultivatingProject(h);
    await submitMidterm(h, p);
    const item = one((await h.ok(ADMIN, 'todo.mine', {})).items, 'acceptMidterm');
    expect(query(item.link)).toEqual({ batchId: OPEN_BATCH, state: 'midterm_review' });
    expect((await h.ok(ADMIN, 'funding.list', { batchId: OPEN_BATCH, state: 'midterm_review', sort: 'updated', page: 0, pageSize: 20 })).total).toBe(item.count);
    // The host sees no 中期 duty once the materials are in, and an expense to record for the paid tranche.
    const host = await h.ok(HOST, 'todo.mine', {});
    expect(host.items.some((i) => i.kind === 'midtermMaterials')).toBe(false);
    expect(one(host.items, 'recordExpenses').link).toBe(`/packages/project/funding/index?id=${p._id}`);
  });

  it('an expense recorded takes the host\'s item away', async () => {
    const h = await createHarness();
    const p = await cultivatingProject(h);
    expect((await h.ok(HOST, 'todo.mine', {})).items.some((i) => i.kind === 'recordExpenses')).toBe(true);
    await h.store.update<Project>('projects', p._id, (await h.store.get<Project>('projects', p._id))?.version ?? 0, { spentFen: 100 });
    expect((await h.ok(HOST, 'todo.mine', {})).items.some((i) => i.kind === 'recordExpenses')).toBe(false);
  });

  it('an objection waits for the 组织部 until it has a finding', async () => {
    const h = await createHarness();
    const p = await approvedProject(h);
    await h.store.update<Project>('projects', p._id, p.version, { state: 'in_publicity' });
    await h.store.insert<Objection & { finding?: ObjectionFinding }>('objections', { _id: 'o1', batchId: OPEN_BATCH, projectId: p._id, authorId: userIdFor(HOST), authorName: '张晓明', authorCommitteeId: 'c-cs', text: '内容重复', createdAt: '2026-11-20T02:00:00.000Z' });
    await h.store.insert<Objection & { finding?: ObjectionFinding }>('objections', { _id: 'o2', batchId: OPEN_BATCH, projectId: p._id, authorId: userIdFor(HOST), authorName: '张晓明', authorCommitteeId: 'c-cs', text: '已答复', createdAt: '2026-11-21T02:00:00.000Z', finding: { verdict: 'dismissed', remedy: null, reason: '经核实不属实', by: 'u_dev-admin', at: '2026-11-22T02:00:00.000Z' } });
    const item = one((await h.ok(ADMIN, 'todo.mine', {})).items, 'answerObjection');
    expect(item).toMatchObject({ count: 1, since: '2026-11-20T02:00:00.000Z', waitedText: '已等待 7 天', link: `/packages/admin/round/index?batchId=${OPEN_BATCH}` });
  });

  it('identities: the secretary sees those of their committee at once; the 组织部 those unconfirmed for 7 days', async () => {
    const h = await createHarness();
    await h.ok(NEWCOMER, 'profile.bind', NEW_PROFILE);
    const secretary = one((await h.ok(SECRETARY_ME, 'todo.mine', {})).items, 'confirmIdentity');
    expect(secretary).toMatchObject({ count: 1, link: '/packages/committee/members/index' });
    expect((await h.ok(SECRETARY_ME, 'people.pending', {})).items).toHaveLength(secretary.count);
    expect((await h.ok(SECRETARY_CS, 'todo.mine', {})).items.some((i) => i.kind === 'confirmIdentity')).toBe(false);
    expect((await h.ok(ADMIN, 'todo.mine', {})).items.some((i) => i.kind === 'confirmIdentityLate')).toBe(false);
    expect((await h.ok(ADMIN, 'people.pending', { waitedDays: 7 })).items).toHaveLength(0);
    // Bound 2026-11-27 10:00 Beijing: on 12-04 it has waited 7 calendar days.
    h.now.value = new Date('2026-12-03T15:59:00Z');
    expect((await h.ok(ADMIN, 'todo.mine', {})).items.some((i) => i.kind === 'confirmIdentityLate')).toBe(false);
    h.now.value = new Date('2026-12-03T16:00:00Z');
    const late = one((await h.ok(ADMIN, 'todo.mine', {})).items, 'confirmIdentityLate');
    expect(late).toMatchObject({ count: 1, waitedText: '已等待 7 天', link: '/packages/committee/members/index?waitedDays=7' });
    expect((await h.ok(ADMIN, 'people.pending', { waitedDays: 7 })).items).toHaveLength(late.count);
  });
});
