import { beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import { ADMIN, createHarness, HOST, MEMBER2, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import type { AuditEntry } from '../../services/audit';
import { fanOutGroupNotices } from '../../jobs/fan-out';
import type { OutboxEntry } from '../../services/outbox';
import { approvedProject, cultivatingProject, GRANT, passedMidterm, RECEIPT, refused, stored, submitMidterm, TODAY } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const auditOf = (projectId: string) => h.store.find<AuditEntry>('audit', { where: { entityId: projectId }, orderBy: [{ field: 'at', direction: 'asc' }] });
const expense = (p: Project, amountFen: number, extra: Record<string, unknown> = {}) => ({
  projectId: p._id,
  date: TODAY,
  item: '学习资料印制',
  amountFen,
  receipts: [RECEIPT],
  ...extra,
});

describe('paying the grant in two tranches (立项拨付50%，中期验收通过拨付50%)', () => {
  it('pays a grant of 10 001 fen as 5 000 at 立项, then 5 001 after the midterm is passed', async () => {
    const p = await approvedProject(h);
    const before = await h.ok(ADMIN, 'funding.status', { projectId: p._id });
    expect(before).toMatchObject({ grantFen: GRANT, paidFen: 0, dueTranche: 1, dueAmountFen: 5_000, can: { disburse: true } });
    expect(before.tranches.map((t) => [t.tranche, t.amountFen, t.paid])).toEqual([
      [1, 5_000, false],
      [2, 5_001, false],
    ]);

    const first = await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: 5_000, note: '财务凭证 2026-118' });
    expect(first).toMatchObject({ state: 'cultivating', paidFen: 5_000, availableFen: 5_000, dueTranche: null });
    expect(first.disbursements).toMatchObject([{ tranche: 1, amountFen: 5_000, note: '财务凭证 2026-118', actorName: '刘芳' }]);
    expect(await h.store.get('disbursements', `${p._id}:t1`)).toMatchObject({ projectId: p._id, batchId: p.batchId, tranche: 1, amountFen: 5_000 });
    // The project carries the running totals, written in the same transaction (培育与验收 and the dashboards sum them).
    expect(await stored(h, p._id)).toMatchObject({ paidFen: 5_000, tranchesPaid: 1 });


    const r = await submitMidterm(h, await stored(h, p._id));
    await h.ok(ADMIN, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: true, comment: '' });
    const second = await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' });
    expect(second).toMatchObject({ paidFen: 10_001, unpaidFen: 0, dueTranche: null });
    expect(await stored(h, p._id)).toMatchObject({ paidFen: 10_001, tranchesPaid: 2 });
    expect(second.disbursements.map((d) => [d.tranche, d.amountFen])).toEqual([
      [1, 5_000],
      [2, 5_001],
    ]);
  });

  it('moves an approved project to 培育 with tranche 1, in one audited transaction', async () => {
    const p = await approvedProject(h);
    await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: 5_000, note: '' });
    expect((await stored(h, p._id)).state).toBe('cultivating');
    const lines = (await auditOf(p._id)).filter((a) => a.action === 'disburse' || a.action === 'startCultivation');
    expect(lines.map((a) => [a.action, a.from, a.to, a.actorId])).toEqual([
      ['disburse', '已拨付 0.00 元', '已拨付 50.00 元', 'u_dev-admin'],
      ['startCultivation', 'approved', 'cultivating', 'u_dev-admin'],
    ]);
    await fanOutGroupNotices(h.store);
    const notices = await h.store.find<OutboxEntry>('outbox', { limit: 100 });
    // One notice for both: the host (and, by the timed job's next run, the committee's secretary) hear that 培育 has started, with the amount paid.
    const mine = notices.filter((n) => n.entityId === p._id && n.kind !== 'project.submit');
    expect(mine.map((n) => [n.kind, n.recipientId]).sort()).toEqual([
      ['project.startCultivation', 'u_dev-member-1'],
      ['project.startCultivation', 'u_dev-secretary-cs'],
    ]);
    expect(mine[0]?.body).toContain('50.00');
  });

  it('refuses tranche 2 before the midterm is passed, and a wrong amount, changing nothing', async () => {
    const p = await cultivatingProject(h);
    const early = await refused(h, ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' }, 'TOO_EARLY');
    expect(early.message).toContain('中期验收通过后');
    const fresh = await approvedProject(h, 10_001, MEMBER2);
    const wrong = await refused(h, ADMIN, 'funding.disburse', { projectId: fresh._id, tranche: 1, amountFen: 5_001, note: '' }, 'VALIDATION');
    expect(wrong.message).toContain('50.00');
    await refused(h, ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: 50.5, note: '' }, 'VALIDATION');
  });

  it('pays tranche 2 of 5 001 fen once the midterm is passed, notifying the host', async () => {
    const p = await passedMidterm(h);
    const due = await h.ok(ADMIN, 'funding.status', { projectId: p._id });
    expect(due).toMatchObject({ dueTranche: 2, dueAmountFen: 5_001, midtermPassed: true });
    const paid = await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' });
    expect(paid).toMatchObject({ state: 'cultivating', paidFen: GRANT, unpaidFen: 0, dueTranche: null });
    expect(paid.tranches.map((t) => t.paid)).toEqual([true, true]);
    const notices = await h.store.find<OutboxEntry>('outbox', { limit: 100 });
    expect(notices.some((n) => n.kind === 'funding.disbursed' && n.recipientId === 'u_dev-member-1' && n.body.includes('50.01'))).toBe(true);
    await refused(h, ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' }, 'ALREADY_EXISTS');
  });

  it('records exactly one disbursement when the same tranche is paid twice at once', async () => {
    const p = await approvedProject(h);
    const input = { projectId: p._id, tranche: 1, amountFen: 5_000, note: '' };
    const results = await Promise.all([h.raw(ADMIN, 'funding.disburse', input), h.raw(ADMIN, 'funding.disburse', input), h.raw(ADMIN, 'funding.disburse', input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(['ALREADY_EXISTS', 'CONFLICT']).toContain(r.error.code);
    expect(await h.store.count('disbursements', { projectId: p._id })).toBe(1);
    expect((await auditOf(p._id)).filter((a) => a.action === 'disburse')).toHaveLength(1);
    expect((await stored(h, p._id)).state).toBe('cultivating');
  });

  it('lets only the 组织部 record a disbursement, and only on a project with a grant', async () => {
    const p = await approvedProject(h);
    const input = { projectId: p._id, tranche: 1, amountFen: 5_000, note: '' };
    await refused(h, HOST, 'funding.disburse', input, 'FORBIDDEN');
    await refused(h, SECRETARY_CS, 'funding.disburse', input, 'FORBIDDEN');
    const ungranted = await approvedProject(h, GRANT, MEMBER2);
    await h.store.update<Project>('projects', ungranted._id, ungranted.version, { grantFen: null });
    await refused(h, ADMIN, 'funding.disburse', { ...input, projectId: ungranted._id }, 'INCOMPLETE');
  });
});

describe('who sees the money', () => {
  it('shows the status to the host, the project’s committee and the 组织部 only', async () => {
    const p = await cultivatingProject(h);
    for (const who of [HOST, SECRETARY_CS, ADMIN]) expect((await h.ok(who, 'funding.status', { projectId: p._id })).paidFen).toBe(5_000);
    expect((await h.err(MEMBER2, 'funding.status', { projectId: p._id })).code).toBe('FORBIDDEN');
    expect((await h.err(SECRETARY_ME, 'funding.status', { projectId: p._id })).code).toBe('FORBIDDEN');
    expect((await h.err(HOST, 'funding.status', { projectId: 'nope' })).code).toBe('NOT_FOUND');
    expect((await h.ok(HOST, 'funding.status', { projectId: p._id })).can).toEqual({ disburse: false, setMatching: false, addExpense: true });
  });
});

describe('expenses (专款专用)', () => {
  it('records an expense with its receipts within what has been paid', async () => {
    const p = await cultivatingProject(h);
    const s = await h.ok(HOST, 'funding.addExpense', expense(p, 3_000));
    expect(s).toMatchObject({ spentFen: 3_000, availableFen: 2_000, overrideCount: 0 });
    expect(s.expenses).toMatchObject([{ item: '学习资料印制', amountFen: 3_000, receipts: [RECEIPT], overridden: false, authorName: '张晓明' }]);
    expect((await auditOf(p._id)).filter((a) => a.action === 'expense').map((a) => [a.from, a.to])).toEqual([['已支出 0.00 元', '已支出 30.00 元']]);
    // The project carries the running total, written in the same transaction.
    expect(await stored(h, p._id)).toMatchObject({ spentFen: 3_000, paidFen: 5_000 });
    await h.ok(HOST, 'funding.addExpense', expense(p, 1_500));
    expect(await stored(h, p._id)).toMatchObject({ spentFen: 4_500 });
  });

  it('refuses spending beyond what has been paid with EXCEEDS_PAID, changing nothing', async () => {
    const p = await cultivatingProject(h);
    await h.ok(HOST, 'funding.addExpense', expense(p, 3_000));
    const e = await refused(h, HOST, 'funding.addExpense', expense(p, 2_001), 'EXCEEDS_PAID');
    expect(e.message).toContain('20.00');
    expect(e.details).toMatchObject({ availableFen: 2_000 });
    await h.ok(HOST, 'funding.addExpense', expense(p, 2_000));
  });

  it('allows it with a stated reason: audited as an override and told to the 组织部', async () => {
    const p = await cultivatingProject(h);
    const s = await h.ok(HOST, 'funding.addExpense', expense(p, 6_000, { override: { reason: '第二笔经费未到，先行垫付场地费' } }));
    expect(s).toMatchObject({ spentFen: 6_000, availableFen: -1_000, overrideCount: 1 });
    expect(s.expenses[0]).toMatchObject({ overridden: true, overrideReason: '第二笔经费未到，先行垫付场地费', excessFen: 1_000 });
    const line = (await auditOf(p._id)).find((a) => a.action === 'expenseOverride');
    expect(line).toMatchObject({ actorId: 'u_dev-member-1' });
    expect(line?.reason).toContain('第二笔经费未到');
    const notices = await h.store.find<OutboxEntry>('outbox', { limit: 100 });
    expect(notices.filter((n) => n.kind === 'funding.expenseOverride').map((n) => n.recipientId)).toEqual(['u_dev-admin']);
    await refused(h, HOST, 'funding.addExpense', expense(p, 100, { override: { reason: '  ' } }), 'VALIDATION');
  });

  it('lets only the host record expenses, dated no later than today, with receipts', async () => {
    const p = await cultivatingProject(h);
    await refused(h, MEMBER2, 'funding.addExpense', expense(p, 100), 'FORBIDDEN');
    await refused(h, SECRETARY_CS, 'funding.addExpense', expense(p, 100), 'FORBIDDEN');
    await refused(h, HOST, 'funding.addExpense', expense(p, 100, { date: '2026-11-28' }), 'VALIDATION');
    await refused(h, HOST, 'funding.addExpense', expense(p, 100, { receipts: [] }), 'VALIDATION');
    await refused(h, HOST, 'funding.addExpense', expense(p, 100, { receipts: ['http://evil/x.jpg'] }), 'VALIDATION');
    await refused(h, HOST, 'funding.addExpense', expense(p, 0), 'VALIDATION');
    await refused(h, HOST, 'funding.addExpense', { ...expense(p, 100), extra: 1 }, 'VALIDATION');
  });

  it('lets one of two simultaneous expenses through when together they would exceed what was paid', async () => {
    const p = await cultivatingProject(h);
    const results = await Promise.all([h.raw(HOST, 'funding.addExpense', expense(p, 3_000)), h.raw(HOST, 'funding.addExpense', expense(p, 3_000))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.store.count('expenses', { projectId: p._id })).toBe(1);
    expect(await stored(h, p._id)).toMatchObject({ spentFen: 3_000 });
  });

  it('refuses expenses before 立项 money can move', async () => {
    const p = await approvedProject(h);
    await h.store.update<Project>('projects', p._id, p.version, { state: 'in_publicity' });
    await refused(h, HOST, 'funding.addExpense', expense(p, 100), 'INVALID_TRANSITION');
  });
});

describe('配套经费 (matching funds)', () => {
  it('raises what can be spent, set by the project’s committee and audited', async () => {
    const p = await cultivatingProject(h);
    await refused(h, HOST, 'funding.addExpense', expense(p, 8_000), 'EXCEEDS_PAID');
    const s = await h.ok(SECRETARY_CS, 'funding.setMatching', { projectId: p._id, amountFen: 3_000, note: '学院党委配套' });
    expect(s).toMatchObject({ matchingFen: 3_000, receivedFen: 8_000, availableFen: 8_000 });
    expect(await h.ok(HOST, 'funding.addExpense', expense(p, 8_000))).toMatchObject({ availableFen: 0, overrideCount: 0 });
    const line = (await auditOf(p._id)).find((a) => a.action === 'setMatching');
    expect(line).toMatchObject({ from: '配套经费 0.00 元', to: '配套经费 30.00 元', reason: '学院党委配套', actorId: 'u_dev-secretary-cs' });
  });

  it('is refused to another committee and to the host, and cannot drop below what it already paid for', async () => {
    const p = await cultivatingProject(h);
    await refused(h, SECRETARY_ME, 'funding.setMatching', { projectId: p._id, amountFen: 3_000, note: '' }, 'FORBIDDEN');
    await refused(h, HOST, 'funding.setMatching', { projectId: p._id, amountFen: 3_000, note: '' }, 'FORBIDDEN');
    await h.ok(ADMIN, 'funding.setMatching', { projectId: p._id, amountFen: 3_000, note: '组织部代为登记' });
    await h.ok(HOST, 'funding.addExpense', expense(p, 7_000));
    const e = await refused(h, SECRETARY_CS, 'funding.setMatching', { projectId: p._id, amountFen: 1_000, note: '' }, 'VALIDATION');
    expect(e.message).toContain('20.00');
    expect((await h.ok(SECRETARY_CS, 'funding.setMatching', { projectId: p._id, amountFen: 2_000, note: '' })).availableFen).toBe(0);
  });
});
