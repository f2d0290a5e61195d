import type { ExportedFile } from '@shared/contracts/common';
import type { ParsedInputOf } from '@shared/contracts';
import { budgetTotal, completeFields } from '@shared/domain/project/application';
import type { Project } from '@shared/domain/project/project';
import { PROJECT_STATE_LABELS, type ProjectState } from '@shared/domain/project/state';
import type { Context } from '../../context';
import { XlsxBook } from '../../exports/sheets/book';
import type { ColumnSpec } from '../../exports/sheets/columns';
import { forEachInOrder, sortedKeys } from '../../exports/sheets/scan';
import { LISTED_STATES } from '@shared/contracts/lists';
import {
  allCommittees,
  categoryLabel,
  committeeName,
  committeeOrder,
  committeeScope,
  exportedAt,
  ProjectPeople,
  projectQuery,
  requireBatch,
  saveBook,
  scopeWhere,
  titleOf,
} from './common';

const COLUMNS: ColumnSpec[] = [
  { header: '序号', width: 6, kind: 'int' },
  { header: '项目名称', width: 32, wrap: true },
  { header: '所属党委/总支', width: 24 },
  { header: '支部', width: 24 },
  { header: '负责人', width: 10 },
  { header: '联系电话', width: 15 },
  { header: '类别', width: 16 },
  { header: '状态', width: 14 },
  { header: '提交时间（北京时间）', width: 18, kind: 'instant' },
  { header: '推荐排序', width: 10, kind: 'int' },
  { header: '经费预算（元）', width: 15, kind: 'yuan' },
  { header: '团队人数', width: 10, kind: 'int' },
];

type Key = [order: number, committeeId: string, submittedAt: string];

const compareKeys = (a: Key, b: Key) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]);

/**
 * 申报汇总: a batch's applications, by committee (in the committees' order) then by submission
 * time. Drafts are never listed: they are private to their teams.
 */
export async function exportApplications(ctx: Context, input: ParsedInputOf<'export.applications'>): Promise<ExportedFile> {
  const batch = await requireBatch(ctx, input.batchId);
  const committees = await allCommittees(ctx);
  const scope = committeeScope(ctx, input.committeeId, committees);
  const state: ProjectState | null = input.state ?? null;
  const q = projectQuery({ batchId: batch._id, ...scopeWhere(scope) }, state ? [state] : LISTED_STATES);
  const keys = await sortedKeys<Project, Key>(ctx.store, 'projects', q.coarse, (p) => [committeeOrder(committees, p.committeeId), p.committeeId, p.submittedAt ?? ''], compareKeys, q.keep);
  const stateText = state ? `（${PROJECT_STATE_LABELS[state]}）` : '';
  const book = new XlsxBook({ title: `${batch.name}申报汇总`, now: ctx.now });
  const sheet = book.sheet({
    name: '申报汇总',
    title: `${batch.name}申报汇总${stateText}`,
    subtitle: `范围：${scope.label} · 共 ${keys.length} 项（不含未提交的草稿） · ${exportedAt(ctx)}`,
    columns: COLUMNS,
  });
  const people = new ProjectPeople(ctx);
  await forEachInOrder<Project, Key>(ctx.store, 'projects', q.full, keys, async (page) => {
    await people.load(page.map((r) => r.doc));
    for (const { doc: p } of page) {
      const fields = completeFields(p.fields);
      sheet.add([
        sheet.rows + 1,
        titleOf(p),
        committeeName(committees, p.committeeId),
        people.branchName(p),
        p.hostName,
        fields.contactPhone,
        categoryLabel(fields.category),
        PROJECT_STATE_LABELS[p.state],
        p.submittedAt,
        p.committeeRank ?? null,
        budgetTotal(fields.budget),
        people.teamSize(p),
      ]);
    }
  });
  if (sheet.rows === 0) sheet.note('暂无数据：该范围内还没有已提交的申报。');
  return saveBook(ctx, book, `${batch.name}申报汇总（${scope.label}${state ? `·${PROJECT_STATE_LABELS[state]}` : ''}）`, sheet.rows);
}
