import { AppError } from '@shared/contracts/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contracts';
import type { ApprovalNoticeView } from '@shared/contracts/paperwork';
import { sumFen } from '@shared/domain/money';
import { chineseNumeralDate, noticeTitle } from '@shared/domain/paperwork/notice';
import type { Project } from '@shared/domain/project/project';
import type { Context } from '../../context';
import { SeenProjects } from '../../services/staged-view';
import { buildApprovalNoticeDocx } from '../../exports/documents/approval-notice';
import { exportFileName } from '../../exports/text';
import { audit } from '../../services/audit';
import { Lookup } from '../../services/lookup';
import { enqueue } from '../../services/outbox';
import { APPROVED_STATES, loadBatch } from '../review/batch';
import { readAll } from '../review/pages';
import { inTransaction, titleOf } from '../review/release';
import type { StoredNotice } from './notice-read';
import { approvalPagePath } from '@shared/domain/paperwork/notice';

/** The approved projects of the batch, in the order of the committees, then by title. */
async function approvedItems(ctx: Context, batchId: string, grantPerProject: number): Promise<ApprovalNoticeView['items']> {
  const lookup = new Lookup(ctx.store);
  const projects = await readAll<Project>(ctx.store, 'projects', { batchId, state: { $in: [...APPROVED_STATES] } });
  // Its public page names the approved projects: not before the 立项 results are released to everyone.
  const everyone = new SeenProjects(ctx.store, false);
  for (const p of projects) {
    if (await everyone.hides(p)) throw new AppError('INVALID_TRANSITION', '立项结果尚未发布：请先在“发布通知”中发布本批次的立项结果，再下发立项通知');
  }
  await lookup.primeCommittees(projects.map((p) => p.committeeId));
  const rows = await Promise.all(
    projects.map(async (p) => ({
      order: (await lookup.committee(p.committeeId))?.order ?? Number.MAX_SAFE_INTEGER,
      committeeName: await lookup.committeeName(p.committeeId),
      p,
    })),
  );
  rows.sort((a, b) => a.order - b.order || titleOf(a.p).localeCompare(titleOf(b.p), 'zh-Hans-CN'));
  return rows.map((r, i) => ({ order: i + 1, projectId: r.p._id, title: titleOf(r.p), hostName: r.p.hostName, committeeName: r.committeeName, grantFen: r.p.grantFen ?? grantPerProject }));
}

/**
 * 下发立项通知: after the round is finalized the 组织部 gives the 发文字号, the issuing unit and
 * the 成文日期; the notice is kept (so its public page shows what it says) and made as a .docx.
 * Issuing again corrects it; the hosts are told once, with a link to the public page.
 */
export async function issueNotice(ctx: Context, input: ParsedInputOf<'notice.issue'>): Promise<OutputOf<'notice.issue'>> {
  const batch = await loadBatch(ctx.store, input.batchId);
  const items = await approvedItems(ctx, batch._id, batch.grantPerProject);
  if (items.length === 0) throw new AppError('INVALID_TRANSITION', '本批次还没有立项的项目：请在公示期满后先完成“立项决定”，再下发立项通知');
  const view: ApprovalNoticeView = {
    batchId: batch._id,
    batchName: batch.name,
    year: batch.year,
    issuerName: input.issuerName,
    docNumber: input.docNumber,
    title: noticeTitle(batch.name),
    date: input.date,
    dateText: chineseNumeralDate(input.date),
    items,
    totalFen: sumFen(items.map((i) => i.grantFen)),
  };
  const bytes = await buildApprovalNoticeDocx({ ...view, sourceNotice: batch.noticeTitle ?? null, grantPerProject: batch.grantPerProject, midtermDate: batch.calendar.midtermDate ?? null });
  const saved = await ctx.files.saveExport(bytes, exportFileName(`立项通知-${input.docNumber}-${batch.name}`, 'docx'));
  const at = ctx.now.toISOString();
  const hosts = await Promise.all(items.map(async (i) => (await ctx.store.get<Project>('projects', i.projectId))?.hostId ?? ''));
  await inTransaction(ctx, async (tx) => {
    const earlier = await tx.get<StoredNotice>('approvalNotices', batch._id);
    const doc = { ...view, issuedAt: at, issuedBy: ctx.user?._id ?? '' };
    if (earlier) await tx.update<StoredNotice>('approvalNotices', batch._id, earlier.version, doc);
    else await tx.insert<StoredNotice>('approvalNotices', { _id: batch._id, ...doc });
    const fresh = await loadBatch(tx, batch._id);
    if (fresh.issuerName !== input.issuerName) await tx.update('batches', fresh._id, fresh.version, { issuerName: input.issuerName });
    await audit(tx, { _id: ctx.newId(), entityType: 'batch', entityId: batch._id, action: earlier ? 'reissueNotice' : 'issueNotice', actorId: ctx.user?._id ?? '', at, from: earlier?.docNumber ?? null, to: `${input.docNumber}（${items.length}项）`, requestId: ctx.requestId });
    // Told once, on the first issue: a corrected reissue tells nobody twice.
    if (!earlier) {
      await enqueue(tx, { kind: 'notice.issue', recipientIds: hosts.filter((h) => h !== ''), title: `「${batch.name}」立项通知已下发（${input.docNumber}）`, body: '点击查看立项名单', entityId: batch._id, link: approvalPagePath(batch._id), eventId: `notice:${batch._id}` }, at);
    }
  });
  return { ...saved, rows: items.length, notice: view };
}

