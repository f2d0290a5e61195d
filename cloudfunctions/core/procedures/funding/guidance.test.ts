import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, HOST, MEMBER2, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import type { OutboxEntry } from '../../services/outbox';
import { approvedProject, cultivatingProject, refused, stored, submitMidterm, TODAY } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const entry = (projectId: string, kind: 'target' | 'visit' | 'note', text: string, date = TODAY) => ({ projectId, date, kind, text });

describe('培育 guidance by the project’s committee (有目标、有计划、有成效)', () => {
  it('records targets, visits and notes, shown to the host, the committee and the 组织部', async () => {
    const p = await cultivatingProject(h);
    await h.ok(SECRETARY_CS, 'guidance.add', entry(p._id, 'target', '年底前形成一项制度成果。', '2026-11-20'));
    const g = await h.ok(SECRETARY_CS, 'guidance.add', entry(p._id, 'visit', '走访项目组，检查活动台账。'));
    expect(g).toMatchObject({ committeeName: '计算机与软件学院党委', counts: { target: 1, visit: 1, note: 0 }, canAdd: true });
    expect(g.items.map((i) => [i.date, i.kindLabel, i.authorName])).toEqual([
      [TODAY, '走访指导', '王建国'],
      ['2026-11-20', '目标与计划', '王建国'],
    ]);
    for (const who of [HOST, ADMIN]) {
      const seen = await h.ok(who, 'guidance.list', { projectId: p._id });
      expect(seen.items).toHaveLength(2);
      expect(seen.canAdd).toBe(false);
    }
    expect((await h.err(MEMBER2, 'guidance.list', { projectId: p._id })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_ME, 'guidance.list', { projectId: p._id })).code).toBe('FORBIDDEN');
    const notices = await h.store.find<OutboxEntry>('outbox', { limit: 100 });
    expect(notices.filter((n) => n.kind === 'funding.guidance').map((n) => n.recipientId)).toEqual(['u_dev-member-1', 'u_dev-member-1']);
  });

  it('refuses guidance from another committee, the host and the 组织部', async () => {
    const p = await cultivatingProject(h);
    const e = await refused(h, SECRETARY_ME, 'guidance.add', entry(p._id, 'note', '越权指导'), 'FORBIDDEN');
    expect(e.message).toContain('项目所在基层党委');
    await refused(h, HOST, 'guidance.add', entry(p._id, 'note', '自我指导'), 'FORBIDDEN');
    await refused(h, ADMIN, 'guidance.add', entry(p._id, 'note', '组织部意见'), 'FORBIDDEN');
  });

  it('is recorded only while the project is cultivated or examined, never dated in the future', async () => {
    const approved = await approvedProject(h);
    await refused(h, SECRETARY_CS, 'guidance.add', entry(approved._id, 'note', '尚未开始培育'), 'INVALID_TRANSITION');
    await h.ok(ADMIN, 'funding.disburse', { projectId: approved._id, tranche: 1, amountFen: 5_000, note: '' });
    await refused(h, SECRETARY_CS, 'guidance.add', entry(approved._id, 'visit', '下周走访', '2026-12-01'), 'VALIDATION');
    await refused(h, SECRETARY_CS, 'guidance.add', entry(approved._id, 'note', '   '), 'VALIDATION');
    const r = await submitMidterm(h, await stored(h, approved._id));
    expect(r.state).toBe('midterm_review');
    expect((await h.ok(SECRETARY_CS, 'guidance.add', entry(approved._id, 'note', '中期材料已审阅。'))).items).toHaveLength(1);
  });
});
