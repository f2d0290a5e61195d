import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import { fundingStatus, TRANCHE_LABELS, type Tranche } from '@shared/domain/project/funding';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { CellInput, ColumnSpec } from '../../exports/sheets/columns';
import { findIn, forEachInOrder, forEachPage, sortedKeys } from '../../exports/sheets/scan';
import type { Disbursement, Expense } from '../funding/records';
import { allCommittees, committeeName, committeeOrder, committeeScope, exportedAt, projectQuery, requireBatch, saveBook, scopeWhere, titleOf, type StoredBatch } from './common';

/** From 立项 on: the projects that hold (or held) a grant. */
const FUNDED: readonly ProjectState[] = ['approved', 'cultivating', 'midterm_review', 'final_review', 'terminated', 'concluded', 'failed'];

type Key = [deadline: string, batchId: string, order: number, committeeId: string, title: string];

const compareKeys = (a: Key, b: Key) =>
  b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]) || a[2] - b[2] || a[3].localeCompare(b[3]) || a[4].localeCompare(b[4], 'zh-Hans-CN');

const MONEY = (header: string): ColumnSpec => ({ header: `${header}（元）`, width: 14, kind: 'yuan' });

/**
 * 经费: per funded project the 立项经费, each tranche paid (and when), the 配套经费, what has been
 * spent and what is left (已拨 + 配套 − 已支出), with a 合计 row summed in fen. One batch or every
 * batch; a secretary sees their own committee's projects only.
 */
export async function exportFunding(ctx: Context, input: ParsedInputOf<'export.funding'>): Promise<ExportedFile> {
  const one = input.batchId ? await requireBatch(ctx, input.batchId) : null;
  const committees = await allCommittees(ctx);
  const scope = committeeScope(ctx, null, committees);
  const batches = new Map<string, StoredBatch>();
  if (one) batches.set(one._id, one);
  else {
    await forEachPage<StoredBatch>(ctx.store, 'batches', {}, (page) => {
      for (const b of page) batches.set(b._id, b);
    });
  }
  // Without a batch the store narrows by state (indexed) instead: there is no batch to start from.
  const q = one ? projectQuery({ batchId: one._id, ...scopeWhere(scope) }, FUNDED) : projectQuery({ ...scopeWhere(scope), state: { $in: [...FUNDED] } }, FUNDED);
  const keys = await sortedKeys<Project, Key>(
    ctx.store,
    'projects',
    q.coarse,
    (p) => [batches.get(p.batchId)?.calendar.submissionDeadline ?? '', p.batchId, committeeOrder(committees, p.committeeId), p.committeeId, titleOf(p)],
    compareKeys,
    q.keep,
  );

  const columns: ColumnSpec[] = [
    { header: '序号', width: 6, kind: 'int' },
    ...(one ? [] : [{ header: '批次', width: 26, wrap: true }]),
    { header: '项目名称', width: 30, wrap: true },
    { header: '所属党委/总支', width: 22 },
    { header: '负责人', width: 10 },
    { header: '当前状态', width: 12 },
    MONEY('立项经费'),
    MONEY('第一笔已拨'),
    { header: '第一笔拨付时间', width: 17, kind: 'instant' },
    MONEY('第二笔已拨'),
    { header: '第二笔拨付时间', width: 17, kind: 'instant' },
    MONEY('已拨合计'),
    MONEY('配套经费'),
    MONEY('已支出'),
    MONEY('结余'),
    MONEY('尚未拨付'),
    { header: '待办', width: 24, wrap: true },
  ];
  const title = one ? `${one.name}经费情况` : '党建精品项目经费情况（全部批次）';
  const book = new XlsxBook({ title, now: ctx.now });
  const sheet = book.sheet({
    name: '经费情况',
    title,
    subtitle: `范围：${scope.label} · 共 ${keys.length} 项 · 结余 = 已拨合计 + 配套经费 − 已支出 · ${exportedAt(ctx)}`,
    columns,
  });

  const sums = { grant: 0, t1: 0, t2: 0, paid: 0, matching: 0, spent: 0, available: 0, unpaid: 0 };
  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    const ids = page.map((r) => r.doc._id);
    const [disbursements, expenses] = await Promise.all([
      findIn<Disbursement>(ctx.store, 'disbursements', 'projectId', ids),
      findIn<Expense>(ctx.store, 'expenses', 'projectId', ids),
    ]);
    for (const { doc: p } of page) {
      const paid = disbursements.filter((d) => d.projectId === p._id);
      const tranche = (t: Tranche) => paid.find((d) => d.tranche === t);
      const status = fundingStatus({
        grant: p.grantFen ?? 0,
        disbursements: paid,
        expenses: expenses.filter((e) => e.projectId === p._id),
        matchingFen: p.matchingFen ?? 0,
        state: p.state,
        midtermPassed: p.midtermPassed ?? false,
      });
      const t1 = tranche(1)?.amountFen ?? 0;
      const t2 = tranche(2)?.amountFen ?? 0;
      sums.grant += status.grant;
      sums.t1 += t1;
      sums.t2 += t2;
      sums.paid += status.paid;
      sums.matching += status.matching;
      sums.spent += status.spent;
      sums.available += status.available;
      sums.unpaid += status.unpaid;
      const row: CellInput[] = [
        sheet.rows + 1,
        ...(one ? [] : [batches.get(p.batchId)?.name ?? '']),
        titleOf(p),
        committeeName(committees, p.committeeId),
        p.hostName,
        PROJECT_STATE_LABELS[p.state],
        status.grant,
        t1,
        tranche(1)?.at ?? null,
        t2,
        tranche(2)?.at ?? null,
        status.paid,
        status.matching,
        status.spent,
        status.available,
        status.unpaid,
        status.dueTranche ? `${TRANCHE_LABELS[status.dueTranche]}待拨付` : '',
      ];
      sheet.add(row);
    }
  });
  if (sheet.rows === 0) sheet.note('暂无数据：还没有立项的项目。');
  else {
    sheet.total([
      '合计',
      ...(one ? [] : ['']),
      `${sheet.rows} 项`,
      '',
      '',
      '',
      sums.grant,
      sums.t1,
      null,
      sums.t2,
      null,
      sums.paid,
      sums.matching,
      sums.spent,
      sums.available,
      sums.unpaid,
      '',
    ]);
  }
  return saveBook(ctx, book, `${one ? one.name : '全部批次'}经费情况（${scope.label}）`, sheet.rows);
}
