import { beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '@shared/domain/project/project';
import { ADMIN, createHarness, HOST, MEMBER2, SECRETARY_CS, SECRETARY_ME, type Harness } from '../../../../test/support/harness';
import type { AuditEntry } from '../../services/audit';
import { cultivatingProject, inFinalReview, OUTCOME, passedMidterm, RECEIPT, refused, stored, submitMidterm, TODAY } from './fixtures';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const actions = async (projectId: string) =>
  (await h.store.find<AuditEntry>('audit', { where: { entityId: projectId }, orderBy: [{ field: 'at', direction: 'asc' }] })).map((a) => a.action);

const midterm = (p: Project, extra: Record<string, unknown> = {}) => ({
  projectId: p._id,
  version: p.version,
  progress: '完成组织共建三次。',
  results: '形成工作指引初稿。',
  spendingNote: '按预算使用。',
  changeRequests: '',
  ...extra,
});

describe('中期验收', () => {
  it('stores the host’s materials, then a pass returns the project to 培育 with tranche 2 due', async () => {
    const p = await cultivatingProject(h);
    await h.ok(HOST, 'funding.addExpense', { projectId: p._id, date: TODAY, item: '资料印制', amountFen: 1_200, receipts: [RECEIPT] });
    const submitted = await submitMidterm(h, await stored(h, p._id));
    expect(submitted).toMatchObject({ state: 'midterm_review', midtermPassed: false, can: { submitMidterm: false, decideMidterm: false } });
    expect(submitted.midterm).toMatchObject({ receivedFen: 5_000, spentFen: 1_200, submitterName: '张晓明', decision: null });

    const seen = await h.ok(ADMIN, 'project.reports', { projectId: p._id });
    expect(seen.can.decideMidterm).toBe(true);
    const passed = await h.ok(ADMIN, 'midterm.decide', { projectId: p._id, version: seen.projectVersion, pass: true, comment: '进展良好' });
    expect(passed).toMatchObject({ state: 'cultivating', midtermPassed: true });
    expect(passed.midterm?.decision).toMatchObject({ pass: true, comment: '进展良好', deciderName: '刘芳' });
    expect((await stored(h, p._id)).midtermPassed).toBe(true);
    expect(await h.ok(ADMIN, 'funding.status', { projectId: p._id })).toMatchObject({ dueTranche: 2, dueAmountFen: 5_001 });
    expect(await actions(p._id)).toEqual(expect.arrayContaining(['submitMidterm', 'passMidterm']));
    // Passed once: no second midterm.
    await refused(h, HOST, 'midterm.submit', midterm(await stored(h, p._id)), 'INVALID_TRANSITION');
  });

  it('takes the materials only from the host, on the current version, with the required parts', async () => {
    const p = await cultivatingProject(h);
    await refused(h, MEMBER2, 'midterm.submit', midterm(p), 'FORBIDDEN');
    await refused(h, SECRETARY_CS, 'midterm.submit', midterm(p), 'FORBIDDEN');
    await refused(h, HOST, 'midterm.submit', midterm(p, { version: p.version - 1 }), 'CONFLICT');
    await refused(h, HOST, 'midterm.submit', midterm(p, { results: ' ' }), 'VALIDATION');
    const r = await h.ok(HOST, 'midterm.submit', midterm(p));
    await refused(h, HOST, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: true, comment: '' }, 'FORBIDDEN');
    await refused(h, SECRETARY_CS, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: true, comment: '' }, 'FORBIDDEN');
  });

  it('terminates a failed project: a reason is required, and nothing more is accepted afterwards', async () => {
    const p = await cultivatingProject(h);
    const r = await submitMidterm(h, p);
    const noReason = await refused(h, ADMIN, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: false, comment: ' ' }, 'VALIDATION');
    expect(noReason.message).toContain('理由');
    const failed = await h.ok(ADMIN, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: false, comment: '未按计划开展活动' });
    expect(failed).toMatchObject({ state: 'terminated', midtermPassed: false });
    const t = await stored(h, p._id);

    const money = await refused(h, ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' }, 'INVALID_TRANSITION');
    expect(money.message).toContain('不再拨付');
    const spend = await refused(h, HOST, 'funding.addExpense', { projectId: p._id, date: TODAY, item: '补报', amountFen: 100, receipts: [RECEIPT] }, 'INVALID_TRANSITION');
    expect(spend.message).toContain('只读');
    await refused(h, SECRETARY_CS, 'funding.setMatching', { projectId: p._id, amountFen: 100, note: '' }, 'INVALID_TRANSITION');
    await refused(h, HOST, 'midterm.submit', midterm(t), 'INVALID_TRANSITION');
    await refused(h, HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '总结', outcomes: [OUTCOME] }, 'INVALID_TRANSITION');
    await refused(h, SECRETARY_CS, 'final.submit', { projectId: p._id, version: t.version }, 'INVALID_TRANSITION');
    await refused(h, SECRETARY_CS, 'guidance.add', { projectId: p._id, date: TODAY, kind: 'note', text: '继续指导' }, 'INVALID_TRANSITION');
    const status = await h.ok(HOST, 'funding.status', { projectId: p._id });
    expect(status).toMatchObject({ readOnly: true, dueTranche: null, can: { disburse: false, setMatching: false, addExpense: false } });
  });
});

