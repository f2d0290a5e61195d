import { expect } from 'vitest';
import type { ErrorCode, ProcedureName } from '@shared/contracts';
import type { Project } from '@shared/domain/project/project';
import { ADMIN, COMPLETE_FIELDS, HOST, OPEN_BATCH, SECRETARY_CS, type Harness } from '../../../../test/support/harness';

/** Test fixtures for the funding area (used by its *.test.ts files only). */

export const GRANT = 10_001;
export const TODAY = '2026-11-27';
export const RECEIPT = 'cloud://env/receipts/r1.jpg';

const WATCHED = ['projects', 'disbursements', 'expenses', 'guidance', 'projectReports', 'audit', 'outbox'] as const;

/** Counts of every collection this area writes, and the projects as stored. */
export async function snapshot(h: Harness) {
  const counts: Record<string, number> = {};
  for (const c of WATCHED) counts[c] = await h.store.count(c);
  const projects = await h.store.find<Project>('projects', { limit: 100 });
  return { counts, projects };
}

/** Calls expecting `code`, and checks the call changed nothing stored. */
export async function refused(h: Harness, openid: string, procedure: ProcedureName, input: unknown, code: ErrorCode) {
  const before = await snapshot(h);
  const r = await h.raw(openid, procedure, input);
  if (r.ok) throw new Error(`${procedure} unexpectedly succeeded`);
  expect(r.error.code, r.error.message).toBe(code);
  expect(await snapshot(h)).toEqual(before);
  return r.error;
}

export async function stored(h: Harness, id: string): Promise<Project> {
  const p = await h.store.get<Project>('projects', id);
  if (!p) throw new Error(`project ${id} missing`);
  return p;
}

/**
 * An approved project with a grant. Drafting and submitting go through the procedures; the
 * committee's recommendation, the 立项评审 and the approval are being built elsewhere, so the
 * approved state and its grant are written straight into the store.
 */
export async function approvedProject(h: Harness, grantFen = GRANT, openid = HOST): Promise<Project> {
  const p = await h.ok(openid, 'project.create', { batchId: OPEN_BATCH });
  const saved = await h.ok(openid, 'project.saveDraft', { id: p._id, version: p.version, fields: COMPLETE_FIELDS });
  const submitted = await h.ok(openid, 'project.submit', { id: saved._id, version: saved.version });
  return h.store.update<Project>('projects', submitted._id, submitted.version, { state: 'approved', grantFen });
}

/** Approved, tranche 1 paid: 培育中. */
export async function cultivatingProject(h: Harness, grantFen = GRANT): Promise<Project> {
  const p = await approvedProject(h, grantFen);
  await h.ok(ADMIN, 'funding.disburse', { projectId: p._id, tranche: 1, amountFen: Math.floor(grantFen / 2), note: '' });
  return stored(h, p._id);
}

export async function submitMidterm(h: Harness, p: Project) {
  return h.ok(HOST, 'midterm.submit', {
    projectId: p._id,
    version: p.version,
    progress: '完成组织共建三次、骨干培训两期。',
    results: '形成《支部建在团队上工作指引》初稿。',
    spendingNote: '已支出第一笔经费的六成，用于资料印制与交通。',
    changeRequests: '',
  });
}

/** Cultivating again after a passed midterm: tranche 2 due, 结项 may be prepared. */
export async function passedMidterm(h: Harness, grantFen = GRANT): Promise<Project> {
  const p = await cultivatingProject(h, grantFen);
  const r = await submitMidterm(h, p);
  await h.ok(ADMIN, 'midterm.decide', { projectId: p._id, version: r.projectVersion, pass: true, comment: '进展良好' });
  return stored(h, p._id);
}

export const OUTCOME = { kind: 'system' as const, title: '支部建在团队上工作指引', description: '学院党委印发执行。' };

/** In 结项验收: the host prepared the materials, the committee submitted them. */
export async function inFinalReview(h: Harness): Promise<Project> {
  const p = await passedMidterm(h);
  await h.ok(HOST, 'final.save', { projectId: p._id, reportVersion: null, summary: '一年来项目按计划完成。', outcomes: [OUTCOME] });
  await h.ok(SECRETARY_CS, 'final.submit', { projectId: p._id, version: p.version });
  return stored(h, p._id);
}