describe('结项验收', () => {
  it('is prepared by the host only after the midterm is passed, with versioned saves', async () => {
    const c = await cultivatingProject(h);
    await refused(h, HOST, 'final.save', { projectId: c._id, reportVersion: null, summary: '', outcomes: [] }, 'TOO_EARLY');
    const r = await submitMidterm(h, c);
    await h.ok(ADMIN, 'midterm.decide', { projectId: c._id, version: r.projectVersion, pass: true, comment: '' });
    const p = await stored(h, c._id);
    const first = await h.ok(HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '', outcomes: [] });
    expect(first.final).toMatchObject({ version: 1, summary: '', outcomes: [], submittedAt: null });
    expect(first.can).toMatchObject({ saveFinal: true, submitFinal: false });
    await refused(h, HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '另一台设备', outcomes: [] }, 'CONFLICT');
    await refused(h, MEMBER2, 'final.save', { projectId: p._id, reportVersion: 1, summary: '冒名', outcomes: [] }, 'FORBIDDEN');
    await refused(h, HOST, 'final.save', { projectId: p._id, reportVersion: 1, summary: '', outcomes: [{ ...OUTCOME, kind: 'other' }] }, 'VALIDATION');
    await refused(h, HOST, 'final.save', { projectId: p._id, reportVersion: 1, summary: '', outcomes: [{ ...OUTCOME, link: 'ftp://x' }] }, 'VALIDATION');
    const second = await h.ok(HOST, 'final.save', {
      projectId: p._id,
      reportVersion: 1,
      summary: '按计划完成建设任务。',
      outcomes: [{ kind: 'practice', title: '科研党建融合活动', description: '十二场', link: 'https://news.example.edu/a', fileIds: ['local:photo1.jpg'] }],
    });
    expect(second.final).toMatchObject({ version: 2, outcomeCounts: { practice: 1, theory: 0 } });
    expect(second.final?.warnings.join()).toContain('理论成果和制度成果');
  });

  it('is submitted by the committee (not the host), refused while incomplete, then defended and concluded', async () => {
    const p = await passedMidterm(h);
    // The host cannot submit: the committee does (notice 三(二)4).
    await refused(h, HOST, 'final.submit', { projectId: p._id, version: p.version }, 'FORBIDDEN');
    await refused(h, SECRETARY_ME, 'final.submit', { projectId: p._id, version: p.version }, 'FORBIDDEN');
    const none = await refused(h, SECRETARY_CS, 'final.submit', { projectId: p._id, version: p.version }, 'INCOMPLETE');
    expect(none.message).toContain('主持人');
    await h.ok(HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '按计划完成建设任务。', outcomes: [] });
    await refused(h, SECRETARY_CS, 'final.submit', { projectId: p._id, version: p.version }, 'INCOMPLETE');
    await h.ok(HOST, 'final.save', { projectId: p._id, reportVersion: 1, summary: '按计划完成建设任务。', outcomes: [OUTCOME] });

    const submitted = await h.ok(SECRETARY_CS, 'final.submit', { projectId: p._id, version: p.version });
    expect(submitted).toMatchObject({ state: 'final_review', final: { submitterName: '王建国' }, can: { recordDefense: false } });
    await refused(h, HOST, 'final.save', { projectId: p._id, reportVersion: 2, summary: '再改', outcomes: [OUTCOME] }, 'INVALID_TRANSITION');

    const r = await h.ok(ADMIN, 'project.reports', { projectId: p._id });
    expect(r.can).toMatchObject({ recordDefense: true, decideFinal: false });
    await refused(h, ADMIN, 'final.decide', { projectId: p._id, version: r.projectVersion, pass: true, comment: '' }, 'INCOMPLETE');
    await refused(h, SECRETARY_CS, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: ['李教授'], result: '通过' }, 'FORBIDDEN');
    await refused(h, ADMIN, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: [], result: '通过' }, 'VALIDATION');

    const defended = await h.ok(ADMIN, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: ['李教授', '周书记'], result: '汇报清晰，成果扎实。' });
    expect(defended.final?.defense).toMatchObject({ date: TODAY, panel: ['李教授', '周书记'], recorderName: '刘芳' });
    expect(defended.can.decideFinal).toBe(true);

    const concluded = await h.ok(ADMIN, 'final.decide', { projectId: p._id, version: defended.projectVersion, pass: true, comment: '' });
    expect(concluded).toMatchObject({ state: 'concluded', final: { decision: { pass: true } } });
    expect(await actions(p._id)).toEqual(expect.arrayContaining(['submitFinal', 'finalDefense', 'conclude']));
    await refused(h, HOST, 'funding.addExpense', { projectId: p._id, date: TODAY, item: '结项后补报', amountFen: 100, receipts: [RECEIPT] }, 'INVALID_TRANSITION');

    for (const who of [HOST, SECRETARY_CS]) expect((await h.ok(who, 'project.reports', { projectId: p._id })).final?.decision?.pass).toBe(true);
    expect((await h.err(SECRETARY_ME, 'project.reports', { projectId: p._id })).code).toBe('FORBIDDEN');
  });

  it('fails with a reason, leaving the project read-only', async () => {
    const p = await inFinalReview(h);
    await h.ok(ADMIN, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: ['李教授'], result: '成果不足。' });
    const current = await stored(h, p._id);
    await refused(h, ADMIN, 'final.decide', { projectId: p._id, version: current.version, pass: false, comment: '' }, 'VALIDATION');
    const failed = await h.ok(ADMIN, 'final.decide', { projectId: p._id, version: current.version, pass: false, comment: '成果未达到申报预期' });
    expect(failed).toMatchObject({ state: 'failed', final: { decision: { pass: false, comment: '成果未达到申报预期' } } });
    await refused(h, ADMIN, 'final.recordDefense', { projectId: p._id, date: TODAY, panel: ['李教授'], result: '重新答辩' }, 'INVALID_TRANSITION');
    await refused(h, ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' }, 'INVALID_TRANSITION');
  });

  it('still pays a passed project’s tranche 2 during 结项验收', async () => {
    const p = await inFinalReview(h);
    expect(await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 2, amountFen: 5_001, note: '' })).toMatchObject({ state: 'final_review', paidFen: 10_001 });
  });
});
